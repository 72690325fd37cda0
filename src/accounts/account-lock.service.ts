import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { NotFoundException } from '../common/errors';
import { Account } from './account.entity';

export interface LockedFamily {
  /** The account the caller asked for. */
  accountId: number;
  /** Its parent, when it is a child account. */
  parentAccountId: number | null;
}

/**
 * The only code that locks account rows. Every change to an account or anything
 * hanging off it (contacts, custom fields, notes, files, money) starts here, and
 * always takes the account's whole family in the order database/transaction.ts
 * sets down: the parent first, then its children by id. Money moves between a
 * parent and its children, and a clerk's edit of a child must queue behind a
 * payment on its parent rather than take the two rows the other way round.
 */
@Injectable()
export class AccountLockService {
  /** Locks the account's family and returns the account as it stands under the lock. */
  async lock(em: EntityManager, accountId: number): Promise<Account> {
    await this.lockFamily(em, accountId);
    const account = await em.findOne(Account, { where: { id: accountId } });
    if (!account) throw new NotFoundException('Account', accountId);
    return account;
  }

  /** Locks the family of one account: its parent (or itself, when it has none), then the children by id. */
  async lockFamily(em: EntityManager, accountId: number): Promise<LockedFamily> {
    for (;;) {
      const parentId = (await this.parentsOf(em, [accountId])).get(accountId);
      if (parentId === undefined) throw new NotFoundException('Account', accountId);
      const rootId = parentId ?? accountId;
      const [root]: { id: number }[] = await em.query('SELECT id FROM accounts WHERE id = ? FOR UPDATE', [rootId]);
      if (!root) throw new NotFoundException('Account', rootId);
      await em.query('SELECT id FROM accounts WHERE parent_account_id = ? ORDER BY id FOR UPDATE', [rootId]);
      // The link may have changed between the unlocked read and the locks; if so, start again.
      const parentNow = (await this.parentsOf(em, [accountId])).get(accountId);
      if (parentNow === parentId) return { accountId, parentAccountId: parentId };
    }
  }

  /**
   * Locks the families of many accounts at once: every root in id order, then
   * every child of those roots in id order. A root is always locked before its
   * children, as in lockFamily(), so a batch and a single change queue up rather
   * than deadlock. Returns each account's parent as it stands under the locks;
   * unknown ids are left out.
   */
  async lockFamilies(em: EntityManager, accountIds: number[]): Promise<Map<number, number | null>> {
    if (!accountIds.length) return new Map();
    for (;;) {
      const before = await this.parentsOf(em, accountIds);
      const roots = [...new Set([...before].map(([id, parent]) => parent ?? id))].sort((a, b) => a - b);
      if (!roots.length) return before;
      await em.query('SELECT id FROM accounts WHERE id IN (?) ORDER BY id FOR UPDATE', [roots]);
      await em.query('SELECT id FROM accounts WHERE parent_account_id IN (?) ORDER BY id FOR UPDATE', [roots]);
      const after = await this.parentsOf(em, accountIds);
      if ([...after].every(([id, parent]) => before.get(id) === parent)) return after;
    }
  }

  private async parentsOf(em: EntityManager, accountIds: number[]): Promise<Map<number, number | null>> {
    const rows: { id: number; parent_account_id: number | null }[] = await em.query(
      'SELECT id, parent_account_id FROM accounts WHERE id IN (?)',
      [accountIds],
    );
    return new Map(rows.map((r) => [Number(r.id), r.parent_account_id === null ? null : Number(r.parent_account_id)]));
  }
}
