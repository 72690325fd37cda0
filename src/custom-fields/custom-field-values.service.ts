import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { BadInputException, ConflictException, FieldError } from '../common/errors';
import { isDuplicateKey } from '../database/duplicate-key';
import { isBlank, parseCustomFieldValue, typedValue } from './custom-field-rules';
import { CustomField } from './custom-field.entity';
import { CustomFieldsErrorCode } from './custom-fields.error-codes';

export type CustomFieldValue = string | number | boolean | null;

export interface CustomFieldDisplay {
  fieldId: number;
  name: string;
  type: string;
  value: CustomFieldValue;
}

const ACCOUNT = 'account';

interface DefinitionRow {
  id: number;
  name: string;
  type: CustomField['type'];
  required: number | string;
  is_unique: number | string;
  pattern: string | null;
  example: string | null;
  options: string | string[] | null;
  active: number | string;
}

function uniqueConflict(field: CustomField): ConflictException {
  return new ConflictException(CustomFieldsErrorCode.CustomFieldValueTaken, `Another account already has this ${field.name}`, [
    { field: `customFields.${field.id}`, rule: 'unique', message: `${field.name} must be unique and this value is already used` },
  ]);
}

/**
 * Custom-field values of accounts, validated against their definitions. The
 * accounts service calls write() inside its own transaction, after locking the account.
 */
@Injectable()
export class CustomFieldValuesService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Validates and stores values keyed by field id; with `creating`, required fields must be present. */
  async write(em: EntityManager, accountId: number, values: Record<string, unknown>, options: { creating: boolean }): Promise<void> {
    const fields = await this.lockDefinitions(em);
    const byId = new Map(fields.map((f) => [String(f.id), f]));
    const errors: FieldError[] = [];
    const upserts: { field: CustomField; stored: string }[] = [];
    const clears: CustomField[] = [];

    for (const [key, raw] of Object.entries(values ?? {})) {
      const field = byId.get(key);
      if (!field) {
        errors.push({ field: `customFields.${key}`, rule: 'exists', message: `custom field ${key} does not exist` });
      } else if (!field.active) {
        errors.push({ field: `customFields.${key}`, rule: 'active', message: `${field.name} is no longer in use and cannot be set` });
      } else if (isBlank(raw)) {
        if (field.required) errors.push({ field: `customFields.${key}`, rule: 'required', message: `${field.name} is required` });
        else clears.push(field);
      } else {
        const parsed = parseCustomFieldValue(field, raw);
        if (parsed.ok) upserts.push({ field, stored: parsed.stored });
        else errors.push(parsed.error);
      }
    }
    if (options.creating) {
      for (const field of fields) {
        if (field.active && field.required && !(String(field.id) in (values ?? {}))) {
          errors.push({ field: `customFields.${field.id}`, rule: 'required', message: `${field.name} is required` });
        }
      }
    }
    if (errors.length) throw new BadInputException(errors);

    for (const { field, stored } of upserts) {
      if (field.unique) {
        const taken = await em.query(
          'SELECT 1 FROM custom_field_values WHERE custom_field_id = ? AND unique_value = ? AND account_id <> ? LIMIT 1',
          [field.id, stored, accountId],
        );
        if (taken.length) throw uniqueConflict(field);
      }
      try {
        await em.query(
          `INSERT INTO custom_field_values (custom_field_id, account_id, value, unique_value) VALUES (?, ?, ?, ?)
           ON DUPLICATE KEY UPDATE value = VALUES(value), unique_value = VALUES(unique_value)`,
          [field.id, accountId, stored, field.unique ? stored : null],
        );
      } catch (err) {
        // Two accounts are locked independently, so the unique key is what settles a race between them.
        if (isDuplicateKey(err)) throw uniqueConflict(field);
        throw err;
      }
    }
    if (clears.length) {
      await em.query('DELETE FROM custom_field_values WHERE account_id = ? AND custom_field_id IN (?)', [
        accountId,
        clears.map((f) => f.id),
      ]);
    }
  }

  /** Stored values of one account keyed by field id, typed per field. */
  async read(accountId: number): Promise<Record<string, CustomFieldValue>> {
    const rows: { id: number; type: CustomField['type']; value: string }[] = await this.db.query(
      `SELECT f.id, f.type, v.value FROM custom_field_values v JOIN custom_fields f ON f.id = v.custom_field_id
        WHERE v.account_id = ? AND f.active = 1 ORDER BY f.position, f.id`,
      [accountId],
    );
    return Object.fromEntries(rows.map((r) => [String(r.id), typedValue(r.type, r.value)]));
  }

  /** Every active field in position order with the account's value (null when unset). */
  async describe(accountId: number): Promise<CustomFieldDisplay[]> {
    const rows: { id: number; name: string; type: CustomField['type']; value: string | null }[] = await this.db.query(
      `SELECT f.id, f.name, f.type, v.value FROM custom_fields f
         LEFT JOIN custom_field_values v ON v.custom_field_id = f.id AND v.account_id = ?
        WHERE f.entity_type = ? AND f.active = 1 ORDER BY f.position, f.id`,
      [accountId, ACCOUNT],
    );
    return rows.map((r) => ({ fieldId: r.id, name: r.name, type: r.type, value: r.value === null ? null : typedValue(r.type, r.value) }));
  }

  /**
   * Reads the definitions under a shared lock, so a concurrent type or unique change
   * cannot slip between validation and write. A locking read also sees the latest
   * committed definitions rather than the transaction's snapshot. Written as SQL
   * because TypeORM renders the lock as FOR SHARE, which MariaDB does not accept.
   */
  private async lockDefinitions(em: EntityManager): Promise<CustomField[]> {
    const rows: DefinitionRow[] = await em.query(
      'SELECT id, name, type, required, is_unique, pattern, example, options, active FROM custom_fields WHERE entity_type = ? LOCK IN SHARE MODE',
      [ACCOUNT],
    );
    return rows.map((r) =>
      Object.assign(new CustomField(), {
        id: Number(r.id),
        name: r.name,
        type: r.type,
        required: Boolean(Number(r.required)),
        unique: Boolean(Number(r.is_unique)),
        pattern: r.pattern,
        example: r.example,
        options: typeof r.options === 'string' ? (JSON.parse(r.options) as string[]) : r.options,
        active: Boolean(Number(r.active)),
      }),
    );
  }
}
