import type { EntityManager } from 'typeorm';
import { ConflictException } from '../common/errors';

/** A unique key refused the row; `key` is the index name, so other unique keys are not mistaken for it. */
export function isDuplicateKey(err: unknown, key: string): boolean {
  const e = err as { code?: string; message?: string };
  return e.code === 'ER_DUP_ENTRY' && (e.message ?? '').includes(key);
}

/** A foreign key of another table still points at the row being deleted. */
export function isStillReferenced(err: unknown): boolean {
  const code = (err as { code?: string }).code;
  return code === 'ER_ROW_IS_REFERENCED_2' || code === 'ER_ROW_IS_REFERENCED';
}

/** `what` in lower case, as it reads mid-sentence: "tax type". */
export function nameTaken(code: string, what: string, name: string): ConflictException {
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
