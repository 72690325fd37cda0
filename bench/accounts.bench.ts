import 'reflect-metadata';
import request from 'supertest';
import { generateDemoAccounts } from '../src/demo/accounts-demo';
import { benchApp } from './bench-app';
import { measure, report } from './harness';

const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 100_000);
const RUNS = 300;

/**
 * The account page at the size of a mid-sized ISP: the header and the global
 * search through the HTTP app, each beside the bare SQL it stands on.
 */
export async function accountsBench(databaseUrl: string): Promise<void> {
  const { app, db, token } = await benchApp(databaseUrl);
  try {
    process.stdout.write(`generating ${ACCOUNTS} accounts…\n`);
    const started = Date.now();
    const { firstAccountId, lastAccountId } = await generateDemoAccounts(db, ACCOUNTS, 7);
    process.stdout.write(`generated in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    await db.query('ANALYZE TABLE accounts, contacts, contact_phones, account_search, account_group_members');

    const span = lastAccountId - firstAccountId + 1;
    const accountAt = (i: number) => firstAccountId + ((i * 7919) % span);
    const samples: { q: string; kind: string }[] = [];
    for (let i = 0; i < 50; i++) {
      const id = accountAt(i * 13 + 5);
      const [row] = await db.query(
        `SELECT a.name, a.service_postcode AS postcode, c.email, p.number
           FROM accounts a JOIN contacts c ON c.account_id = a.id AND c.is_primary = 1
           JOIN contact_phones p ON p.contact_id = c.id WHERE a.id = ? LIMIT 1`,
        [id],
      );
      const national = String(row.number).slice(2);
      samples.push(
        { q: String(row.name).split(' ')[1].slice(0, 4), kind: 'name prefix' },
        { q: row.email, kind: 'email' },
        { q: `(${national.slice(0, 3)}) ${national.slice(3, 6)}-${national.slice(6)}`, kind: 'phone' },
        { q: row.postcode, kind: 'postcode' },
        { q: String(id), kind: 'id' },
      );
    }
    const header = (i: number) =>
      request(app.getHttpServer())
        .get(`/api/accounts/${accountAt(i)}/header`)
        .auth(token, { type: 'bearer' })
        .expect(200);
    const search = (q: string) =>
      request(app.getHttpServer())
        .get(`/api/search?q=${encodeURIComponent(q)}`)
        .auth(token, { type: 'bearer' })
        .expect(200);

    const results = [
      await measure(
        'header, raw SQL (baseline: account + status + type + groups + parent + children + primary contact)',
        RUNS,
        async (i) => {
          const id = accountAt(i);
          await db.query(
            `SELECT a.*, s.name, t.name, p.name,
                  (SELECT COUNT(*) FROM accounts c WHERE c.parent_account_id = a.id),
                  (SELECT GROUP_CONCAT(g.name) FROM account_group_members m JOIN account_groups g ON g.id = m.group_id WHERE m.account_id = a.id)
             FROM accounts a JOIN account_statuses s ON s.id = a.account_status_id JOIN account_types t ON t.id = a.account_type_id
             LEFT JOIN accounts p ON p.id = a.parent_account_id WHERE a.id = ?`,
            [id],
          );
          await db.query('SELECT id, name FROM accounts WHERE parent_account_id = ? LIMIT 10', [id]);
          await db.query('SELECT c.id, c.name, c.email FROM contacts c WHERE c.account_id = ? AND c.is_primary = 1', [id]);
        },
      ),
      await measure('GET /api/accounts/:id/header', RUNS, header),
      await measure('search, raw SQL (baseline: one FULLTEXT query)', RUNS, (i) =>
        db.query('SELECT account_id FROM account_search WHERE MATCH(document) AGAINST (? IN BOOLEAN MODE) LIMIT 20', [
          `+${
            samples[i % samples.length].q
              .toLowerCase()
              .replace(/[^a-z0-9]+/g, ' ')
              .trim()
              .split(' ')[0]
          }*`,
        ]),
      ),
      await measure('GET /api/search?q= (mix: name prefix, email, phone, postcode, id)', RUNS, (i) =>
        search(samples[i % samples.length].q),
      ),
    ];
    for (const kind of ['name prefix', 'email', 'phone', 'postcode', 'id']) {
      const of = samples.filter((s) => s.kind === kind);
      results.push(await measure(`GET /api/search?q= (${kind})`, 100, (i) => search(of[i % of.length].q)));
    }
    report(`Account page over ${ACCOUNTS} accounts`, results);
  } finally {
    await app.close();
  }
}
