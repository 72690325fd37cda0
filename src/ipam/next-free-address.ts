import { EntityManager } from 'typeorm';
import { fromDecimal, toDecimal } from '../common/ip-address';
import type { PoolFacts, SubnetFacts } from './ip-plan-rows';

/** Taken addresses read per round trip while walking up from the pool's low-water mark. */
const WALK_PAGE = 1024;

/**
 * Takes the pool's lowest free address, or answers null when none is left. The caller holds the
 * lock on the pool's subnet, so nothing is assigned or held under its feet.
 *
 * An allocator with a free list and a bump pointer. Addresses given back (a removed assignment,
 * a hold run out) are kept in `ip_pool_released`; below the pool's `free_from` every other address
 * is taken. So the answer is the lowest released address when it lies below `free_from`, found in
 * one indexed read, and otherwise the first free address from `free_from` up, which is almost
 * always `free_from` itself (only addresses given by hand lie above it). Neither steps over the
 * addresses in use: bench/ipam.bench.ts measures it beside the plain gap query from the bottom.
 */
export async function takeLowestFree(em: EntityManager, subnet: SubnetFacts, pool: PoolFacts, now: Date): Promise<bigint | null> {
  const bump = pool.freeFrom > pool.first ? pool.freeFrom : pool.first;
  for (;;) {
    const [released]: { address: unknown }[] = await em.query(
      'SELECT address FROM ip_pool_released WHERE pool_id = ? AND address < ? ORDER BY address LIMIT 1',
      [pool.id, toDecimal(bump)],
    );
    if (!released) break;
    const address = fromDecimal(released.address);
    await em.query('DELETE FROM ip_pool_released WHERE pool_id = ? AND address = ?', [pool.id, toDecimal(address)]);
    // Given back, but perhaps taken by hand since (a clerk typing that address in), or reserved now (a new gateway).
    if (!subnet.reserved.includes(address) && !(await isTaken(em, subnet, pool, address, now))) return address;
  }
  const address = await lowestFreeAddress(em, subnet, pool, now);
  if (address !== null) await em.query('UPDATE ip_pools SET free_from = ? WHERE id = ?', [toDecimal(address + 1n), pool.id]);
  return address;
}

async function isTaken(em: EntityManager, subnet: SubnetFacts, pool: PoolFacts, address: bigint, now: Date): Promise<boolean> {
  const [row]: { n: number }[] = await em.query(
    `SELECT (SELECT COUNT(*) FROM ip_assignments WHERE family = ? AND active_address = ?)
          + (SELECT COUNT(*) FROM ip_address_holds WHERE family = ? AND address = ? AND expires_at > ?) AS n`,
    [subnet.network.family, toDecimal(address), subnet.network.family, toDecimal(address), now],
  );
  return Number(row.n) > 0;
}

/** An address of a pool given back: the next "next free" in the pool may take it. */
export async function releaseAddresses(em: EntityManager, poolId: number, addresses: bigint[]): Promise<void> {
  if (!addresses.length) return;
  await em.query('INSERT IGNORE INTO ip_pool_released (pool_id, address) VALUES ?', [addresses.map((a) => [poolId, toDecimal(a)])]);
}

/** The first free address from the pool's `free_from` up, stepping over what is taken there. */
export async function lowestFreeAddress(em: EntityManager, subnet: SubnetFacts, pool: PoolFacts, now: Date): Promise<bigint | null> {
  const reserved = new Set(subnet.reserved);
  let candidate = pool.freeFrom > pool.first ? pool.freeFrom : pool.first;
  for (;;) {
    if (candidate > pool.last) return null;
    const taken: bigint[] = (
      (await em.query(
        // Each side reads its own index in order and stops at the page: a union of whole ranges
        // would first gather every taken address up to the top of the pool.
        `SELECT address FROM (
           (SELECT active_address AS address FROM ip_assignments
             WHERE subnet_id = ? AND active_address BETWEEN ? AND ? ORDER BY active_address LIMIT ?)
           UNION ALL
           (SELECT address FROM ip_address_holds
             WHERE pool_id = ? AND expires_at > ? AND address BETWEEN ? AND ? ORDER BY address LIMIT ?)
         ) t ORDER BY address LIMIT ?`,
        [
          subnet.id,
          toDecimal(candidate),
          toDecimal(pool.last),
          WALK_PAGE,
          pool.id,
          now,
          toDecimal(candidate),
          toDecimal(pool.last),
          WALK_PAGE,
          WALK_PAGE,
        ],
      )) as { address: unknown }[]
    ).map((row) => fromDecimal(row.address));
    let gapFound = false;
    for (const address of taken) {
      while (reserved.has(candidate)) candidate++;
      if (address > candidate) {
        gapFound = true;
        break;
      }
      if (address === candidate) candidate++;
    }
    while (reserved.has(candidate)) candidate++;
    // A short page means nothing taken lies above the candidate; a full one may hide more just past it.
    if (gapFound || taken.length < WALK_PAGE) return candidate <= pool.last ? candidate : null;
  }
}

/** The same question answered the plain way, from the bottom of the pool: the benchmark's baseline. */
export async function lowestFreeAddressFromTheBottom(em: EntityManager, subnet: SubnetFacts, pool: PoolFacts): Promise<bigint | null> {
  const [row]: { address: unknown }[] = await em.query(
    `SELECT c.address FROM (
       SELECT ? AS address
       UNION ALL
       SELECT a.active_address + 1 FROM ip_assignments a WHERE a.subnet_id = ? AND a.active_address BETWEEN ? AND ?
     ) c
     WHERE c.address <= ?
       AND NOT EXISTS (SELECT 1 FROM ip_assignments u WHERE u.family = ? AND u.active_address = c.address)
     ORDER BY c.address LIMIT 1`,
    [toDecimal(pool.first), subnet.id, toDecimal(pool.first), toDecimal(pool.last), toDecimal(pool.last), subnet.network.family],
  );
  return row ? fromDecimal(row.address) : null;
}
