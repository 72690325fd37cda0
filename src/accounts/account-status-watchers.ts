import type { EntityManager } from 'typeorm';

export interface AccountStatusChange {
  accountId: number;
  /** The status the account has now. */
  statusId: number;
  /** What changed it, for whoever reads what is pending: `account.update`, `delinquency.switch`. */
  reason: string;
}

/**
 * Someone outside the accounts domain that must follow an account's status (the network limits
 * what an account that does not count as active may do). Called inside the transaction of the
 * change; what must wait for the commit is the watcher's to defer (database/after-commit.ts).
 */
export interface AccountStatusWatcher {
  statusChanged(em: EntityManager, change: AccountStatusChange): Promise<void>;
}

/** The watchers, provided by the modules that watch (none when none is loaded). */
export const ACCOUNT_STATUS_WATCHERS = Symbol('ACCOUNT_STATUS_WATCHERS');
