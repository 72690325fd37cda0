import type { EntityManager } from 'typeorm';
import { ConflictException } from '../common/errors';
import { TaxesErrorCode } from './taxes.error-codes';

/** A foreign key of another table still points at the row being deleted. */
export function isStillReferenced(err: unknown): boolean {
  const code = (err as { code?: string }).code;
  return code === 'ER_ROW_IS_REFERENCED_2' || code === 'ER_ROW_IS_REFERENCED';
}

/** `what` in lower case, as it reads mid-sentence: "tax type". */
export function nameTaken(
  code: TaxesErrorCode.TaxNameTaken | TaxesErrorCode.TaxTypeNameTaken,
  what: string,
  name: string,
): ConflictException {
  return new ConflictException(code, `A ${what} named "${name}" already exists`, [
    { field: 'name', rule: 'unique', message: `name is already used by another ${what}` },
  ]);
}

/**
 * The row's name, share-locked so it cannot be deleted before this transaction's new row points at
 * it. Written out because TypeORM spells the lock FOR SHARE, which MariaDB does not know.
 */
export async function shareLockName(em: EntityManager, table: 'taxes' | 'tax_types', id: number): Promise<string | null> {
  const [row]: { name: string }[] = await em.query(`SELECT name FROM ${table} WHERE id = ? LOCK IN SHARE MODE`, [id]);
  return row ? row.name : null;
}
