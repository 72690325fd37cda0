import { DataSource, EntityManager } from 'typeorm';

const MAX_ATTEMPTS = 3;

export function isDeadlock(err: unknown): boolean {
  return (err as { code?: string }).code === 'ER_LOCK_DEADLOCK';
}

/**
 * Runs work in a transaction, again (up to three times) when InnoDB picks it as
 * a deadlock victim. Row locks keep one entity's changes in line, but gap and
 * foreign-key locks can still tangle two unrelated writers; InnoDB rolls one back
 * whole, and re-running it is the documented remedy. Work must only touch the database.
 *
 * READ COMMITTED, because every writer here locks a row first and then reads:
 * under REPEATABLE READ a plain read after waiting for the lock would still see
 * the snapshot taken before the wait, missing what the previous holder committed.
 */
export async function transactionWithRetry<T>(db: DataSource, work: (em: EntityManager) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction('READ COMMITTED', work);
    } catch (err) {
      if (attempt >= MAX_ATTEMPTS || !isDeadlock(err)) throw err;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 50 * attempt));
    }
  }
}
