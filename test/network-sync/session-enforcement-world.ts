import type { Client } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import { TEMPORAL_CLIENT } from '../../src/temporal/temporal.tokens';
import { AccountingIngestionService } from '../../src/usage/accounting-ingestion.service';
import { networkSyncStatusQuery, workflowIds } from '../../workflows/shared';
import { insertAccount } from '../contacts/account-fixture';
import { createIsolatedTestApp } from '../support/isolated-database';
import { waitUntil } from '../support/processes';
import { RadiusLab, startRadiusLab } from '../support/radius-lab';
import type { TestApp } from '../support/test-app';
import { startTestNas, type TestNas } from '../support/test-nas';
import { startTestWorker } from '../support/test-worker';

export interface EnforcementRow {
  id: number;
  kind: 'coa' | 'disconnect';
  purpose: 'restrict' | 'restore';
  status: 'pending' | 'acked' | 'naked' | 'failed';
  attempts: number;
  reply_code: number | null;
  error_cause: number | null;
  download_kbps: number | null;
  upload_kbps: number | null;
}

/**
 * What the session-enforcement specs share: a real FreeRADIUS (logins, radreply, accounting into
 * radacct), a test NAS listening for CoA and Disconnect requests, the app on its own database and a
 * worker running the provisioning workflow. Sessions are opened the way a NAS opens them: an
 * Accounting-Start to FreeRADIUS, then counted into usage by the ingestion.
 */
export class SessionEnforcementWorld {
  token = '';
  private constructor(
    readonly sut: TestApp,
    readonly lab: RadiusLab,
    readonly nas: TestNas,
    private readonly stopWorker: () => Promise<void>,
  ) {}

  static async start(): Promise<SessionEnforcementWorld> {
    const lab = await startRadiusLab();
    const nas = await startTestNas(`nas-${randomUUID().slice(0, 8)}`);
    const sut = await createIsolatedTestApp({ ...lab.config, NETWORK_SYNC_RETRY_CEILING: '2s', NETWORK_SYNC_IDLE: '1m' });
    const { stop } = await startTestWorker(sut);
    const world = new SessionEnforcementWorld(sut, lab, nas, stop);
    world.token = (await sut.admin()).token;
    // The accounting log's triggers go in before the first packet, as a worker starting up would put them.
    await world.ingest();
    await world.post('/api/nas-devices', {
      name: 'Test BNG',
      address: nas.host,
      secret: nas.secret,
      nasType: 'mikrotik',
      coaPort: nas.port,
    });
    return world;
  }

  async close(): Promise<void> {
    await this.stopWorker();
    await this.sut.close();
    await this.nas.close();
    await this.lab.close();
  }

  /** Logs in again: staff sessions age by the app's clock, which a spec may have moved. */
  async relogin(): Promise<void> {
    const admin = await this.sut.admin();
    const res = await this.sut.http().post('/api/auth/login').send({ email: admin.email, password: admin.password }).expect(200);
    this.token = res.body.token as string;
  }

  async post(path: string, body: object, status = 201) {
    return (await this.sut.http().post(path).auth(this.token, { type: 'bearer' }).send(body).expect(status)).body;
  }

  async put(path: string, body: object, status = 200) {
    return (await this.sut.http().put(path).auth(this.token, { type: 'bearer' }).send(body).expect(status)).body;
  }

  async get(path: string, status = 200) {
    return (await this.sut.http().get(path).auth(this.token, { type: 'bearer' }).expect(status)).body;
  }

  async dataService(downloadKbps: number, uploadKbps: number, usagePolicyId: number | null = null): Promise<number> {
    const name = `Fibre ${randomUUID().slice(0, 8)}`;
    return (
      await this.post('/api/services', {
        name,
        kind: 'data',
        price: 0,
        downloadKbps,
        uploadKbps,
        ledgerCode: '4000',
        taxIds: [],
        usagePolicyId,
      })
    ).id;
  }

  async status(name: string, isDelinquency: boolean): Promise<number> {
    const res = await this.sut.db.query('INSERT INTO account_statuses (name, is_delinquency) VALUES (?, ?)', [
      `${name} ${randomUUID().slice(0, 8)}`,
      isDelinquency ? 1 : 0,
    ]);
    return Number(res.insertId);
  }

  /** An account with the data service (added on `since`) and a RADIUS login, applied to FreeRADIUS. */
  async subscriber(serviceId: number, username: string, opts: { accountId?: number; since?: string } = {}): Promise<number> {
    const accountId = opts.accountId ?? (await insertAccount(this.sut.db));
    await this.post('/api/account-services', { accountId, serviceId, ...(opts.since && { date: opts.since }) });
    await this.post(`/api/accounts/${accountId}/radius-accounts`, { username, password: `${username}-pass-1` });
    await this.applied(accountId);
    return accountId;
  }

  /** An Accounting-Start from the NAS at `nasAddress`, counted into usage: the session is open. */
  async openSession(username: string, sessionId: string, framedAddress: string, startedAt: Date, nasAddress = this.nas.host) {
    await this.lab.account({
      'User-Name': username,
      'Acct-Status-Type': 'Start',
      'Acct-Session-Id': sessionId,
      'NAS-IP-Address': nasAddress,
      'NAS-Port': 1,
      'Framed-IP-Address': framedAddress,
      'Event-Timestamp': Math.floor(startedAt.getTime() / 1000),
    });
    await this.ingest();
  }

  /** An Accounting-Stop: the session ended (the NAS cut it, or the subscriber left). */
  async closeSession(username: string, sessionId: string, at: Date, nasAddress = this.nas.host) {
    await this.lab.account({
      'User-Name': username,
      'Acct-Status-Type': 'Stop',
      'Acct-Session-Id': sessionId,
      'NAS-IP-Address': nasAddress,
      'NAS-Port': 1,
      'Event-Timestamp': Math.floor(at.getTime() / 1000),
      'Acct-Session-Time': 60,
      'Acct-Terminate-Cause': 'Admin-Reset',
    });
    await this.ingest();
  }

  /** An Interim-Update carrying the session's totals so far, counted into usage. */
  async interim(username: string, sessionId: string, at: Date, uploadOctets: number, downloadOctets: number, sessionSeconds: number) {
    await this.lab.account({
      'User-Name': username,
      'Acct-Status-Type': 'Interim-Update',
      'Acct-Session-Id': sessionId,
      'NAS-IP-Address': this.nas.host,
      'NAS-Port': 1,
      'Event-Timestamp': Math.floor(at.getTime() / 1000),
      'Acct-Input-Octets': uploadOctets,
      'Acct-Output-Octets': downloadOctets,
      'Acct-Session-Time': sessionSeconds,
    });
    await this.ingest();
  }

  async ingest(): Promise<void> {
    const ingestion = this.sut.app.get(AccountingIngestionService);
    while ((await ingestion.ingestBatch({ settleSeconds: 0 })).events > 0);
  }

  /** The account's network changes are all applied and nothing it must tell a NAS is waiting. */
  async applied(accountId: number, timeoutMs = 30_000): Promise<void> {
    await waitUntil(
      `account ${accountId}'s network changes and session requests to be settled`,
      async () => {
        const [{ changes }] = await this.sut.db.query(
          'SELECT COUNT(*) AS changes FROM network_sync_requests WHERE account_id = ? AND applied_at IS NULL',
          [accountId],
        );
        const [{ requests }] = await this.sut.db.query(
          "SELECT COUNT(*) AS requests FROM session_enforcement_requests WHERE account_id = ? AND status = 'pending'",
          [accountId],
        );
        return Number(changes) === 0 && Number(requests) === 0;
      },
      timeoutMs,
    );
  }

  async requests(accountId: number): Promise<EnforcementRow[]> {
    const rows: EnforcementRow[] = await this.sut.db.query(
      `SELECT id, kind, purpose, status, attempts, reply_code, error_cause, download_kbps, upload_kbps
         FROM session_enforcement_requests WHERE account_id = ? ORDER BY id`,
      [accountId],
    );
    return rows.map((r) => ({
      ...r,
      id: Number(r.id),
      attempts: Number(r.attempts),
      reply_code: r.reply_code === null ? null : Number(r.reply_code),
      error_cause: r.error_cause === null ? null : Number(r.error_cause),
      download_kbps: r.download_kbps === null ? null : Number(r.download_kbps),
      upload_kbps: r.upload_kbps === null ? null : Number(r.upload_kbps),
    }));
  }

  /** Another whole pass of the account's run (Sync now), waited for: it must plan nothing new for sessions already told. */
  async passAgain(accountId: number): Promise<void> {
    const handle = this.sut.app.get<Client>(TEMPORAL_CLIENT).workflow.getHandle(workflowIds.networkSync(accountId));
    const before = (await handle.query(networkSyncStatusQuery)).passes;
    await this.post(`/api/accounts/${accountId}/network-sync`, {}, 202);
    await waitUntil(
      'another pass of the account’s run',
      async () => {
        const status = await handle.query(networkSyncStatusQuery);
        return status.passes > before && status.applying.length === 0 && status.waiting.length === 0;
      },
      30_000,
    );
    await this.applied(accountId);
  }
}
