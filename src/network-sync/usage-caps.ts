import type { EntityManager } from 'typeorm';

/**
 * Which accounts have reached a usage cap that slows them: the usage domain knows (policies,
 * top-offs, rollover), the network acts on it. Usage imports this module (FreeRADIUS's database,
 * the provisioning run), so the network cannot import usage back; usage binds its allowance
 * service to this token instead and exports it (`{ provide: USAGE_CAPS, useExisting: UsageCapHeadroom }`).
 */
export interface UsageCaps {
  /** The accounts among these whose policy slows them at the cap and whose billable usage this period has reached it. */
  overCap(em: EntityManager, accountIds: number[]): Promise<Set<number>>;
  /**
   * In the accounting ingestion's transaction: the accounts among `watched` that the octets just
   * counted (`counted`, per account) took to a cap that slows them, each reported once a period.
   * Counted accounts left out of `watched` (limited already) are not looked at.
   */
  reachedBy(em: EntityManager, counted: ReadonlyMap<number, bigint>, watched: ReadonlySet<number>): Promise<number[]>;
}

export const USAGE_CAPS = Symbol('USAGE_CAPS');
