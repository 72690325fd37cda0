import { createConnection } from 'mysql2/promise';
import { auditTrailBench } from './audit-trail.bench';

/** `npm run bench`: each benchmark on a scratch database, dropped afterwards. */
async function main(): Promise<void> {
  const server = new URL(process.env.DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/backhaul');
  const name = `backhaul_bench_${Date.now()}`;
  const url = new URL(server);
  url.pathname = `/${name}`;
  try {
    await auditTrailBench(url.toString());
  } finally {
    server.pathname = '/';
    const conn = await createConnection(server.toString());
    await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await conn.end();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
