import { Permission } from '../../src/auth/permission';
import { startTestNas, type TestNas } from '../support/test-nas';
import { waitUntil } from '../support/processes';
import { SessionEnforcementWorld } from './session-enforcement-world';

/**
 * What the NAS answers, or does not: a silent NAS gets the same request again with backoff until it
 * answers, and acts on it once; a NAK is final, kept with its Error-Cause and shown on the account;
 * a NAS that limits by disconnecting gets one Disconnect-Request. Statuses are changed by hand
 * here (the delinquency run has its own spec); the account's status watcher is the same path.
 */
describe('session enforcement and what the NAS answers', () => {
  let w: SessionEnforcementWorld;
  let serviceId: number;
  let active: number;
  let delinquent: number;
  const forUser = (nas: TestNas, username: string) =>
    nas.requests().filter((r) => r.attributes.some(([n, v]) => n === 'User-Name' && v === username));
  const setStatus = (accountId: number, statusId: number) => w.put(`/api/accounts/${accountId}`, { accountStatusId: statusId });

  async function subscriberWithSession(username: string, nasAddress?: string): Promise<number> {
    const accountId = await w.subscriber(serviceId, username);
    await w.openSession(username, `${username}-1`, '100.64.1.20', new Date(Date.now() - 3_600_000), nasAddress);
    return accountId;
  }

  beforeAll(async () => {
    w = await SessionEnforcementWorld.start();
    serviceId = await w.dataService(50_000, 10_000);
    active = await w.status('Active', false);
    delinquent = await w.status('Delinquent', true);
  }, 180_000);

  afterAll(() => w?.close());

  it('sends the same request again while the NAS is silent, and once it answers the NAS has seen one request', async () => {
    w.nas.answer({ kind: 'silent' });
    const accountId = await subscriberWithSession('sid');
    await setStatus(accountId, delinquent);
    await waitUntil('the CoA to be sent three times', async () => (await w.requests(accountId))[0]?.attempts >= 3, 60_000);
    const waiting = await w.get(`/api/accounts/${accountId}/network-status`);
    expect(waiting).toMatchObject({ state: 'waiting_for_server', run: { waitingFor: 'NAS Test BNG' } });
    expect(waiting.run.failure).toMatch(/did not answer the CoA-Request for session sid-1 of sid/);
    expect((await w.get(`/api/accounts/${accountId}/session-enforcement`)).requests).toEqual([
      expect.objectContaining({ status: 'pending', reply: null }),
    ]);

    w.nas.answer({ kind: 'ack' });
    await w.applied(accountId);
    const [row] = await w.requests(accountId);
    expect(row).toMatchObject({ kind: 'coa', purpose: 'restrict', status: 'acked', reply_code: 44 });
    const seen = forUser(w.nas, 'sid');
    // Every transmission was the same packet: one request, received as often as it was sent.
    expect(seen).toHaveLength(1);
    expect(seen[0].received).toBe(row.attempts);
    await w.passAgain(accountId);
    expect(forUser(w.nas, 'sid')).toHaveLength(1);
  }, 120_000);

  it('records a NAK with its Error-Cause, shows it on the account and does not send it again', async () => {
    w.nas.answer({ kind: 'nak', errorCause: 503 });
    const accountId = await subscriberWithSession('nina');
    await setStatus(accountId, delinquent);
    await w.applied(accountId);
    expect(await w.requests(accountId)).toEqual([
      expect.objectContaining({ status: 'naked', reply_code: 45, error_cause: 503, attempts: 1 }),
    ]);
    const shown = await w.get(`/api/accounts/${accountId}/session-enforcement`);
    expect(shown).toMatchObject({
      restriction: { reason: 'delinquency', downloadKbps: 512, uploadKbps: 256 },
      applied: { restriction: { reason: 'delinquency' } },
      requests: [
        {
          kind: 'coa',
          purpose: 'restrict',
          status: 'naked',
          reply: 'CoA-NAK',
          errorCause: 503,
          errorCauseText: 'Session-Context-Not-Found',
          nas: { name: 'Test BNG', address: w.nas.host },
        },
      ],
    });
    await w.passAgain(accountId);
    expect(forUser(w.nas, 'nina')).toHaveLength(1);
    w.nas.answer({ kind: 'ack' });
  }, 120_000);

  it('cuts a session on a NAS that limits by disconnecting with one Disconnect-Request, and on restore only one that logged in limited', async () => {
    const cutter = await startTestNas('cutter-secret', '127.0.0.2');
    try {
      await w.post('/api/nas-devices', {
        name: 'Old DSLAM',
        address: cutter.host,
        secret: cutter.secret,
        coaPort: cutter.port,
        disconnectToLimit: true,
      });
      const accountId = await subscriberWithSession('dina', cutter.host);
      await setStatus(accountId, delinquent);
      await w.applied(accountId);
      expect(cutter.requests()).toEqual([
        expect.objectContaining({
          codeName: 'Disconnect-Request',
          attributes: [
            ['User-Name', 'dina'],
            ['Acct-Session-Id', 'dina-1'],
            ['Framed-IP-Address', '100.64.1.20'],
          ],
        }),
      ]);
      expect(await w.requests(accountId)).toEqual([expect.objectContaining({ kind: 'disconnect', status: 'acked', reply_code: 41 })]);

      // The NAS cut it, and the subscriber logs in again: limited by FreeRADIUS from the start, so nothing is sent.
      await w.closeSession('dina', 'dina-1', new Date(), cutter.host);
      await w.openSession('dina', 'dina-2', '100.64.1.20', new Date(Date.now() + 2_000), cutter.host);
      await w.passAgain(accountId);
      expect(cutter.requests()).toHaveLength(1);

      // Restored: the session cut before gets nothing (its next login gets the normal profile), but the one that
      // logged in limited cannot be changed live either, so it is cut once too, and its next login is not limited.
      await setStatus(accountId, active);
      await w.applied(accountId);
      await w.passAgain(accountId);
      expect(cutter.requests().map((r) => [r.codeName, r.attributes[1][1]])).toEqual([
        ['Disconnect-Request', 'dina-1'],
        ['Disconnect-Request', 'dina-2'],
      ]);
      expect(await w.requests(accountId)).toEqual([
        expect.objectContaining({ kind: 'disconnect', purpose: 'restrict', status: 'acked' }),
        expect.objectContaining({ kind: 'disconnect', purpose: 'restore', status: 'acked' }),
      ]);
      expect(forUser(w.nas, 'dina')).toEqual([]);
    } finally {
      await cutter.close();
    }
  }, 120_000);

  it('limits the sessions of delinquent accounts to the new profile when the settings change', async () => {
    const accountId = await subscriberWithSession('seth');
    await setStatus(accountId, delinquent);
    await w.applied(accountId);
    expect(forUser(w.nas, 'seth')).toHaveLength(1);

    const changed = await w.put('/api/session-enforcement-settings', { delinquentDownloadKbps: 1024, delinquentUploadKbps: 384 });
    expect(changed).toMatchObject({ delinquentDownloadKbps: 1024, delinquentUploadKbps: 384 });
    expect(await w.get('/api/session-enforcement-settings')).toMatchObject({ delinquentDownloadKbps: 1024, delinquentUploadKbps: 384 });
    await waitUntil('the new profile to be sent', async () => forUser(w.nas, 'seth').length === 2, 30_000);
    await w.applied(accountId);
    expect(forUser(w.nas, 'seth')[1].attributes).toEqual(
      expect.arrayContaining([
        ['Mikrotik-Rate-Limit', '384k/1024k'],
        ['WISPr-Bandwidth-Max-Down', 1_024_000],
      ]),
    );
    expect((await w.lab.radtest('seth', 'seth-pass-1')).output).toContain('Mikrotik-Rate-Limit = "384k/1024k"');
    const [audit] = await w.sut.db.query(
      "SELECT before_state, after_state FROM action_history WHERE entity_type = 'session_enforcement_settings' AND action = 'update' ORDER BY id DESC LIMIT 1",
    );
    const state = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value);
    expect(state(audit.before_state)).toEqual({ delinquentDownloadKbps: 512, delinquentUploadKbps: 256 });
    expect(state(audit.after_state)).toEqual({ delinquentDownloadKbps: 1024, delinquentUploadKbps: 384 });
    await w.put('/api/session-enforcement-settings', { delinquentDownloadKbps: 512, delinquentUploadKbps: 256 });
  }, 120_000);

  it('checks permissions and names the field of bad input', async () => {
    const reader = await w.sut.userWith([Permission.NetworkRead]);
    const clerk = await w.sut.userWith([Permission.AccountsRead]);
    const accountId = await w.subscriber(serviceId, 'perm');

    await w.sut.http().get('/api/session-enforcement-settings').expect(401);
    await w.sut.http().put('/api/session-enforcement-settings').send({ delinquentDownloadKbps: 1, delinquentUploadKbps: 1 }).expect(401);
    await w.sut.http().get(`/api/accounts/${accountId}/session-enforcement`).expect(401);
    await w.sut.http().get('/api/session-enforcement-settings').auth(clerk.token, { type: 'bearer' }).expect(403);
    await w.sut.http().get(`/api/accounts/${accountId}/session-enforcement`).auth(clerk.token, { type: 'bearer' }).expect(403);
    await w.sut.http().get('/api/session-enforcement-settings').auth(reader.token, { type: 'bearer' }).expect(200);
    await w.sut.http().get(`/api/accounts/${accountId}/session-enforcement`).auth(reader.token, { type: 'bearer' }).expect(200);
    await w.sut
      .http()
      .put('/api/session-enforcement-settings')
      .auth(reader.token, { type: 'bearer' })
      .send({ delinquentDownloadKbps: 1, delinquentUploadKbps: 1 })
      .expect(403);

    const bad = await w.put('/api/session-enforcement-settings', { delinquentDownloadKbps: 0, delinquentUploadKbps: 'fast' }, 400);
    const fields = (body: { details: { field: string }[] }) => [...new Set(body.details.map((d) => d.field))].sort();
    expect(fields(bad)).toEqual(['delinquentDownloadKbps', 'delinquentUploadKbps']);
    expect(fields(await w.put('/api/session-enforcement-settings', { delinquentDownloadKbps: 512 }, 400))).toEqual([
      'delinquentUploadKbps',
    ]);
    expect(await w.get('/api/session-enforcement-settings')).toMatchObject({ delinquentDownloadKbps: 512, delinquentUploadKbps: 256 });
    expect((await w.get('/api/accounts/999999999/session-enforcement', 404)).message).toBe('Account 999999999 does not exist');
    await w.get('/api/accounts/forty-two/session-enforcement', 400);
  });
});
