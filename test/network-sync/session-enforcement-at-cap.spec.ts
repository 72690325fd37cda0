import type { Client } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Clock } from '../../src/common/clock';
import { TEMPORAL_CLIENT } from '../../src/temporal/temporal.tokens';
import { workflowIds } from '../../workflows/shared';
import { insertAccount } from '../contacts/account-fixture';
import { SessionEnforcementWorld } from './session-enforcement-world';

/** 1 MB: a cap the hand-counted octets below cross. */
const CAP_GB = '0.001';
/** The app's clock runs from a minute and a half before midnight UTC on 14 March 2027, the eve of the account's billing day. */
const EVE = Date.UTC(2027, 2, 14, 23, 58, 30);
const at = (hour: number, minute: number) => new Date(Date.UTC(2027, 2, 14, hour, minute));

/**
 * A usage policy that slows at the cap: accounting counted past the cap limits the live session
 * with one CoA-Request carrying the policy's slow profile, and when the usage period turns (the
 * account's billing day, at midnight UTC) the account's run looks again by itself and restores it
 * with one more.
 */
describe('a session slowed at its usage cap, and restored by the next period', () => {
  let w: SessionEnforcementWorld;

  beforeAll(async () => {
    w = await SessionEnforcementWorld.start();
  }, 180_000);

  afterAll(async () => {
    jest.restoreAllMocks();
    await w?.close();
  });

  it('sends one CoA with the slow profile once the cap is reached, and one restoring it after midnight on the billing day', async () => {
    const policy = await w.post('/api/usage-policies', {
      name: 'Slow after 1 MB',
      capGb: CAP_GB,
      atCap: 'slow',
      slowDownloadKbps: 1024,
      slowUploadKbps: 512,
    });
    const serviceId = await w.dataService(100_000, 20_000, policy.id);
    const offset = EVE - Date.now();
    jest.spyOn(w.sut.app.get(Clock), 'now').mockImplementation(() => new Date(Date.now() + offset));
    await w.relogin();
    const accountId = await insertAccount(w.sut.db);
    // Periods run from the 15th: 15 February to 15 March, then 15 March to 15 April.
    await w.put(`/api/accounts/${accountId}/billing-config`, { billingMode: 'fixed', billDay: 15, invoiceDay: 15 });
    await w.subscriber(serviceId, 'cappy', { accountId, since: '2027-03-01' });
    await w.openSession('cappy', 'cap-1', '100.64.2.30', at(22, 0));

    // 300,000 + 300,000 octets: under the cap of 1,000,000.
    await w.interim('cappy', 'cap-1', at(23, 10), 300_000, 300_000, 4_200);
    await w.applied(accountId);
    expect(w.nas.requests()).toEqual([]);

    // 450,000 + 600,000 = 1,050,000 octets: past it.
    await w.interim('cappy', 'cap-1', at(23, 30), 450_000, 600_000, 5_400);
    const [slowed] = await w.nas.waitForRequests(1);
    await w.applied(accountId);
    expect(slowed.attributes).toEqual([
      ['User-Name', 'cappy'],
      ['Acct-Session-Id', 'cap-1'],
      ['Framed-IP-Address', '100.64.2.30'],
      ['Mikrotik-Rate-Limit', '512k/1024k'],
      ['WISPr-Bandwidth-Max-Down', 1_024_000],
      ['WISPr-Bandwidth-Max-Up', 512_000],
    ]);
    expect((await w.lab.radtest('cappy', 'cappy-pass-1')).output).toContain('Mikrotik-Rate-Limit = "512k/1024k"');
    expect(await w.get(`/api/accounts/${accountId}/session-enforcement`)).toMatchObject({
      restriction: { reason: 'cap', downloadKbps: 1024, uploadKbps: 512 },
      requests: [{ purpose: 'restrict', reason: 'cap', status: 'acked', reply: 'CoA-ACK' }],
    });
    // More usage in the same period changes nothing.
    await w.interim('cappy', 'cap-1', at(23, 45), 500_000, 700_000, 6_300);
    await w.applied(accountId);
    expect(w.nas.requests()).toHaveLength(1);

    // Nobody kicks the account: its run looks again just after midnight UTC, in the new period.
    const [, restored] = await w.nas.waitForRequests(2, 150_000);
    await w.applied(accountId);
    expect(w.sut.app.get(Clock).now().getTime()).toBeGreaterThanOrEqual(Date.UTC(2027, 2, 15));
    expect(restored.attributes).toEqual(
      expect.arrayContaining([
        ['Mikrotik-Rate-Limit', '20000k/100000k'],
        ['WISPr-Bandwidth-Max-Down', 100_000_000],
      ]),
    );
    expect(await w.requests(accountId)).toEqual([
      expect.objectContaining({ purpose: 'restrict', status: 'acked', download_kbps: 1024 }),
      expect.objectContaining({ purpose: 'restore', status: 'acked', download_kbps: 100_000 }),
    ]);
    expect((await w.lab.radtest('cappy', 'cappy-pass-1')).output).toContain('Mikrotik-Rate-Limit = "20000k/100000k"');
    expect(await w.get(`/api/accounts/${accountId}/session-enforcement`)).toMatchObject({
      restriction: null,
      applied: { restriction: null },
    });

    if (process.env.RECORD_HISTORIES) {
      const handle = w.sut.app.get<Client>(TEMPORAL_CLIENT).workflow.getHandle(workflowIds.networkSync(accountId));
      writeFileSync(
        join(__dirname, '../workflows/histories/network-sync-slowed-at-cap-then-new-period.json'),
        historyToJSON(await handle.fetchHistory()),
      );
    }
  }, 300_000);
});
