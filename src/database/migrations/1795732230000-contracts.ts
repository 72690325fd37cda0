import { MigrationInterface, QueryRunner } from 'typeorm';

/** Each new permission goes to the roles that hold the billing permission it sits beside. */
const GRANTS: [permission: string, grantedWith: string][] = [
  ['contracts.read', 'billing.read'],
  ['contracts.manage', 'billing.manage'],
  ['contracts.configure', 'billing.configure'],
];

const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';
const TIMESTAMPS = `created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3)`;

/**
 * Contracts: templates with merge fields, contracts written from them onto accounts, the
 * requests that ask a contact to sign by a link, and each signed contract's PDF.
 *
 * A contract keeps its document as written (`body_html`, with `document_sha256` of it), so a
 * later change to the template changes nothing already written. A contract is signed once:
 * the signing columns are written together by one UPDATE guarded by the state, and the signed
 * PDF goes to `contract_documents`, keyed by the contract, inserted once and never updated.
 * One signing request per contract is open at a time (`open_contract_id`); its links are
 * kept only as SHA-256 hashes.
 */
export class Contracts1795732230000 implements MigrationInterface {
  name = 'Contracts1795732230000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE contract_templates (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      name VARCHAR(150) NOT NULL,
      body_html MEDIUMTEXT NOT NULL,
      term_months SMALLINT UNSIGNED NULL,
      enabled TINYINT(1) NOT NULL DEFAULT 1,
      message_category_id INT UNSIGNED NULL,
      created_by_user_id INT UNSIGNED NULL,
      ${TIMESTAMPS},
      UNIQUE KEY ux_contract_templates_name (name),
      CONSTRAINT fk_contract_templates_category FOREIGN KEY (message_category_id) REFERENCES message_categories (id),
      CONSTRAINT fk_contract_templates_created_by FOREIGN KEY (created_by_user_id) REFERENCES staff_users (id),
      CONSTRAINT ck_contract_templates_term CHECK (term_months IS NULL OR term_months BETWEEN 1 AND 600)
    ) ${TABLE_OPTIONS}`);

    await q.query(`CREATE TABLE contracts (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      account_id INT UNSIGNED NOT NULL,
      template_id INT UNSIGNED NOT NULL,
      name VARCHAR(150) NOT NULL,
      term_months SMALLINT UNSIGNED NULL,
      body_html MEDIUMTEXT NOT NULL,
      document_sha256 CHAR(64) NOT NULL,
      state ENUM('draft','sent','viewed','signed','declined','expired','cancelled') NOT NULL DEFAULT 'draft',
      created_by_user_id INT UNSIGNED NULL,
      sent_at DATETIME(3) NULL,
      viewed_at DATETIME(3) NULL,
      signed_at DATETIME(3) NULL,
      signer_name VARCHAR(150) NULL,
      signer_email VARCHAR(254) NULL,
      signer_address VARCHAR(45) NULL,
      signer_user_agent VARCHAR(500) NULL,
      signing_method ENUM('in_person','link') NULL,
      signing_request_id INT UNSIGNED NULL,
      signature_png MEDIUMBLOB NULL,
      expires_on DATE NULL,
      declined_at DATETIME(3) NULL,
      decline_reason VARCHAR(1000) NULL,
      renewal_task_id INT UNSIGNED NULL,
      ${TIMESTAMPS},
      KEY ix_contracts_account (account_id, created_at),
      KEY ix_contracts_expiry (state, expires_on),
      CONSTRAINT fk_contracts_account FOREIGN KEY (account_id) REFERENCES accounts (id),
      CONSTRAINT fk_contracts_template FOREIGN KEY (template_id) REFERENCES contract_templates (id),
      CONSTRAINT fk_contracts_created_by FOREIGN KEY (created_by_user_id) REFERENCES staff_users (id),
      CONSTRAINT fk_contracts_renewal_task FOREIGN KEY (renewal_task_id) REFERENCES account_tasks (id) ON DELETE SET NULL,
      CONSTRAINT ck_contracts_signed CHECK ((signed_at IS NULL) = (signer_name IS NULL) AND (signed_at IS NULL) = (signing_method IS NULL))
    ) ${TABLE_OPTIONS}`);

    await q.query(`CREATE TABLE contract_documents (
      contract_id INT UNSIGNED NOT NULL PRIMARY KEY,
      pdf MEDIUMBLOB NOT NULL,
      pdf_sha256 CHAR(64) NOT NULL,
      size_bytes INT UNSIGNED NOT NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      UNIQUE KEY ux_contract_documents_hash (pdf_sha256),
      CONSTRAINT fk_contract_documents_contract FOREIGN KEY (contract_id) REFERENCES contracts (id)
    ) ${TABLE_OPTIONS}`);

    await q.query(`CREATE TABLE contract_signing_requests (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      contract_id INT UNSIGNED NOT NULL,
      contact_id INT UNSIGNED NULL,
      email VARCHAR(254) NOT NULL,
      state ENUM('open','signed','declined','expired','cancelled') NOT NULL DEFAULT 'open',
      open_contract_id INT UNSIGNED AS (IF(state = 'open', contract_id, NULL)) STORED,
      expires_at DATETIME(3) NOT NULL,
      emails_sent SMALLINT UNSIGNED NOT NULL DEFAULT 0,
      reminders_sent SMALLINT UNSIGNED NOT NULL DEFAULT 0,
      created_by_user_id INT UNSIGNED NULL,
      closed_at DATETIME(3) NULL,
      ${TIMESTAMPS},
      UNIQUE KEY ux_contract_signing_requests_open (open_contract_id),
      KEY ix_contract_signing_requests_contract (contract_id, id),
      CONSTRAINT fk_contract_signing_requests_contract FOREIGN KEY (contract_id) REFERENCES contracts (id),
      CONSTRAINT fk_contract_signing_requests_contact FOREIGN KEY (contact_id) REFERENCES contacts (id) ON DELETE SET NULL,
      CONSTRAINT fk_contract_signing_requests_created_by FOREIGN KEY (created_by_user_id) REFERENCES staff_users (id)
    ) ${TABLE_OPTIONS}`);

    // Every email of a request carries its own link; all of them close with the request.
    await q.query(`CREATE TABLE contract_signing_links (
      token_sha256 CHAR(64) NOT NULL PRIMARY KEY,
      request_id INT UNSIGNED NOT NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      KEY ix_contract_signing_links_request (request_id),
      CONSTRAINT fk_contract_signing_links_request FOREIGN KEY (request_id) REFERENCES contract_signing_requests (id)
    ) ${TABLE_OPTIONS}`);

    for (const [permission, grantedWith] of GRANTS) {
      await q.query(
        `INSERT IGNORE INTO role_permissions (role_id, permission) SELECT role_id, ? FROM role_permissions WHERE permission = ?`,
        [permission, grantedWith],
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DELETE FROM role_permissions WHERE permission IN (?)', [GRANTS.map(([permission]) => permission)]);
    await q.query('DROP TABLE contract_signing_links');
    await q.query('DROP TABLE contract_signing_requests');
    await q.query('DROP TABLE contract_documents');
    await q.query('DROP TABLE contracts');
    await q.query('DROP TABLE contract_templates');
  }
}
