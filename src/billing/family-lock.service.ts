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
}
