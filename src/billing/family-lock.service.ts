import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AccountLockService, LockedFamily } from '../accounts/account-lock.service';

export type { LockedFamily } from '../accounts/account-lock.service';

/**
 * Billing's name for the account family lock. The accounts domain owns the rows
 * and the one lock order (see database/transaction.ts); this only hands over, so
 * a payment and a clerk's edit of the same family take the rows the same way.
 */
@Injectable()
export class FamilyLockService {
  constructor(private readonly accounts: AccountLockService) {}

  lock(em: EntityManager, accountId: number): Promise<LockedFamily> {
    return this.accounts.lockFamily(em, accountId);
  }

  /** Locks the families of many accounts: roots in id order, then their children in id order. */
  lockMany(em: EntityManager, accountIds: number[]): Promise<Map<number, number | null>> {
    return this.accounts.lockFamilies(em, accountIds);
  }
}
