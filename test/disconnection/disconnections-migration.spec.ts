import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/database/data-source-options';
import { ensureDatabase } from '../../src/database/migrate';
import { migrations } from '../../src/database/migrations';
import { Disconnections1795731000000 } from '../../src/database/migrations/1795731000000-disconnections';

/** The disconnections migration on a database of its own, migrated as far as it, then undone and redone. */
describe('the disconnections migration keeps one default disconnect status and can be undone', () => {
  let sut: DataSource;
  let name: string;
  beforeAll(async () => {
    const url = new URL(process.env.DATABASE_URL as string);
    name = `${url.pathname.replace(/^\//, '')}_disc_${randomUUID().replace(/-/g, '').slice(0, 8)}`;
    url.pathname = `/${name}`;
    await ensureDatabase(url.toString());
    const upToDisconnections = migrations.slice(0, migrations.indexOf(Disconnections1795731000000) + 1);
    sut = new DataSource({ ...dataSourceOptions({ DATABASE_URL: url.toString() }), migrations: upToDisconnections });
    await sut.initialize();
    await sut.runMigrations({ transaction: 'each' });
  });
  afterAll(async () => {
    await sut.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await sut.destroy();
  });

  const columns = async (table: string, names: string[]) =>
    (
      await sut.query(
        `SELECT column_name AS name FROM information_schema.columns
          WHERE table_schema = DATABASE() AND table_name = ? AND column_name IN (?) ORDER BY column_name`,
        [table, names],
      )
    ).map((r: { name: string }) => r.name);

  it('refuses a second flagged status even when written past the API', async () => {
    await sut.query("INSERT INTO account_statuses (name, counts_as_active, is_disconnect) VALUES ('Gone', 0, 1), ('Paused', 0, 0)");
    await expect(sut.query("UPDATE account_statuses SET is_disconnect = 1 WHERE name = 'Paused'")).rejects.toThrow(
      /uq_account_statuses_disconnect|Duplicate/,
    );
    await expect(sut.query("INSERT INTO account_statuses (name, counts_as_active, is_disconnect) VALUES ('Moved', 0, 1)")).rejects.toThrow(
      /uq_account_statuses_disconnect|Duplicate/,
    );
    await sut.query('DELETE FROM account_statuses');
  });

  it('drops what it added on the way down and adds it again on the way up', async () => {
    const present = async () => [
      ...(await columns('account_statuses', ['is_disconnect', 'disconnect_default'])),
      ...(await columns('accounts', ['disconnected_at'])),
      ...(await columns('account_disconnections', ['id'])),
    ];
    await expect(present()).resolves.toEqual(['disconnect_default', 'is_disconnect', 'disconnected_at', 'id']);
    await sut.undoLastMigration({ transaction: 'each' });
    await expect(present()).resolves.toEqual([]);
    await sut.runMigrations({ transaction: 'each' });
    await expect(present()).resolves.toEqual(['disconnect_default', 'is_disconnect', 'disconnected_at', 'id']);
  });
});
