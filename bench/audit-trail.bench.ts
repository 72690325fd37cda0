import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../src/app.factory';
import { AuditService } from '../src/audit/audit.service';
import { ALL_PERMISSIONS } from '../src/auth/permission';
import { loadConfig } from '../src/config/app-config';
import { runMigrations } from '../src/database/migrate';
import { RolesService } from '../src/users/roles.service';
import { UsersService } from '../src/users/users.service';
import { measure, report } from './harness';
import { transactionWithRetry } from '../src/database/transaction';

const ROWS = Number(process.env.BENCH_AUDIT_ROWS ?? 1_000_000);

/**
 * The audit trail at the size a busy ISP reaches in a year: writes through the
 * service against a raw INSERT of the same row, and the panel's filtered reads
 * against the bare SQL they compile to.
 */
export async function auditTrailBench(databaseUrl: string): Promise<void> {
  const config = loadConfig({ ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent' });
  await runMigrations(config);
  const app: INestApplication = await createApp(config);
  const db = app.get(DataSource);
  try {
    process.stdout.write(`seeding ${ROWS} action-history rows…\n`);
    await db.query(
      `INSERT INTO action_history (actor_user_id, actor_email, action, entity_type, entity_id, after_state, request_id, created_at)
       SELECT 1, 'bench@backhaul.local', ELT(1 + seq % 3, 'create', 'update', 'delete'), 'account', CAST(seq % 100000 AS CHAR),
              JSON_OBJECT('n', seq), NULL, NOW(3) - INTERVAL (${ROWS} - seq) SECOND
         FROM seq_1_to_${ROWS}`,
    );
    await db.query('ANALYZE TABLE action_history');

    const role = await app.get(RolesService).create({ name: 'bench', permissions: [...ALL_PERMISSIONS] });
    await app
      .get(UsersService)
      .create({ email: 'bench@backhaul.local', name: 'Bench', password: 'bench-password-123', roleIds: [role.id] });
    const token = (
      await request(app.getHttpServer()).post('/api/auth/login').send({ email: 'bench@backhaul.local', password: 'bench-password-123' })
    ).body.token;
    const audit = app.get(AuditService);

    const writes = [
      await measure('INSERT one entry, raw SQL (baseline)', 500, (i) =>
        db.query(
          "INSERT INTO action_history (actor_user_id, action, entity_type, entity_id, after_state, created_at) VALUES (1, 'update', 'account', ?, JSON_OBJECT('n', ?), NOW(3))",
          [String(i), i],
        ),
      ),
      await measure('recordAction() in its own transaction', 500, (i) =>
        transactionWithRetry(db, (em) =>
          audit.recordAction(em, { action: 'update', entityType: 'account', entityId: i, after: { n: i }, actor: null }),
        ),
      ),
    ];
    report(`Audit writes (${ROWS} rows already in the table)`, writes);

    const filter = (entityId: number) => encodeURIComponent(JSON.stringify({ entityType: 'account', entityId: String(entityId) }));
    const reads = [
      await measure('account history, raw SQL (baseline)', 300, (i) =>
        db.query(
          "SELECT * FROM action_history WHERE entity_type = 'account' AND entity_id = ? ORDER BY created_at DESC, id DESC LIMIT 25",
          [String((i * 7919) % 100000)],
        ),
      ),
      await measure('GET /api/action-history?filter={entity}', 300, (i) =>
        request(app.getHttpServer())
          .get(`/api/action-history?filter=${filter((i * 7919) % 100000)}`)
          .auth(token, { type: 'bearer' })
          .expect(200),
      ),
      await measure('GET /api/action-history (newest 25 of all)', 100, () =>
        request(app.getHttpServer()).get('/api/action-history').auth(token, { type: 'bearer' }).expect(200),
      ),
    ];
    report(`Audit reads over ${ROWS} rows`, reads);
  } finally {
    await app.close();
  }
}
