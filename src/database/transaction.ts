import { DataSource, EntityManager } from 'typeorm';

const MAX_ATTEMPTS = 3;

/** The isolation level of every session the product opens. */
export const SESSION_ISOLATION = 'READ COMMITTED';

export function isDeadlock(err: unknown): boolean {
  return (err as { code?: string }).code === 'ER_LOCK_DEADLOCK';
}

/*
 * Every write transaction outside this folder runs through transactionWithRetry
 * (a lint rule refuses a raw `.transaction(` anywhere else), and keeps three rules.
 *
 * One isolation level, READ COMMITTED, set on each pooled session as it opens
 * (data-source-options.ts). Every writer locks a row first and then reads; under
 * the server's default REPEATABLE READ a plain read after waiting for a lock
 * still sees the snapshot taken before the wait and misses what the previous
 * holder committed.
 *
 * One lock order: first the account's family (the parent, then its children by
 * id, through AccountLockService or billing's FamilyLockService, which hands
 * over to it), then any other rows (invoices, payments, events, settings). Money
 * moves between a parent and its children, so two writers on one family must
 * meet at the parent's row and queue there; a writer that locked a child or an
 * invoice first could hold what the other waits for while waiting for what the
 * other holds. Many families at once: every parent in id order, then their
 * children in id order.
 *
 * A retry when InnoDB picks the transaction as a deadlock victim. The lock order
 * keeps one family's writers in line, but gap and foreign-key locks can still
 * tangle two unrelated writers; InnoDB rolls one back whole, and running it
 * again is the documented remedy. So the work must only touch the database:
 * no email sent, no workflow started, no file written inside it.
 */

/** Runs work in one READ COMMITTED transaction, again (up to three times) when it loses a deadlock. */
export async function transactionWithRetry<T>(db: DataSource, work: (em: EntityManager) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(work);
    } catch (err) {
      if (attempt >= MAX_ATTEMPTS || !isDeadlock(err)) throw err;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 50 * attempt));
    }
  }
}

/**
 * Runs work the way transactionWithRetry would and then rolls everything back:
 * a preview runs the real code against the real rows and keeps none of it.
 */
export async function rolledBackTransaction<T>(db: DataSource, work: (em: EntityManager) => Promise<T>): Promise<T> {
  const runner = db.createQueryRunner();
  await runner.connect();
  try {
    for (let attempt = 1; ; attempt++) {
      await runner.startTransaction();
      try {
        return await work(runner.manager);
      } catch (err) {
        if (attempt >= MAX_ATTEMPTS || !isDeadlock(err)) throw err;
      } finally {
        await runner.rollbackTransaction();
      }
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 50 * attempt));
    }
  } finally {
    await runner.release();
  }
}

/**
 * Runs reads against one consistent snapshot: a check that reads many tables in
 * many statements sees each writer's transaction whole or not at all, however
 * busy the writers are. READ COMMITTED would give every statement a newer view,
 * and a payment landing between two reads would look like books out of balance.
 * Nothing may be written; the transaction is rolled back.
 */
export async function readSnapshot<T>(db: DataSource, work: (em: EntityManager) => Promise<T>): Promise<T> {
  const runner = db.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
    await runner.query('START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY');
    try {
      return await work(runner.manager);
    } finally {
      await runner.query('ROLLBACK');
    }
  } finally {
    await runner.release();
  }
}
