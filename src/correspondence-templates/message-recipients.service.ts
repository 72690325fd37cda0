import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export interface MessageRecipient {
  contactId: number;
  name: string;
  email: string;
}

/**
 * Who receives a message of a category: the account's contacts with an email
 * address that ticked the category. Automatic mail skips child accounts, whose
 * bills reach the parent's contacts; a clerk sending by hand still reaches them.
 */
@Injectable()
export class MessageRecipientsService {
  async recipients(em: EntityManager, accountId: number, categoryId: number, opts: { automatic: boolean }): Promise<MessageRecipient[]> {
    return (await this.recipientsOfMany(em, [accountId], categoryId, opts)).get(accountId) ?? [];
  }

  /** The same for many accounts in one query: what a bill run batch asks. Accounts without recipients are absent. */
  async recipientsOfMany(
    em: EntityManager,
    accountIds: number[],
    categoryId: number,
    opts: { automatic: boolean },
  ): Promise<Map<number, MessageRecipient[]>> {
    const result = new Map<number, MessageRecipient[]>();
    if (!accountIds.length) return result;
    const rows: { accountId: number; contactId: number; name: string; email: string }[] = await em.query(
      `SELECT c.account_id AS accountId, c.id AS contactId, c.name, TRIM(c.email) AS email
         FROM contacts c
         JOIN accounts a ON a.id = c.account_id
         JOIN contact_message_categories m ON m.contact_id = c.id AND m.message_category_id = ?
        WHERE c.account_id IN (?) AND c.email IS NOT NULL AND TRIM(c.email) <> ''
          ${opts.automatic ? 'AND a.parent_account_id IS NULL' : ''}
        ORDER BY c.account_id, c.is_primary DESC, c.id`,
      [categoryId, accountIds],
    );
    for (const r of rows) {
      const accountId = Number(r.accountId);
      const list = result.get(accountId) ?? [];
      list.push({ contactId: Number(r.contactId), name: r.name, email: r.email });
      result.set(accountId, list);
    }
    return result;
  }
}
