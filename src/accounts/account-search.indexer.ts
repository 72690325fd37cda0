import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/**
 * Keeps account_search current: one document per account with its id, name,
 * service address, and its contacts' names, emails and phone digits. Call it in
 * the same transaction as any change to those.
 */
@Injectable()
export class AccountSearchIndexer {
  async refresh(em: EntityManager, accountId: number): Promise<void> {
    await em.query(
      `INSERT INTO account_search (account_id, document)
       SELECT a.id, CONCAT_WS(' ', a.id, a.name, a.service_line1, a.service_line2, a.service_city, a.service_region,
                              a.service_postcode, a.mailing_line1, a.mailing_city, a.mailing_postcode,
                              (SELECT GROUP_CONCAT(CONCAT_WS(' ', c.name, c.email, REPLACE(c.email, '@', ' ')) SEPARATOR ' ')
                                 FROM contacts c WHERE c.account_id = a.id),
                              (SELECT GROUP_CONCAT(p.digits SEPARATOR ' ')
                                 FROM contacts c JOIN contact_phones p ON p.contact_id = c.id WHERE c.account_id = a.id))
         FROM accounts a WHERE a.id = ?
       ON DUPLICATE KEY UPDATE document = VALUES(document)`,
      [accountId],
    );
  }
}
