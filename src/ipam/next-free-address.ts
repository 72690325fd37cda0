import { EntityManager } from 'typeorm';
import { fromDecimal, toDecimal } from '../common/ip-address';
import type { PoolFacts, SubnetFacts } from './ip-plan-rows';

/** Taken addresses read per round trip while walking up from the pool's low-water mark. */
const WALK_PAGE = 256;

/**
 * The lowest free address of a pool, or null when none is left. The caller holds the lock on
 * the pool's subnet, so nothing is assigned or held under its feet.
 *
 * The pool keeps `free_from`: no address below it is free. Claiming an address moves it up;
 * releasing one (a removed assignment, an expired hold) moves it down to that address. So the
 * walk starts where a free address is almost always found at once, instead of stepping over
 * every address in use from the bottom of the pool: in a /16 with 60,000 addresses taken the
 * first gap is one row away rather than 60,000 (bench/next-free-address.bench.ts measures both).
 */
export async function lowestFreeAddress(em: EntityManager, subnet: SubnetFacts, pool: PoolFacts, now: Date): Promise<bigint | null> {
  const reserved = new Set(subnet.reserved);
  let candidate = pool.freeFrom > pool.first ? pool.freeFrom : pool.first;
  for (;;) {
    if (candidate > pool.last) return null;
    const taken: bigint[] = (
      (await em.query(
        `SELECT address FROM (
           SELECT active_address AS address FROM ip_assignments WHERE subnet_id = ? AND active_address BETWEEN ? AND ?
           UNION ALL
           SELECT address FROM ip_address_holds WHERE pool_id = ? AND expires_at > ? AND address BETWEEN ? AND ?
         ) t ORDER BY address LIMIT ?`,
        [subnet.id, toDecimal(candidate), toDecimal(pool.last), pool.id, now, toDecimal(candidate), toDecimal(pool.last), WALK_PAGE],
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
