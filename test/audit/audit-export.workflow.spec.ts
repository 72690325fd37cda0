import { Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { auditExportProgressQuery, workflowIds } from '../../workflows/shared';
import { AuditExportService } from '../../src/audit/audit-export.service';
import { TEMPORAL_CLIENT } from '../../src/temporal/temporal.tokens';
import { createTestApp, TestApp } from '../support/test-app';
import { startTestWorker } from '../support/test-worker';

async function until<T>(probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('audit export workflow, end to end on the Temporal dev server', () => {
  let sut: TestApp;
  let stopWorker: () => Promise<void>;
  let token: string;
  const marker = `export-${randomUUID()}`;

  beforeAll(async () => {
    sut = await createTestApp();
    stopWorker = (await startTestWorker(sut)).stop;
    token = (await sut.admin()).token;
    // 12,001 entries under one entity: three part files of 5,000 rows.
    await sut.db.query(
      `INSERT INTO action_history (action, entity_type, entity_id, after_state, request_id, created_at)
       SELECT 'update', 'export_probe', ?, JSON_OBJECT('n', seq), ?, NOW(3) FROM seq_1_to_12001`,
      [marker, marker],
    );
  });
  afterAll(async () => {
    await stopWorker();
    await sut.close();
  });

  it('writes every matching row exactly once, in id order, and serves the file', async () => {
    const started = await sut
      .http()
      .post('/api/audit-exports')
      .auth(token, { type: 'bearer' })
      .send({ filter: { entityId: marker } })
      .expect(202);
    const exportId: number = started.body.id;
    expect(started.body.status).toBe('running');

    const client = sut.app.get<Client>(TEMPORAL_CLIENT);
    const handle = client.workflow.getHandle(workflowIds.auditExport(exportId));
    await expect(handle.result()).resolves.toEqual({ rowCount: 12001 });
    await expect(handle.query(auditExportProgressQuery)).resolves.toEqual({ parts: 3, rowCount: 12001 });

    const done = await until(async () => {
      const res = await sut.http().get(`/api/audit-exports/${exportId}`).auth(token, { type: 'bearer' }).expect(200);
      return res.body.status === 'completed' ? res.body : undefined;
    });
    expect(done.rowCount).toBe(12001);

    const file = await sut
      .http()
      .get(`/api/audit-exports/${exportId}/download`)
      .auth(token, { type: 'bearer' })
      .buffer(true)
      .parse((res, cb) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => cb(null, text));
      })
      .expect(200);
    const lines = (file.body as string).trim().split('\r\n');
    expect(lines).toHaveLength(12002);
    const ns = lines.slice(1).map((line) => Number(/"\{""n"": ?(\d+)\}"/.exec(line)?.[1]));
    expect(ns).toEqual(Array.from({ length: 12001 }, (_, i) => i + 1));

    // The export itself is audited: created by the user, completed by the system.
    const trail = await sut.db.query(
      "SELECT action, actor_user_id AS actor FROM action_history WHERE entity_type = 'audit_export' AND entity_id = ? ORDER BY id",
      [String(exportId)],
    );
    expect(trail.map((t: { action: string }) => t.action)).toEqual(['create', 'complete']);
  });

  it('starting the same export twice is refused by its deterministic workflow id', async () => {
    const started = await sut
      .http()
      .post('/api/audit-exports')
      .auth(token, { type: 'bearer' })
      .send({ filter: { entityId: 'nothing-matches' } })
      .expect(202);
    const client = sut.app.get<Client>(TEMPORAL_CLIENT);
    await client.workflow.getHandle(workflowIds.auditExport(started.body.id)).result();
    await expect(sut.app.get(AuditExportService).launchWorkflow(started.body.id)).rejects.toThrow(WorkflowExecutionAlreadyStartedError);
  });

  it('rewrites a part whole when an activity is retried, so a crash mid-part duplicates nothing', async () => {
    const exportsService = sut.app.get(AuditExportService);
    const row = await sut
      .http()
      .post('/api/audit-exports')
      .auth(token, { type: 'bearer' })
      .send({ filter: { entityId: marker } })
      .expect(202);
    await sut.app.get<Client>(TEMPORAL_CLIENT).workflow.getHandle(workflowIds.auditExport(row.body.id)).result();
    const first = await exportsService.writePart(row.body.id, 1, 0);
    const again = await exportsService.writePart(row.body.id, 1, 0);
    expect(again).toEqual(first);
    const part = await readFile(`${sut.config.STORAGE_DIR}/audit-exports/${row.body.id}.parts/part-000001.csv`, 'utf8');
    expect(part.trim().split('\r\n')).toHaveLength(5000);
  });

  it('answers 409 for a download that is not ready and 404 for an unknown export', async () => {
    await sut.http().get('/api/audit-exports/999999').auth(token, { type: 'bearer' }).expect(404);
    await sut.http().get('/api/audit-exports/999999/download').auth(token, { type: 'bearer' }).expect(404);
    const admin = await sut.admin();
    const { insertId } = await sut.db.query(
      "INSERT INTO audit_exports (requested_by, filter, status, created_at) VALUES (?, '{}', 'running', NOW(3))",
      [admin.id],
    );
    const res = await sut.http().get(`/api/audit-exports/${insertId}/download`).auth(token, { type: 'bearer' }).expect(409);
    expect(res.body.message).toBe(`Audit export ${insertId} is running, not ready to download`);
  });
});
