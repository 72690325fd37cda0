import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

const DOCUMENT_SELECT = `SELECT a.id, CONCAT_WS(' ', a.id, a.name, a.service_line1, a.service_line2, a.service_city, a.service_region,
                              a.service_postcode, a.mailing_line1, a.mailing_city, a.mailing_postcode,
                              (SELECT GROUP_CONCAT(CONCAT_WS(' ', c.name, c.email, REPLACE(c.email, '@', ' ')) SEPARATOR ' ')
                                 FROM contacts c WHERE c.account_id = a.id),
                              (SELECT GROUP_CONCAT(p.digits SEPARATOR ' ')
                                 FROM contacts c JOIN contact_phones p ON p.contact_id = c.id WHERE c.account_id = a.id)) AS document
         FROM accounts a`;

/**
 * Keeps account_search current: one document per account with its id, name,
 * service address, and its contacts' names, emails and phone digits. Call it in
 * the same transaction as any change to those.
 */
@Injectable()
export class AccountSearchIndexer {
  async refresh(em: EntityManager, accountId: number): Promise<void> {
    // A plain read, then an upsert of the value: INSERT … SELECT would take shared
    // range locks on the neighbouring accounts' contacts and deadlock with their edits.
    // The caller holds the account lock, so this account's rows cannot change under us.
    const [row] = (await em.query(`${DOCUMENT_SELECT} WHERE a.id = ?`, [accountId])) as { document: string }[];
    if (!row) return;
    const { document } = row;
    await em.query('INSERT INTO account_search (account_id, document) VALUES (?, ?) ON DUPLICATE KEY UPDATE document = VALUES(document)', [
      accountId,
      document,
    ]);
  }

  /** Rebuilds the documents of a run of account ids in one statement, for bulk loads. */
  async refreshRange(em: EntityManager, fromId: number, toId: number): Promise<void> {
    await em.query(
      `INSERT INTO account_search (account_id, document) ${DOCUMENT_SELECT} WHERE a.id BETWEEN ? AND ?
       ON DUPLICATE KEY UPDATE document = VALUES(document)`,
      [fromId, toId],
    );
  }
}
