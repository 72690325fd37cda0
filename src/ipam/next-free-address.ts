import { EntityManager } from 'typeorm';
import { NotFoundException } from '../common/errors';
import { fromDecimal, toDecimal } from '../common/ip-address';
import { poolFacts, type PoolFacts, type SubnetFacts } from './ip-plan-rows';

/** Taken addresses read per round trip while walking up from the pool's low-water mark. */
const WALK_PAGE = 1024;

/** What "next free" learns about a pool in one read, taken after the lock on its subnet. */
interface PoolState {
  pool: PoolFacts;
  /** The account the whole subnet is assigned to, if it is: then no address of it is free. */
  wholeSubnetAccountId: number | null;
  expiredHolds: number;
  /** The lowest address given back below the bump pointer that is still free. */
  released: bigint | null;
  /** The lowest address taken (assigned or held) from the bump pointer up. */
  takenFromBump: bigint | null;
}

export type NextFree =
  | { kind: 'address'; address: bigint; pool: PoolFacts }
  | { kind: 'exhausted'; pool: PoolFacts }
  | { kind: 'wholeSubnet'; accountId: number; pool: PoolFacts };

/**
 * Takes the pool's lowest free address. The caller holds the lock on the pool's subnet, so nothing
 * is assigned or held under its feet.
 *
 * An allocator with a free list and a bump pointer. Addresses given back (a removed assignment,
 * a hold run out) are kept in `ip_pool_released`; below the pool's `free_from` every other address
 * is taken. So the answer is the lowest released address still free, and otherwise the first free
 * address from `free_from` up, which is almost always `free_from` itself (only addresses given by
 * hand lie above it). All of that is one read; only an address typed in by hand at the bump
 * pointer makes it walk. Neither path steps over the addresses in use: bench/ipam.bench.ts
 * measures it beside the plain gap query from the bottom.
 */
export async function takeLowestFree(em: EntityManager, subnet: SubnetFacts, poolId: number, now: Date): Promise<NextFree> {
  let state = await readPoolState(em, subnet, poolId, now);
  if (state.expiredHolds > 0) {
    await releaseExpiredHolds(em, poolId, now);
    state = await readPoolState(em, subnet, poolId, now);
  }
  const { pool } = state;
  if (state.wholeSubnetAccountId !== null) return { kind: 'wholeSubnet', accountId: state.wholeSubnetAccountId, pool };
  if (state.released !== null) {
    // Entries below it were taken by hand or reserved since they were given back: stale, gone with it.
    await em.query('DELETE FROM ip_pool_released WHERE pool_id = ? AND address <= ?', [pool.id, toDecimal(state.released)]);
    return { kind: 'address', address: state.released, pool };
  }
  const reserved = new Set(subnet.reserved);
  let candidate = bumpPointer(pool);
  while (reserved.has(candidate)) candidate++;
  const address =
    state.takenFromBump === null || state.takenFromBump > candidate ? candidate : await lowestFreeAddress(em, subnet, pool, now);
  if (address === null || address > pool.last) return { kind: 'exhausted', pool };
  await em.query('UPDATE ip_pools SET free_from = ? WHERE id = ?', [toDecimal(address + 1n), pool.id]);
  return { kind: 'address', address, pool };
}

const bumpPointer = (pool: PoolFacts): bigint => (pool.freeFrom > pool.first ? pool.freeFrom : pool.first);

async function readPoolState(em: EntityManager, subnet: SubnetFacts, poolId: number, now: Date): Promise<PoolState> {
  const family = subnet.network.family;
  const bump = 'GREATEST(p.free_from, p.first_address)';
  const notReserved = subnet.reserved.length ? `AND r.address NOT IN (${subnet.reserved.map(() => '?').join(', ')})` : '';
  const [row]: Record<string, unknown>[] = await em.query(
    // The pool is read by its key, so its columns are constants to the subqueries and each reads its index once.
    `SELECT p.id, p.subnet_id, ? AS family, p.first_address, p.last_address, p.free_from,
       (SELECT w.account_id FROM ip_assignments w
         WHERE w.family = ? AND w.active_address = ? AND w.covers = 'subnet') AS whole_subnet_account_id,
       (SELECT COUNT(*) FROM ip_address_holds h WHERE h.pool_id = p.id AND h.expires_at <= ?) AS expired_holds,
       (SELECT r.address FROM ip_pool_released r
         WHERE r.pool_id = p.id AND r.address < ${bump} ${notReserved}
           AND NOT EXISTS (SELECT 1 FROM ip_assignments a WHERE a.family = ? AND a.active_address = r.address)
           AND NOT EXISTS (SELECT 1 FROM ip_address_holds h WHERE h.family = ? AND h.address = r.address AND h.expires_at > ?)
         ORDER BY r.address LIMIT 1) AS released,
       (SELECT MIN(a.active_address) FROM ip_assignments a
         WHERE a.subnet_id = p.subnet_id AND a.active_address BETWEEN ${bump} AND p.last_address) AS assigned_from_bump,
       (SELECT MIN(h.address) FROM ip_address_holds h
         WHERE h.pool_id = p.id AND h.address BETWEEN ${bump} AND p.last_address AND h.expires_at > ?) AS held_from_bump
     FROM ip_pools p WHERE p.id = ?`,
    [family, family, toDecimal(subnet.network.first), now, ...subnet.reserved.map(toDecimal), family, family, now, now, poolId],
  );
  if (!row) throw new NotFoundException('Pool', poolId);
  const optional = (value: unknown): bigint | null => (value === null ? null : fromDecimal(value));
  const assigned = optional(row.assigned_from_bump);
  const held = optional(row.held_from_bump);
  return {
    pool: poolFacts(row),
    wholeSubnetAccountId: row.whole_subnet_account_id === null ? null : Number(row.whole_subnet_account_id),
    expiredHolds: Number(row.expired_holds),
    released: optional(row.released),
    takenFromBump: assigned === null ? held : held === null || assigned < held ? assigned : held,
  };
}

/** Holds run out give their addresses back to the pool. */
async function releaseExpiredHolds(em: EntityManager, poolId: number, now: Date): Promise<void> {
  const expired: { address: unknown }[] = await em.query('SELECT address FROM ip_address_holds WHERE pool_id = ? AND expires_at <= ?', [
    poolId,
    now,
  ]);
  await em.query('DELETE FROM ip_address_holds WHERE pool_id = ? AND expires_at <= ?', [poolId, now]);
  await releaseAddresses(
    em,
    poolId,
    expired.map((h) => fromDecimal(h.address)),
  );
}

/** An address of a pool given back: the next "next free" in the pool may take it. */
export async function releaseAddresses(em: EntityManager, poolId: number, addresses: bigint[]): Promise<void> {
  if (!addresses.length) return;
  await em.query('INSERT IGNORE INTO ip_pool_released (pool_id, address) VALUES ?', [addresses.map((a) => [poolId, toDecimal(a)])]);
}

/** The first free address from the pool's `free_from` up, stepping over what is taken there. */
async function lowestFreeAddress(em: EntityManager, subnet: SubnetFacts, pool: PoolFacts, now: Date): Promise<bigint | null> {
  const reserved = new Set(subnet.reserved);
  let candidate = bumpPointer(pool);
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
