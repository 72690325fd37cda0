import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { NotFoundException } from '../common/errors';

export interface LockedFamily {
  /** The account the caller asked for. */
  accountId: number;
  /** Its parent, when it is a child account. */
  parentAccountId: number | null;
}

/**
 * Money moves between a parent and its children (a parent's payment pays down its
 * children's linked invoices), so every money change locks the whole family: the
 * parent first, then its children in id order. One order everywhere means two
 * changes in one family queue up instead of deadlocking.
 */
@Injectable()
export class FamilyLockService {
  async lock(em: EntityManager, accountId: number): Promise<LockedFamily> {
    for (;;) {
      const [row]: { parent_account_id: number | null }[] = await em.query('SELECT parent_account_id FROM accounts WHERE id = ?', [
        accountId,
      ]);
      if (!row) throw new NotFoundException('Account', accountId);
      const parentId = row.parent_account_id === null ? null : Number(row.parent_account_id);
      const rootId = parentId ?? accountId;
      const [root]: { id: number }[] = await em.query('SELECT id FROM accounts WHERE id = ? FOR UPDATE', [rootId]);
      if (!root) throw new NotFoundException('Account', rootId);
      await em.query('SELECT id FROM accounts WHERE parent_account_id = ? ORDER BY id FOR UPDATE', [rootId]);
      // The link may have changed between the unlocked read and the locks; if so, start again.
      const [again]: { parent_account_id: number | null }[] = await em.query('SELECT parent_account_id FROM accounts WHERE id = ?', [
        accountId,
      ]);
      const parentNow = again.parent_account_id === null ? null : Number(again.parent_account_id);
      if (parentNow === parentId) {
        return { accountId, parentAccountId: parentId };
      }
    }
  }

  /**
   * Locks the families of many accounts at once: every root in id order, then
   * every child of those roots in id order. A root is always locked before its
   * children, as in lock(), so a batch and a single change queue up rather than
   * deadlock. Returns each account's parent as it stands under the locks;
   * unknown ids are left out.
   */
  async lockMany(em: EntityManager, accountIds: number[]): Promise<Map<number, number | null>> {
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
