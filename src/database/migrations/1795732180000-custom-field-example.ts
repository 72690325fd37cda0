import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A patterned custom field can carry an example value, shown to clerks as help in place of
 * the pattern itself, which few of them read. The example is checked against the pattern on save.
 */
export class CustomFieldExample1795732180000 implements MigrationInterface {
  name = 'CustomFieldExample1795732180000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE custom_fields ADD COLUMN example VARCHAR(255) NULL AFTER pattern');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE custom_fields DROP COLUMN example');
  }
}
