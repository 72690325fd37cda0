import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The calls a voice service still has to be billed for, found without reading the ones already
 * billed: settling a month looks up each service's unsettled calls that started before the
 * month's end, and a service keeps years of settled calls. Leading with the service and the
 * settlement keeps that look-up to the unsettled rows (settlement_id IS NULL), in start order.
 */
export class VoiceBilling1795732395000 implements MigrationInterface {
  name = 'VoiceBilling1795732395000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE voice_calls ADD KEY ix_voice_calls_waiting (account_service_id, settlement_id, started_at)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE voice_calls DROP KEY ix_voice_calls_waiting');
  }
}
