import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/database/data-source-options';
import { transactionWithRetry } from '../../src/database/transaction';

const REQUIRED = ['STRICT_ALL_TABLES', 'NO_ZERO_DATE', 'NO_ZERO_IN_DATE', 'ERROR_FOR_DIVISION_BY_ZERO'];

/** Whatever the server's defaults, every session the application opens refuses absurd values and reads committed rows. */
describe('strict SQL mode', () => {
  let sut: DataSource;
  beforeAll(async () => {
    sut = await new DataSource(dataSourceOptions({ DATABASE_URL: process.env.DATABASE_URL as string })).initialize();
  });
  afterAll(() => sut.destroy());

  it('is set on every pooled connection, the first one included', async () => {
    // Hold several connections at once so the pool has to open new ones.
    const runners = await Promise.all(
      [1, 2, 3, 4].map(async () => {
        const runner = sut.createQueryRunner();
        await runner.connect();
        return runner;
      }),
    );
    try {
      for (const runner of runners) {
        const [{ mode }] = await runner.query('SELECT @@SESSION.sql_mode AS mode');
        expect(String(mode).split(',')).toEqual(expect.arrayContaining(REQUIRED));
      }
    } finally {
      await Promise.all(runners.map((r) => r.release()));
    }
  });

  it('refuses a zero date, an impossible date, an over-long string and a division by zero instead of storing something', async () => {
    const runner = sut.createQueryRunner();
    await runner.connect();
    try {
      await runner.query('CREATE TEMPORARY TABLE strict_probe (d DATE NULL, s VARCHAR(3) NULL, n INT NULL)');
      await expect(runner.query("INSERT INTO strict_probe (d) VALUES ('0000-00-00')")).rejects.toThrow(/Incorrect date value/);
      await expect(runner.query("INSERT INTO strict_probe (d) VALUES ('2027-02-30')")).rejects.toThrow(/Incorrect date value/);
      await expect(runner.query("INSERT INTO strict_probe (d) VALUES ('2027-00-10')")).rejects.toThrow(/Incorrect date value/);
      await expect(runner.query("INSERT INTO strict_probe (s) VALUES ('abcd')")).rejects.toThrow(/Data too long/);
      await expect(runner.query('INSERT INTO strict_probe (n) VALUES (1 / 0)')).rejects.toThrow(/Division by 0/);
      const [{ n }] = await runner.query('SELECT COUNT(*) AS n FROM strict_probe');
      expect(Number(n)).toBe(0);
    } finally {
      await runner.release();
    }
  });

  it('reads what others committed in the middle of a transaction (READ COMMITTED, set once per session)', async () => {
    await sut.query('CREATE TABLE IF NOT EXISTS isolation_probe (id INT PRIMARY KEY, n INT NOT NULL)');
    await sut.query('REPLACE INTO isolation_probe VALUES (1, 0)');
    try {
      const seen = await transactionWithRetry(sut, async (em) => {
        const [before] = await em.query('SELECT n FROM isolation_probe WHERE id = 1');
        // Another session commits while this transaction is open; under REPEATABLE READ the next read would still say 0.
        await sut.query('UPDATE isolation_probe SET n = 1 WHERE id = 1');
        const [after] = await em.query('SELECT n FROM isolation_probe WHERE id = 1');
        return [Number(before.n), Number(after.n)];
      });
      expect(seen).toEqual([0, 1]);
    } finally {
      await sut.query('DROP TABLE isolation_probe');
    }
  });
});
