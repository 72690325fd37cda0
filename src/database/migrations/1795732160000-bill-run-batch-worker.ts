import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which worker process billed each batch of a run (its Temporal identity), so
 * operations can see the work spread over the workers and find what a worker
 * that died had in hand.
 */
export class BillRunBatchWorker1795732160000 implements MigrationInterface {
  name = 'BillRunBatchWorker1795732160000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE bill_run_batches ADD COLUMN worker VARCHAR(190) NULL AFTER parked');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE bill_run_batches DROP COLUMN worker');
  }
}
