import type { TestApp } from '../support/test-app';

/** A contract written onto the account from a new template of its own, through the API as a clerk would. */
export async function writtenContract(
  sut: TestApp,
  token: string,
  accountId: number,
  template: { name: string; bodyHtml: string; termMonths: number | null },
): Promise<{ id: number; templateId: number }> {
  const written = await sut
    .http()
    .post('/api/contract-templates')
    .auth(token, { type: 'bearer' })
    .send({ ...template, name: `${template.name} ${Math.random().toString(36).slice(2, 8)}` })
    .expect(201);
  const contract = await sut
    .http()
    .post('/api/contracts')
    .auth(token, { type: 'bearer' })
    .send({ accountId, templateId: written.body.id })
    .expect(201);
  return { id: contract.body.id as number, templateId: written.body.id as number };
}
