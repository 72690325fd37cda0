import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Where a switch file's import stands, kept in the file's row: the byte after the last line whose
 * calls are committed, and how many lines of the file (blank ones too) come before it. The calls,
 * rejects, counters and this checkpoint of one chunk commit together, so a worker killed mid-file
 * resumes at the checkpoint and counts every line once.
 */
export class VoiceImport1795732390000 implements MigrationInterface {
  name = 'VoiceImport1795732390000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE voice_cdr_files
      ADD COLUMN resume_byte BIGINT UNSIGNED NOT NULL DEFAULT 0 AFTER lines_rejected,
      ADD COLUMN resume_line INT UNSIGNED NOT NULL DEFAULT 0 AFTER resume_byte,
      ADD KEY ix_voice_cdr_files_source (source, name)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE voice_cdr_files DROP KEY ix_voice_cdr_files_source, DROP COLUMN resume_line, DROP COLUMN resume_byte');
  }
}
