import { Permission } from '../../src/auth/permission';
import { createTestApp, TestApp } from '../support/test-app';
import { PdfScratch, squeeze } from '../documents/pdf-text';
import { auditEntries, insertAccount, newRequestId } from '../notes/account-fixture';
import { binary } from '../files/file-fixture';
import { blankSignature, drawnSignature } from './signature-fixture';

const BODY =
  '<h1>{{contract.name}}</h1><p>Between {{company.name}} and <strong>{{account.name}}</strong> (account {{account.id}}), ' +
  'served at {{account.service_address}}.</p><p>Contact: {{contact.name}}, {{contact.email}}.</p>{{account.services}}' +
  '<p>Next charge {{account.next_recurring_charge}}. Term: {{contract.term}}. Written {{date.today}}.</p>';

describe('contracts: templates, contracts on an account, signing in person, the signed PDF and its verification', () => {
  let sut: TestApp;
  let clerk: { id: number; token: string };
  let reader: { id: number; token: string };
  let accountId: number;
  const scratch = new PdfScratch();

  beforeAll(async () => {
    sut = await createTestApp();
    clerk = await sut.userWith([Permission.ContractsRead, Permission.ContractsManage, Permission.ContractsConfigure]);
    reader = await sut.userWith([Permission.ContractsRead]);
    accountId = await insertAccount(sut, 'Rivera & <Sons>');
    await sut.db.query(`INSERT INTO contacts (account_id, name, email, is_primary) VALUES (?, 'Ana Rivera', 'ana@example.net', 1)`, [
      accountId,
    ]);
  });
  afterAll(async () => {
    scratch.close();
    await sut.close();
  });

  const api = (token: string, requestId = newRequestId('contracts')) => ({
    get: (path: string) => sut.http().get(`/api${path}`).auth(token, { type: 'bearer' }).set('X-Request-Id', requestId),
    post: (path: string, body: object = {}) =>
      sut.http().post(`/api${path}`).auth(token, { type: 'bearer' }).set('X-Request-Id', requestId).send(body),
    put: (path: string, body: object) =>
      sut.http().put(`/api${path}`).auth(token, { type: 'bearer' }).set('X-Request-Id', requestId).send(body),
    delete: (path: string) => sut.http().delete(`/api${path}`).auth(token, { type: 'bearer' }).set('X-Request-Id', requestId),
  });
  const name = (label: string) => `${label} ${Math.random().toString(36).slice(2, 8)}`;
  const template = async (overrides: object = {}) =>
    (
      await api(clerk.token)
        .post('/contract-templates', { name: name('Service agreement'), bodyHtml: BODY, termMonths: 12, ...overrides })
        .expect(201)
    ).body;
  const contractCount = async () => Number((await sut.db.query('SELECT COUNT(*) AS n FROM contracts'))[0].n);

  it('refuses an unknown merge field with a 400 naming it, and writes nothing', async () => {
    const before = Number((await sut.db.query('SELECT COUNT(*) AS n FROM contract_templates'))[0].n);
    const res = await api(clerk.token)
      .post('/contract-templates', { name: name('Broken'), bodyHtml: '<p>{{account.name}} owes {{account.shoe_size}}</p>' })
      .expect(400);
    expect(res.body.details).toEqual([
      expect.objectContaining({ field: 'bodyHtml', rule: 'mergeField', message: expect.stringContaining('{{account.shoe_size}}') }),
    ]);
    expect(Number((await sut.db.query('SELECT COUNT(*) AS n FROM contract_templates'))[0].n)).toBe(before);
  });

  it('saves a template sanitised: no script, no event handler, no remote image', async () => {
    const saved = await template({
      bodyHtml: `${BODY}<script>alert(1)</script><img src="https://x.example/t.gif" onerror="alert(2)"><p onclick="x()">ok</p>`,
    });
    expect(saved.bodyHtml).not.toMatch(/script|onerror|onclick|<img|x\.example/);
    expect(saved.bodyHtml).toContain('<p>ok</p>');
    expect(saved).toMatchObject({ termMonths: 12, enabled: true, contractCount: 0 });
  });

  it('previews a template for an account with its values merged and escaped', async () => {
    const t = await template();
    const res = await api(clerk.token).post(`/contract-templates/${t.id}/preview`, { accountId }).expect(200);
    expect(res.body.html).toContain('<strong>Rivera &amp; &lt;Sons&gt;');
    expect(res.body.html).toContain(`(account ${accountId})`);
    expect(res.body.html).toContain('Contact: Ana Rivera, ana@example.net.');
    expect(res.body.html).toContain('Term: 12 months.');
    expect(res.body.html).toContain('<em>No services.</em>');
    await api(clerk.token).post(`/contract-templates/${t.id}/preview`, { accountId, bodyHtml: '<p>{{nope}}</p>' }).expect(400);
  });

  it('writes a contract as it reads today and keeps it so when the template changes; edits write it again', async () => {
    const t = await template();
    const created = await api(clerk.token).post('/contracts', { accountId, templateId: t.id }).expect(201);
    expect(created.body).toMatchObject({ accountId, templateId: t.id, name: t.name, state: 'draft', signedBy: null, termMonths: 12 });
    expect(created.body.bodyHtml).toContain('Rivera &amp; &lt;Sons&gt;');
    await api(clerk.token).put(`/contract-templates/${t.id}`, { bodyHtml: '<p>Changed terms for {{account.name}}</p>' }).expect(200);
    const kept = await api(reader.token).get(`/contracts/${created.body.id}`).expect(200);
    expect(kept.body.bodyHtml).toBe(created.body.bodyHtml);
    expect(kept.body.documentSha256).toBe(created.body.documentSha256);

    const edited = await api(clerk.token).put(`/contracts/${created.body.id}`, {}).expect(200);
    expect(edited.body.bodyHtml).toMatch(/^<p>Changed terms for Rivera &amp; &lt;Sons&gt; \w+<\/p>$/);
    expect(edited.body.documentSha256).not.toBe(created.body.documentSha256);

    const listed = await api(reader.token)
      .get(`/contracts?filter=${encodeURIComponent(JSON.stringify({ accountId }))}`)
      .expect(200);
    expect(listed.body.map((c: { id: number }) => c.id)).toContain(created.body.id);
    expect(listed.body[0]).not.toHaveProperty('bodyHtml');

    const deleteId = newRequestId('contract-delete');
    await api(clerk.token, deleteId).delete(`/contracts/${created.body.id}`).expect(200);
    await api(reader.token).get(`/contracts/${created.body.id}`).expect(404);
    await expect(auditEntries(sut, deleteId)).resolves.toEqual([
      { accountId, actorUserId: clerk.id, action: 'delete', entityType: 'contract' },
    ]);
  });

  it('does not offer a disabled template, and refuses a contract from it', async () => {
    const t = await template({ enabled: false });
    const offered = await api(reader.token)
      .get(`/contract-templates?filter=${encodeURIComponent(JSON.stringify({ enabled: true }))}&range=[0,999]`)
      .expect(200);
    expect(offered.body.map((x: { id: number }) => x.id)).not.toContain(t.id);
    const before = await contractCount();
    const res = await api(clerk.token).post('/contracts', { accountId, templateId: t.id }).expect(409);
    expect(res.body.code).toBe('contract_template_disabled');
    expect(await contractCount()).toBe(before);
  });

  it('refuses to delete a template that was used, naming its contracts, and deletes one that was not', async () => {
    const used = await template();
    const contract = (await api(clerk.token).post('/contracts', { accountId, templateId: used.id }).expect(201)).body;
    const refused = await api(clerk.token).delete(`/contract-templates/${used.id}`).expect(409);
    expect(refused.body.code).toBe('contract_template_in_use');
    expect(refused.body.message).toContain(String(contract.id));
    await api(clerk.token).get(`/contract-templates/${used.id}`).expect(200);
    const unused = await template();
    await api(clerk.token).delete(`/contract-templates/${unused.id}`).expect(200);
    await api(clerk.token).get(`/contract-templates/${unused.id}`).expect(404);
  });

  it('signs in person once: the PDF has the merged fields, the certificate page and a valid signature, and nothing else can change it', async () => {
    const t = await template();
    const contract = (await api(clerk.token).post('/contracts', { accountId, templateId: t.id }).expect(201)).body;
    const { dataUrl } = await drawnSignature();
    const signId = newRequestId('contract-sign');
    const signed = await sut
      .http()
      .post(`/api/contracts/${contract.id}/sign`)
      .auth(clerk.token, { type: 'bearer' })
      .set('X-Request-Id', signId)
      .set('User-Agent', 'Counter tablet 3')
      .send({ name: 'Ana Rivera', email: 'ana@example.net', signature: dataUrl, consent: true })
      .expect(200);
    expect(signed.body).toMatchObject({
      state: 'signed',
      signedBy: 'Ana Rivera',
      signingMethod: 'in_person',
      signerUserAgent: 'Counter tablet 3',
    });
    expect(signed.body.expiresOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await expect(auditEntries(sut, signId)).resolves.toEqual([
      { accountId, actorUserId: clerk.id, action: 'contract.sign', entityType: 'contract' },
    ]);

    const pdf = await api(reader.token).get(`/contracts/${contract.id}/pdf`).buffer(true).parse(binary).expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = squeeze((await scratch.pages(pdf.body)).join('\n'));
    expect(text).toContain('Rivera & <Sons>');
    expect(text).toContain(`(account ${accountId})`);
    expect(text).toContain('Contact: Ana Rivera, ana@example.net.');
    expect(text).toContain('Signing certificate');
    expect(text).toContain('In person, on the screen of a staff member');
    expect(text).toContain('Counter tablet 3');
    expect(await scratch.signatures(pdf.body)).toContain('Signature Validation: Signature is Valid.');
    const png = await api(reader.token).get(`/contracts/${contract.id}/signature`).buffer(true).parse(binary).expect(200);
    expect(png.body.subarray(1, 4).toString()).toBe('PNG');

    const verified = await api(reader.token)
      .post('/contracts/verify', { pdf: pdf.body.toString('base64') })
      .expect(200);
    expect(verified.body).toMatchObject({
      intact: true,
      signedByUs: true,
      matchesKeptCopy: true,
      contractId: contract.id,
      accountId,
      signedBy: 'Ana Rivera',
    });
    const altered = Buffer.from(pdf.body);
    // A byte of the document's title, in the part the signature covers.
    const at = altered.indexOf(t.name);
    expect(at).toBeGreaterThan(0);
    altered[at] = 's'.charCodeAt(0);
    const refused = await api(reader.token)
      .post('/contracts/verify', { pdf: altered.toString('base64') })
      .expect(200);
    expect(refused.body).toMatchObject({
      intact: false,
      matchesKeptCopy: false,
      contractId: contract.id,
      problem: 'The file was changed after it was signed',
    });
    expect(await scratch.signatures(altered)).not.toContain('Signature is Valid');

    for (const attempt of [
      api(clerk.token).post(`/contracts/${contract.id}/sign`, { name: 'Someone', signature: dataUrl, consent: true }),
      api(clerk.token).put(`/contracts/${contract.id}`, {}),
      api(clerk.token).delete(`/contracts/${contract.id}`),
    ]) {
      const res = await attempt.expect(409);
      expect(res.body.code).toBe('contract_signed');
    }
  });

  it('signs once when two signatures arrive at the same moment', async () => {
    const t = await template();
    const contract = (await api(clerk.token).post('/contracts', { accountId, templateId: t.id }).expect(201)).body;
    const { dataUrl } = await drawnSignature();
    const answers = await Promise.all(
      ['First Signer', 'Second Signer'].map((signer) =>
        api(clerk.token).post(`/contracts/${contract.id}/sign`, { name: signer, signature: dataUrl, consent: true }),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const [{ n }] = await sut.db.query('SELECT COUNT(*) AS n FROM contract_documents WHERE contract_id = ?', [contract.id]);
    expect(Number(n)).toBe(1);
    const winner = answers.find((a) => a.status === 200)!.body.signedBy;
    expect((await api(reader.token).get(`/contracts/${contract.id}`).expect(200)).body.signedBy).toBe(winner);
  });

  it('refuses a signature without consent, without ink or not a PNG, naming the field, and signs nothing', async () => {
    const t = await template();
    const contract = (await api(clerk.token).post('/contracts', { accountId, templateId: t.id }).expect(201)).body;
    const { dataUrl } = await drawnSignature();
    const cases: [object, string][] = [
      [{ name: 'Ana', signature: dataUrl, consent: false }, 'consent'],
      [{ name: 'Ana', signature: await blankSignature(), consent: true }, 'signature'],
      [{ name: 'Ana', signature: 'data:image/gif;base64,R0lGOD', consent: true }, 'signature'],
      [{ name: '  ', signature: dataUrl, consent: true }, 'name'],
    ];
    for (const [body, field] of cases) {
      const res = await api(clerk.token).post(`/contracts/${contract.id}/sign`, body).expect(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    }
    expect((await api(reader.token).get(`/contracts/${contract.id}`).expect(200)).body).toMatchObject({ state: 'draft', signedBy: null });
  });

  it('lets a reader read but not write', async () => {
    const t = await template();
    const before = await contractCount();
    const refused = await api(reader.token).post('/contracts', { accountId, templateId: t.id });
    expect(refused.status).toBe(403);
    expect((await api(reader.token).post('/contract-templates', { name: name('x'), bodyHtml: '<p>x</p>' })).status).toBe(403);
    expect(await contractCount()).toBe(before);
  });
});
