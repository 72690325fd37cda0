import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccountsService } from '../accounts/accounts.service';
import { BadInputException, NotFoundException } from '../common/errors';

export interface ChildAccountSummary {
  id: number;
  name: string;
  status: string;
  /** Owed on the child's linked invoices, which the parent pays. */
  linkedRemaining: number;
}

/**
 * Parent and child accounts. From the link on, the child's generated invoices
 * are linked to the parent's invoice of the same billing date, and the parent's
 * credit pays them. Unlinking leaves invoices already linked where they are.
 */
@Injectable()
export class ChildAccountsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly accounts: AccountsService,
  ) {}

  async list(parentId: number): Promise<ChildAccountSummary[]> {
    const [parent]: { id: number }[] = await this.db.query('SELECT id FROM accounts WHERE id = ?', [parentId]);
    if (!parent) throw new NotFoundException('Account', parentId);
    const rows: { id: number; name: string; status: string; linked_remaining: string }[] = await this.db.query(
      `SELECT a.id, a.name, s.name AS status,
              (SELECT COALESCE(SUM(c.total - c.paid), 0) FROM invoices c JOIN invoices p ON p.id = c.parent_invoice_id
                WHERE c.account_id = a.id AND p.account_id = ? AND c.is_void = 0) AS linked_remaining
         FROM accounts a JOIN account_statuses s ON s.id = a.account_status_id
        WHERE a.parent_account_id = ? ORDER BY a.id`,
      [parentId, parentId],
    );
    return rows.map((r) => ({ id: Number(r.id), name: r.name, status: r.status, linkedRemaining: Number(r.linked_remaining) }));
  }

  async link(parentId: number, childId: number): Promise<ChildAccountSummary[]> {
    await this.accounts.update(childId, { parentAccountId: parentId });
    return this.list(parentId);
  }

  async unlink(parentId: number, childId: number): Promise<ChildAccountSummary[]> {
    const [child]: { parent_account_id: number | null }[] = await this.db.query('SELECT parent_account_id FROM accounts WHERE id = ?', [
      childId,
    ]);
    if (!child) throw new NotFoundException('Account', childId);
    if (child.parent_account_id === null || Number(child.parent_account_id) !== parentId) {
      throw new BadInputException([
        { field: 'childId', rule: 'childAccount', message: `account ${childId} is not a child of account ${parentId}` },
      ]);
    }
    await this.accounts.update(childId, { parentAccountId: null });
    return this.list(parentId);
  }
}
