import type { EntityManager } from 'typeorm';

export interface AccountServiceChange {
  accountId: number;
  accountServiceId: number;
  action: 'account_service.add' | 'account_service.remove';
}

/**
 * Someone outside billing that must follow the services on accounts (the network gives an
 * account the speed of its data service). Billing calls each watcher inside the transaction of
 * the change and again after the commit, and knows nothing else about it.
 */
export interface AccountServiceWatcher {
  /** In the change's own transaction: write what must commit or roll back with it. */
  recordIn(em: EntityManager, change: AccountServiceChange): Promise<void>;
  /** After the commit: start whatever acts on it. Must not throw. */
  afterCommit(change: AccountServiceChange): Promise<void>;
}

/** The watchers, provided by the modules that watch (an empty list when none is loaded). */
export const ACCOUNT_SERVICE_WATCHERS = Symbol('ACCOUNT_SERVICE_WATCHERS');
