import type { Client } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TEMPORAL_CLIENT } from '../../src/temporal/temporal.tokens';
import { workflowIds } from '../../workflows/shared';
import { DelinquencyWorld } from '../delinquency/delinquency-world';
import { SessionEnforcementWorld } from './session-enforcement-world';

/**
 * The billing loop closed on the network: an account the delinquency run switches to a delinquency
 * status is limited on its live session by exactly one CoA-Request carrying the delinquent profile,
 * and the payment that gives it its status back restores the session by exactly one more, with the
 * data service's speed; passes repeated in between send nothing.
 */
describe('a delinquent account’s live session, limited and restored', () => {
  let w: SessionEnforcementWorld;
  let billing: DelinquencyWorld;

  beforeAll(async () => {
    w = await SessionEnforcementWorld.start();
    billing = await new DelinquencyWorld(w.sut).init();
  }, 180_000);

  afterAll(async () => {
    jest.restoreAllMocks();
    await w?.close();
  });

  it('sends one CoA when the account turns delinquent and one when a payment restores it', async () => {
    const delinquentStatusId = await billing.status(true);
    const { accountId } = await billing.overdueAccount(10000, { delinquentStatusId });
    await w.relogin();
    const serviceId = await w.dataService(100_000, 20_000);
    await w.subscriber(serviceId, 'dora', { accountId, since: '2026-03-01' });
    await w.openSession('dora', 'dora-1', '100.64.0.10', new Date('2026-03-20T08:00:00Z'));
    await w.passAgain(accountId);
    expect(w.nas.requests()).toEqual([]);

    await billing.run('2026-04-02', [accountId]);
    expect(await billing.statusOf(accountId)).toBe(delinquentStatusId);
    await w.relogin();
    await w.applied(accountId);
    const [limited] = await w.nas.waitForRequests(1);
    expect(limited).toMatchObject({
      codeName: 'CoA-Request',
      attributes: [
        ['User-Name', 'dora'],
        ['Acct-Session-Id', 'dora-1'],
        ['Framed-IP-Address', '100.64.0.10'],
        // The settings' delinquent profile, 512 down and 256 up, in the attributes radreply uses.
        ['Mikrotik-Rate-Limit', '256k/512k'],
        ['WISPr-Bandwidth-Max-Down', 512_000],
        ['WISPr-Bandwidth-Max-Up', 256_000],
      ],
      received: 1,
      hadMessageAuthenticator: true,
    });
    expect(await w.requests(accountId)).toEqual([
      expect.objectContaining({ kind: 'coa', purpose: 'restrict', status: 'acked', attempts: 1, reply_code: 44, download_kbps: 512 }),
    ]);
    // A session that starts now is limited by FreeRADIUS itself.
    const login = await w.lab.radtest('dora', 'dora-pass-1');
    expect(login.accepted).toBe(true);
    expect(login.output).toContain('Mikrotik-Rate-Limit = "256k/512k"');
    expect(login.output).not.toContain('20000k/100000k');
    await w.passAgain(accountId);
    expect(w.nas.requests()).toHaveLength(1);

    await billing.pay(accountId, 10000, '2026-04-03');
    expect(await billing.statusOf(accountId)).not.toBe(delinquentStatusId);
    await w.applied(accountId);
    const [, restored] = await w.nas.waitForRequests(2);
    expect(restored.attributes).toEqual([
      ['User-Name', 'dora'],
      ['Acct-Session-Id', 'dora-1'],
      ['Framed-IP-Address', '100.64.0.10'],
      ['Mikrotik-Rate-Limit', '20000k/100000k'],
      ['WISPr-Bandwidth-Max-Down', 100_000_000],
      ['WISPr-Bandwidth-Max-Up', 20_000_000],
    ]);
    expect((await w.lab.radtest('dora', 'dora-pass-1')).output).toContain('Mikrotik-Rate-Limit = "20000k/100000k"');
    await w.passAgain(accountId);
    expect(w.nas.requests().map((r) => r.received)).toEqual([1, 1]);

    const shown = await w.get(`/api/accounts/${accountId}/session-enforcement`);
    expect(shown).toMatchObject({
      accountId,
      restriction: null,
      applied: { restriction: null },
      openSessions: 1,
      requests: [
        {
          kind: 'coa',
          purpose: 'restore',
          reason: null,
          status: 'acked',
          reply: 'CoA-ACK',
          downloadKbps: 100_000,
          acctSessionId: 'dora-1',
        },
        { kind: 'coa', purpose: 'restrict', reason: 'delinquency', status: 'acked', reply: 'CoA-ACK', downloadKbps: 512, attempts: 1 },
      ],
    });

    if (process.env.RECORD_HISTORIES) {
      const handle = w.sut.app.get<Client>(TEMPORAL_CLIENT).workflow.getHandle(workflowIds.networkSync(accountId));
      writeFileSync(
        join(__dirname, '../workflows/histories/network-sync-limited-and-restored-a-session.json'),
        historyToJSON(await handle.fetchHistory()),
      );
    }
  }, 180_000);
});
