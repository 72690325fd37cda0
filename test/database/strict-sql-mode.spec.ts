import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/database/data-source-options';

const REQUIRED = ['STRICT_ALL_TABLES', 'NO_ZERO_DATE', 'NO_ZERO_IN_DATE', 'ERROR_FOR_DIVISION_BY_ZERO'];

/** Whatever the server's default, every session the application opens refuses absurd values. */
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
});
