import { createConnection } from 'mysql2/promise';
import { accountsBench } from './accounts.bench';
import { auditTrailBench } from './audit-trail.bench';
import { billingBench } from './billing.bench';
import { correspondenceBench } from './correspondence.bench';
import { dashboardBench } from './dashboard.bench';
import { ipamBench } from './ipam.bench';
import { usageIngestionBench } from './usage-ingestion.bench';
import { usageTabBench } from './usage-tab.bench';
import { voiceImportBench } from './voice-import.bench';

const BENCHES: Record<string, (databaseUrl: string) => Promise<void>> = {
  'audit-trail': auditTrailBench,
  accounts: accountsBench,
  billing: billingBench,
  correspondence: correspondenceBench,
  dashboard: dashboardBench,
  ipam: ipamBench,
  'usage-ingestion': usageIngestionBench,
  'usage-tab': usageTabBench,
  'voice-import': voiceImportBench,
};

/**
 * `npm run bench [name…]`: each benchmark on a scratch database of its own, dropped
 * afterwards, so one benchmark's seed data never skews another's numbers.
 */
async function main(): Promise<void> {
  const server = new URL(process.env.DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/backhaul');
  const chosen = process.argv.slice(2);
  const unknown = chosen.filter((n) => !(n in BENCHES));
  if (unknown.length) throw new Error(`Unknown benchmark ${unknown.join(', ')}; choose from ${Object.keys(BENCHES).join(', ')}`);
  for (const [key, bench] of Object.entries(BENCHES)) {
    if (chosen.length && !chosen.includes(key)) continue;
    const name = `backhaul_bench_${key.replace(/\W/g, '_')}_${Date.now()}`;
    const url = new URL(server);
    url.pathname = `/${name}`;
    try {
      await bench(url.toString());
    } finally {
      const admin = new URL(server);
      admin.pathname = '/';
      const conn = await createConnection(admin.toString());
      await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await conn.end();
    }
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
