import type { EntityManager } from 'typeorm';

/**
 * Which accounts have reached a usage cap that slows them: the usage domain knows (policies,
 * top-offs, rollover), the network acts on it. Usage imports this module (FreeRADIUS's database,
 * the provisioning run), so the network cannot import usage back; usage binds its allowance
 * service to this token instead and exports it (`{ provide: USAGE_CAPS, useExisting: UsageAllowanceService }`).
 */
export interface UsageCaps {
  /** The accounts among these whose policy slows them at the cap and whose billable usage this period has reached it. */
  overCap(em: EntityManager, accountIds: number[]): Promise<Set<number>>;
}

export const USAGE_CAPS = Symbol('USAGE_CAPS');
