import { BillingConfigService } from '../../src/billing-config/billing-config.service';
import { Clock } from '../../src/common/clock';
import { ConflictException } from '../../src/common/errors';
import { auditEntries } from '../contacts/account-fixture';
import { createIsolatedTestApp } from '../support/isolated-database';
import { TestApp } from '../support/test-app';
import { auditCount, Client } from './billing-config-fixture';

// Closing the books is system-wide, so it runs on a database of its own.
describe('closing the accounting period', () => {
  let sut: TestApp;
  let client: Client;
  let config: BillingConfigService;
  const today = (date: string) => jest.spyOn(sut.app.get(Clock), 'now').mockReturnValue(new Date(`${date}T12:00:00Z`));
  const period = async () => (await client.get('/api/accounting-period').expect(200)).body;

  beforeAll(async () => {
    sut = await createIsolatedTestApp();
    client = new Client(sut, (await sut.admin()).token);
    config = sut.app.get(BillingConfigService);
    today('2026-11-20');
  });
  afterAll(() => sut.close());

  it('starts never closed, with every date open', async () => {
    expect(await period()).toEqual({ closeDate: null, autoClose: false, autoCloseAfterDays: 10 });
    expect(await config.closeDate(sut.db.manager)).toBeNull();
    await expect(config.assertOpen(sut.db.manager, '1999-01-01', 'A payment')).resolves.toBeUndefined();
  });

  it('closes up to and including the close date, and records it once', async () => {
    const { body } = await client.put('/api/accounting-period', { closeDate: '2026-10-31' }).expect(200);
    expect(body).toEqual({ closeDate: '2026-10-31', autoClose: false, autoCloseAfterDays: 10 });
    expect(await auditEntries(sut.db, client.lastRequestId)).toEqual([
      expect.objectContaining({
        action: 'update',
        entityType: 'accounting_period',
        before: expect.objectContaining({ closeDate: null }),
        after: expect.objectContaining({ closeDate: '2026-10-31' }),
      }),
    ]);
    expect(await config.closeDate(sut.db.manager)).toBe('2026-10-31');
  });

  it('refuses a date on the close date, naming it, and accepts the next day', async () => {
    const refusal = config.assertOpen(sut.db.manager, '2026-10-31', 'A payment');
    await expect(refusal).rejects.toThrow(ConflictException);
    await expect(refusal).rejects.toMatchObject({
      code: 'accounting_period_closed',
      status: 409,
      message:
        'The accounting period is closed up to and including 2026-10-31. A payment dated 2026-10-31 cannot be added or changed; record the correction in the open period.',
    });
    await expect(config.assertOpen(sut.db.manager, '2026-10-15', 'Invoice INV-0000007')).rejects.toThrow(
      /closed up to and including 2026-10-31\. Invoice INV-0000007 dated 2026-10-15/,
    );
    await expect(config.assertOpen(sut.db.manager, '2026-11-01', 'A payment')).resolves.toBeUndefined();
  });

  it('never moves the close date backwards or clears it', async () => {
    for (const closeDate of ['2026-09-30', null]) {
      const res = await client.put('/api/accounting-period', { closeDate }).expect(409);
      expect(res.body.message).toContain('2026-10-31');
      expect(res.body.details).toEqual([expect.objectContaining({ field: 'closeDate', rule: 'forwardOnly' })]);
      expect(await auditCount(sut.db, client.lastRequestId)).toBe(0);
    }
    expect((await period()).closeDate).toBe('2026-10-31');
  });

  it('never closes past today, in the billing time zone', async () => {
    const res = await client.put('/api/accounting-period', { closeDate: '2026-11-21', autoClose: true }).expect(400);
    expect(res.body.details).toEqual([expect.objectContaining({ field: 'closeDate', rule: 'notAfterToday' })]);
    expect(res.body.message).toContain('2026-11-20');
    expect(await auditCount(sut.db, client.lastRequestId)).toBe(0);
    expect(await period()).toEqual({ closeDate: '2026-10-31', autoClose: false, autoCloseAfterDays: 10 });

    await client.put('/api/accounting-period', { closeDate: '2026-11-20' }).expect(200);
    expect((await period()).closeDate).toBe('2026-11-20');
  });

  it('takes the current close date back unchanged, so other fields can be saved alone', async () => {
    const { body } = await client
      .put('/api/accounting-period', { closeDate: '2026-11-20', autoClose: true, autoCloseAfterDays: 5 })
      .expect(200);
    expect(body).toEqual({ closeDate: '2026-11-20', autoClose: true, autoCloseAfterDays: 5 });
    expect(await auditEntries(sut.db, client.lastRequestId)).toEqual([
      expect.objectContaining({
        before: expect.objectContaining({ autoClose: false }),
        after: expect.objectContaining({ autoClose: true }),
      }),
    ]);
    await client.put('/api/accounting-period', { closeDate: '2026-11-20' }).expect(200);
    expect(await auditCount(sut.db, client.lastRequestId)).toBe(0);
  });

  it('refuses impossible dates and out-of-range waits', async () => {
    for (const [body, field, rule] of [
      [{ closeDate: '2026-02-30' }, 'closeDate', 'date'],
      [{ autoCloseAfterDays: 366 }, 'autoCloseAfterDays', 'max'],
      [{ autoCloseAfterDays: 2.5 }, 'autoCloseAfterDays', 'isInt'],
      [{ autoClose: null }, 'autoClose', 'notNull'],
    ] as const) {
      const res = await client.put('/api/accounting-period', body).expect(400);
      expect(res.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field, rule })]));
    }
  });
});
