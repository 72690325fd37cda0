import { Logger } from '@nestjs/common';
import { EntitySubscriberInterface, EventSubscriber, type EntityManager, type QueryRunner } from 'typeorm';

type Work = () => Promise<void>;

const PENDING = Symbol('afterCommit');
const logger = new Logger('AfterCommit');

function pendingOf(runner: QueryRunner): Work[] {
  const data = runner.data as { [PENDING]?: Work[] };
  return (data[PENDING] ??= []);
}

/**
 * Runs `work` once the transaction `em` belongs to has committed, and never if it rolls back.
 * For what must not happen inside a transaction (starting a workflow, sending a message) but must
 * follow whatever committed, when the code that knows about it is deep inside someone else's
 * transaction. Work that fails is logged and dropped: the commit has happened, and the caller must
 * not take the failure for a rolled-back transaction (nor retry it).
 */
export function afterCommit(em: EntityManager, work: Work): void {
  const runner = em.queryRunner;
  if (!runner?.isTransactionActive) throw new Error('afterCommit() needs the EntityManager of an open transaction');
  pendingOf(runner).push(work);
}

/** Hands what afterCommit() collected to the commit, or drops it with a rollback; only the outermost transaction counts. */
@EventSubscriber()
export class AfterCommitSubscriber implements EntitySubscriberInterface {
  async afterTransactionCommit(event: { queryRunner: QueryRunner }): Promise<void> {
    if (event.queryRunner.isTransactionActive) return;
    const work = pendingOf(event.queryRunner).splice(0);
    for (const run of work) {
      try {
        await run();
      } catch (err) {
        logger.error({ err }, 'Work left for after a commit failed');
      }
    }
  }

  afterTransactionRollback(event: { queryRunner: QueryRunner }): void {
    if (!event.queryRunner.isTransactionActive) pendingOf(event.queryRunner).splice(0);
  }
}
