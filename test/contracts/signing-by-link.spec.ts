import { WorkflowFailedError } from '@temporalio/client';
import { searchAttributes } from '../../workflows/shared';
import { ContractSigningProcess } from '../../src/contracts/contract-signing-process';
import { drawnSignature } from './signature-fixture';
import { mailTo, publicCall, sentContract, signingWorld, SigningWorld, tokenIn, waitForMail } from './signing-world';

const LINK_INVALID = 'signing_link_invalid';

describe('signing a contract by a link, as a durable process', () => {
  let world: SigningWorld;
  let signature: string;

  beforeAll(async () => {
    world = await signingWorld();
    signature = (await drawnSignature()).dataUrl;
  });
  afterAll(() => world.close());

  const contract = (id: number) => world.sut.http().get(`/api/contracts/${id}`).auth(world.clerk.token, { type: 'bearer' }).expect(200);
  const result = (workflowId: string) => world.temporal.workflow.getHandle(workflowId).result();

  it('emails the contact a link that opens only that document, signs once, and ends the run', async () => {
    const sent = await sentContract(world);
    const handle = world.temporal.workflow.getHandle(sent.workflowId);
    const described = await handle.describe();
    expect(described.typedSearchAttributes.get(searchAttributes.accountId)).toBe(sent.accountId);
    expect(String(described.memo?.description)).toContain(sent.email);

    const [mail] = await waitForMail(world.peer, sent.email, 1);
    expect(mail.subject).toMatch(/^Please sign "Agreement /);
    const token = tokenIn(mail);
    // The link is kept as a hash only.
    const [{ n }] = await world.sut.db.query('SELECT COUNT(*) AS n FROM contract_signing_links WHERE token_sha256 = SHA2(?, 256)', [token]);
    expect(Number(n)).toBe(1);
    const [{ raw }] = await world.sut.db.query('SELECT COUNT(*) AS raw FROM contract_signing_links WHERE token_sha256 = ?', [token]);
    expect(Number(raw)).toBe(0);

    // Staff reading the account's email see the link without its token: it is the signer's key.
    const [{ id: emailId }] = await world.sut.db.query(`SELECT id FROM emails WHERE related_type = 'contract' AND related_id = ?`, [
      sent.contractId,
    ]);
    const shown = await world.sut.http().get(`/api/emails/${emailId}`).auth(world.clerk.token, { type: 'bearer' }).expect(200);
    expect(shown.body.text).toContain('https://billing.example.net/sign#(link withheld)');
    expect(shown.body.text).not.toContain(token);

    // The token opens this document and nothing else: no staff route takes it.
    for (const path of ['/api/accounts', `/api/contracts/${sent.contractId}`, `/api/contracts/${sent.contractId}/pdf`, '/api/auth/me']) {
      await world.sut.http().get(path).auth(token, { type: 'bearer' }).expect(401);
      await world.sut.http().get(path).set('Cookie', `backhaul_session=${token}`).expect(401);
    }
    const viewed = await publicCall(world.sut, 'view', { token }).expect(200);
    expect(Object.keys(viewed.body).sort()).toEqual(['companyName', 'contractName', 'expiresAt', 'html', 'signedAt', 'signedBy', 'state']);
    expect(viewed.body).toMatchObject({ state: 'open', signedBy: null });
    expect(viewed.body.html).toContain('<h1>Agreement</h1>');
    expect((await contract(sent.contractId)).body).toMatchObject({ state: 'viewed' });

    const signed = await publicCall(world.sut, 'sign', { token, name: 'Sam Signer', signature, consent: true }).expect(200);
    expect(signed.body).toMatchObject({ state: 'signed', signedBy: 'Sam Signer', html: null });
    await expect(result(sent.workflowId)).resolves.toMatchObject({ outcome: 'signed', emailsSent: 1, remindersSent: 0 });
    const after = (await contract(sent.contractId)).body;
    expect(after).toMatchObject({
      state: 'signed',
      signedBy: 'Sam Signer',
      signingMethod: 'link',
      signerEmail: sent.email,
      signerUserAgent: 'Signer phone',
    });
    expect(after.requests).toEqual([expect.objectContaining({ state: 'signed', emailsSent: 1 })]);

    // After signing the link says so, and signs nothing again.
    await expect(publicCall(world.sut, 'view', { token }).expect(200)).resolves.toMatchObject({ body: { state: 'signed', html: null } });
    const again = await publicCall(world.sut, 'sign', { token, name: 'Someone Else', signature, consent: true }).expect(404);
    expect(again.body.code).toBe(LINK_INVALID);
  });

  it('sends the reminders at their times, then expires the request, tells the clerk, and refuses a late signature', async () => {
    const sent = await sentContract(world);
    const outcome = await result(sent.workflowId);
    expect(outcome).toEqual({ outcome: 'expired', emailsSent: 3, remindersSent: 2 });
    const mail = mailTo(world.peer, sent.email);
    expect(mail.map((m) => m.subject?.startsWith('Reminder:'))).toEqual([false, true, true]);
    const at = mail.map((m) => (m.date as Date).getTime());
    // Reminders at 4 s and 8 s after the request (the Date header has whole seconds).
    expect(at[1] - at[0]).toBeGreaterThanOrEqual(3000);
    expect(at[2] - at[0]).toBeGreaterThanOrEqual(7000);
    // Each email carries a link of its own.
    expect(new Set(mail.map(tokenIn)).size).toBe(3);

    expect((await contract(sent.contractId)).body).toMatchObject({ state: 'expired', signedBy: null, openRequest: null });
    const tasks = await world.sut.db.query('SELECT title, assigned_user_id FROM account_tasks WHERE account_id = ?', [sent.accountId]);
    expect(tasks).toEqual([{ title: expect.stringMatching(/^Contract 'Agreement .*' was not signed$/), assigned_user_id: world.clerk.id }]);
    for (const m of mail) {
      const late = await publicCall(world.sut, 'sign', { token: tokenIn(m), name: 'Sam Signer', signature, consent: true }).expect(404);
      expect(late.body.code).toBe(LINK_INVALID);
    }
  }, 60_000);

  it('cancels by an update the history shows, and the link stops working', async () => {
    const sent = await sentContract(world);
    const [mail] = await waitForMail(world.peer, sent.email, 1);
    await world.sut.http().post(`/api/contracts/${sent.contractId}/cancel`).auth(world.clerk.token, { type: 'bearer' }).expect(200);
    await expect(result(sent.workflowId)).resolves.toMatchObject({ outcome: 'cancelled', emailsSent: 1 });
    const history = await world.temporal.workflow.getHandle(sent.workflowId).fetchHistory();
    expect(
      history.events?.some(
        (e) => e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.name === 'cancelSigningRequest',
      ),
    ).toBe(true);
    expect((await contract(sent.contractId)).body).toMatchObject({ state: 'cancelled', openRequest: null });
    const refused = await publicCall(world.sut, 'view', { token: tokenIn(mail) }).expect(404);
    expect(refused.body.code).toBe(LINK_INVALID);
    const late = await publicCall(world.sut, 'sign', { token: tokenIn(mail), name: 'Sam Signer', signature, consent: true }).expect(404);
    expect(late.body.code).toBe(LINK_INVALID);
    // A wrong token gets the very same answer.
    const wrong = await publicCall(world.sut, 'view', { token: 'x'.repeat(43) }).expect(404);
    expect(wrong.body).toEqual({ ...refused.body, requestId: wrong.body.requestId });
  });

  it('re-sends with a fresh link and a later expiry, by an update; either link signs', async () => {
    const sent = await sentContract(world);
    await waitForMail(world.peer, sent.email, 1);
    const before = (await contract(sent.contractId)).body.openRequest.expiresAt;
    await new Promise((r) => setTimeout(r, 1500));
    const resent = await world.sut
      .http()
      .post(`/api/contracts/${sent.contractId}/resend`)
      .auth(world.clerk.token, { type: 'bearer' })
      .expect(200);
    expect(Date.parse(resent.body.openRequest.expiresAt)).toBeGreaterThan(Date.parse(before));
    const mail = await waitForMail(world.peer, sent.email, 2);
    expect(tokenIn(mail[1])).not.toBe(tokenIn(mail[0]));
    const history = await world.temporal.workflow.getHandle(sent.workflowId).fetchHistory();
    expect(
      history.events?.some(
        (e) => e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.name === 'resendSigningRequest',
      ),
    ).toBe(true);
    await publicCall(world.sut, 'sign', { token: tokenIn(mail[0]), name: 'Sam Signer', signature, consent: true }).expect(200);
    await expect(result(sent.workflowId)).resolves.toMatchObject({ outcome: 'signed', emailsSent: 2 });
  });

  it('signs once when two signatures arrive together', async () => {
    const sent = await sentContract(world);
    const token = tokenIn((await waitForMail(world.peer, sent.email, 1))[0]);
    const answers = await Promise.all(
      ['Sam Signer', 'Sam S.'].map((name) => publicCall(world.sut, 'sign', { token, name, signature, consent: true })),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 404]);
    const [{ n }] = await world.sut.db.query('SELECT COUNT(*) AS n FROM contract_documents WHERE contract_id = ?', [sent.contractId]);
    expect(Number(n)).toBe(1);
    await expect(result(sent.workflowId)).resolves.toMatchObject({ outcome: 'signed' });
  });

  it('records a refusal with its reason and ends the run', async () => {
    const sent = await sentContract(world);
    const token = tokenIn((await waitForMail(world.peer, sent.email, 1))[0]);
    await publicCall(world.sut, 'decline', { token, reason: 'The price is not what we agreed' }).expect(204);
    await expect(result(sent.workflowId)).resolves.toMatchObject({ outcome: 'declined' });
    expect((await contract(sent.contractId)).body).toMatchObject({ state: 'declined', declineReason: 'The price is not what we agreed' });
    await publicCall(world.sut, 'sign', { token, name: 'Sam Signer', signature, consent: true }).expect(404);
  });

  it('commits a signature while Temporal cannot be told, and the run catches up on its own', async () => {
    const sent = await sentContract(world);
    const token = tokenIn((await waitForMail(world.peer, sent.email, 1))[0]);
    const process = world.sut.app.get(ContractSigningProcess);
    const told = jest.spyOn(process, 'closed').mockImplementation(async () => {
      // As if Temporal were unreachable: the signal never leaves.
    });
    try {
      await publicCall(world.sut, 'sign', { token, name: 'Sam Signer', signature, consent: true }).expect(200);
      expect(told).toHaveBeenCalledTimes(1);
    } finally {
      told.mockRestore();
    }
    // No signal reached it: its next look at the row (every 3 s here) ends it.
    await expect(result(sent.workflowId)).resolves.toMatchObject({ outcome: 'signed', remindersSent: 0 });
    const history = await world.temporal.workflow.getHandle(sent.workflowId).fetchHistory();
    expect(history.events?.some((e) => e.workflowExecutionSignaledEventAttributes)).toBe(false);
  });

  it('refuses to send to a contact of another account or without an email, writing nothing', async () => {
    const sent = await sentContract(world);
    const other = await sentContract(world);
    await world.sut.http().post(`/api/contracts/${sent.contractId}/cancel`).auth(world.clerk.token, { type: 'bearer' }).expect(200);
    const res = await world.sut
      .http()
      .post(`/api/contracts/${sent.contractId}/send`)
      .auth(world.clerk.token, { type: 'bearer' })
      .send({ contactId: other.contactId })
      .expect(400);
    expect(res.body.details).toEqual([expect.objectContaining({ field: 'contactId', rule: 'sameAccount' })]);
    const [{ n }] = await world.sut.db.query('SELECT COUNT(*) AS n FROM contract_signing_requests WHERE contract_id = ?', [
      sent.contractId,
    ]);
    expect(Number(n)).toBe(1);
    await expect(result(sent.workflowId)).resolves.toMatchObject({ outcome: 'cancelled' });
    await expect(world.temporal.workflow.getHandle(other.workflowId).cancel()).resolves.toBeDefined();
    await expect(result(other.workflowId)).rejects.toBeInstanceOf(WorkflowFailedError);
  });
});
