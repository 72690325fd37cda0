import 'reflect-metadata';
import request from 'supertest';
import { generateDemoAccounts } from '../src/demo/accounts-demo';
import { parseAddress } from '../src/common/ip-address';
import { IpPlanRows } from '../src/ipam/ip-plan-rows';
import { IpAssignmentsService } from '../src/ipam/ip-assignments.service';
import { lowestFreeAddressFromTheBottom, releaseAddresses } from '../src/ipam/next-free-address';
import { benchApp } from './bench-app';
import { measure, report } from './harness';

const IN_USE = Number(process.env.BENCH_IPAM_IN_USE ?? 60_000);
const RUNS = 300;

/**
 * "Next free address" in a /16 pool with 60,000 addresses assigned, through the API a clerk uses,
 * beside the plain gap query from the bottom of the pool on the same rows. Two patterns: steady
 * growth (each call takes the next address), and churn (an address low in the pool is freed, then
 * two calls: the first takes the freed address, the second must find the next gap above it).
 */
export async function ipamBench(databaseUrl: string): Promise<void> {
  const { app, db, token } = await benchApp(databaseUrl);
  try {
    const { firstAccountId, lastAccountId } = await generateDemoAccounts(db, 200, 11);
    // One listening server, as clients meet it: supertest would otherwise open and close a server for every request.
    await app.listen(0, '127.0.0.1');
    const base = await app.getUrl();
    const post = (path: string, body: object) => request(base).post(path).auth(token, { type: 'bearer' }).send(body).expect(201);
    const supernet = (await post('/api/ip-supernets', { name: 'Bench', network: '100.64.0.0/10' })).body;
    const subnet = (
      await post('/api/ip-subnets', { supernetId: supernet.id, name: 'Bench /16', network: '100.64.0.0/16', gateway: '100.64.0.1' })
    ).body;
    const pool = (
      await post('/api/ip-pools', { subnetId: subnet.id, name: 'Bench pool', firstAddress: '100.64.0.2', lastAddress: '100.64.255.254' })
    ).body;
    const first = parseAddress('100.64.0.2')!.value;

    process.stdout.write(`assigning ${IN_USE} addresses…\n`);
    const started = Date.now();
    const [{ user_id: userId }] = await db.query("SELECT id AS user_id FROM staff_users WHERE email = 'bench@backhaul.local'");
    for (let offset = 0; offset < IN_USE; offset += 5000) {
      const rows = [];
      for (let i = offset; i < Math.min(IN_USE, offset + 5000); i++) {
        rows.push([
          firstAccountId + (i % (lastAccountId - firstAccountId + 1)),
          subnet.id,
          pool.id,
          4,
          (first + BigInt(i)).toString(),
          32,
          'address',
          'account',
          new Date(),
          userId,
        ]);
      }
      await db.query(
        `INSERT INTO ip_assignments (account_id, subnet_id, pool_id, family, address, prefix_length, covers, assignee, assigned_at, assigned_by_user_id) VALUES ?`,
        [rows],
      );
    }
    // What the service would have left after assigning them one by one: nothing free below the last.
    await db.query('UPDATE ip_pools SET free_from = ? WHERE id = ?', [(first + BigInt(IN_USE)).toString(), pool.id]);
    await db.query('ANALYZE TABLE ip_assignments');
    process.stdout.write(`assigned in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);

    const rows = app.get(IpPlanRows);
    const nextFree = () => post(`/api/ip-pools/${pool.id}/next-free-address`, {});
    const results = [
      await measure(`raw SQL (baseline: the lowest gap from the bottom of the pool, ${IN_USE} in use)`, 50, async () => {
        const facts = await rows.subnetFacts(db.manager, subnet.id);
        await lowestFreeAddressFromTheBottom(db.manager, facts, await rows.poolFacts(db.manager, pool.id));
      }),
      await measure('IpAssignmentsService.holdNextFree (the transaction alone), steady growth', RUNS, () =>
        app.get(IpAssignmentsService).holdNextFree(pool.id, { id: Number(userId) } as never),
      ),
      await measure('POST /api/ip-pools/:id/next-free-address, steady growth', RUNS, nextFree),
    ];
    let churnAt = 1;
    const [{ id: lowest }] = await db.query('SELECT MIN(id) AS id FROM ip_assignments WHERE pool_id = ?', [pool.id]);
    results.push(
      await measure('POST …/next-free-address, churn: a low address freed, then two calls', RUNS, async () => {
        churnAt += 97;
        // What removing an assignment does to the pool, without waking provisioning (no Temporal here):
        // the assignment ends and its address goes back to the pool.
        const id = Number(lowest) + (churnAt % IN_USE);
        await db.query('UPDATE ip_assignments SET removed_at = NOW(3) WHERE id = ? AND removed_at IS NULL', [id]);
        const [ended] = await db.query('SELECT address FROM ip_assignments WHERE id = ?', [id]);
        await releaseAddresses(db.manager, pool.id, [BigInt(String(ended.address))]);
        await nextFree();
        await nextFree();
      }),
    );
    report(`Next free address in a /16 pool with ${IN_USE} addresses in use`, results);
  } finally {
    await app.close();
  }
}
