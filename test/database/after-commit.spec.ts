import { DataSource } from 'typeorm';
import { afterCommit } from '../../src/database/after-commit';
import { dataSourceOptions } from '../../src/database/data-source-options';
import { transactionWithRetry } from '../../src/database/transaction';

/** Work deferred to a commit runs after it and only after it; its failure is not the transaction's. */
describe('afterCommit', () => {
  let sut: DataSource;
  beforeAll(async () => {
    sut = await new DataSource(dataSourceOptions({ DATABASE_URL: process.env.DATABASE_URL as string })).initialize();
  });
  afterAll(() => sut.destroy());

  it('runs after the commit, when what the transaction wrote is visible to everyone', async () => {
    await sut.query('CREATE TABLE IF NOT EXISTS after_commit_probe (id INT PRIMARY KEY)');
    await sut.query('DELETE FROM after_commit_probe');
    const seenByOthers: number[] = [];
    try {
      await transactionWithRetry(sut, async (em) => {
        await em.query('INSERT INTO after_commit_probe VALUES (1)');
        afterCommit(em, async () => {
          seenByOthers.push(Number((await sut.query('SELECT COUNT(*) AS n FROM after_commit_probe'))[0].n));
        });
        // Not yet: the row is still this transaction's own.
        expect(seenByOthers).toEqual([]);
      });
      expect(seenByOthers).toEqual([1]);
    } finally {
      await sut.query('DROP TABLE after_commit_probe');
    }
  });

  it('never runs for a transaction that rolls back', async () => {
    let ran = false;
    await expect(
      transactionWithRetry(sut, async (em) => {
        afterCommit(em, async () => {
          ran = true;
        });
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(ran).toBe(false);
  });

  it('keeps a failure of the deferred work from looking like a failed transaction', async () => {
    const result = await transactionWithRetry(sut, async (em) => {
      afterCommit(em, async () => {
        throw new Error('Temporal is away');
      });
      return 'committed';
    });
    expect(result).toBe('committed');
  });

  it('refuses an EntityManager outside any transaction', () => {
    expect(() => afterCommit(sut.manager, async () => undefined)).toThrow(/open transaction/);
  });
});
