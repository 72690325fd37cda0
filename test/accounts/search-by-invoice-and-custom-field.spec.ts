import { randomUUID } from 'node:crypto';
import { BillingWorld } from '../billing/billing-world';
import { createTestApp, TestApp } from '../support/test-app';

/** The global search finds an account by one of its invoice numbers and by a value of a unique custom field, and says which. */
describe('global search by invoice number and unique custom field', () => {
  let sut: TestApp;
  let w: BillingWorld;

  beforeAll(async () => {
    sut = await createTestApp();
    w = await new BillingWorld(sut).init();
  });
  afterAll(() => sut.close());

  const search = async (q: string) =>
    (await w.get(`/api/search?q=${encodeURIComponent(q)}`).expect(200)).body as {
      accountId: number;
      matched: string;
      matchedText: string | null;
    }[];

  it('finds the account owning an invoice number', async () => {
    const account = await w.account();
    await w.addService(account, await w.service(2000), '2026-07-01');
    const { invoice } = await w.generate(account, '2026-07-01');
    const hits = await search(invoice!.number);
    expect(hits[0]).toEqual(expect.objectContaining({ accountId: account, matched: 'invoice', matchedText: invoice!.number }));
    // Case does not matter, as clerks type it.
    expect((await search(invoice!.number.toLowerCase()))[0]).toMatchObject({ accountId: account, matched: 'invoice' });
  });

  it('finds the account by a unique custom field value, and not by a value of a field that is not unique', async () => {
    const run = randomUUID().slice(0, 8);
    const unique = (await w.post('/api/custom-fields', { name: `Circuit ${run}`, type: 'text', unique: true }).expect(201)).body;
    const shared = (await w.post('/api/custom-fields', { name: `Rack ${run}`, type: 'text' }).expect(201)).body;
    const account = await w.account();
    await w.put(`/api/accounts/${account}`, { customFields: { [unique.id]: `CIR-${run}`, [shared.id]: `RACK-${run}` } }).expect(200);

    const hits = await search(`CIR-${run}`);
    expect(hits[0]).toEqual(
      expect.objectContaining({ accountId: account, matched: 'customField', matchedText: `Circuit ${run}: CIR-${run}` }),
    );
    expect((await search(`RACK-${run}`)).some((h) => h.matched === 'customField')).toBe(false);
  });
});
