import { BillingConfigService } from '../../src/billing-config/billing-config.service';
import { AccountingPeriodService } from '../../src/billing-config/accounting-period.service';
import { Clock } from '../../src/common/clock';
import { BadInputException } from '../../src/common/errors';
import { createIsolatedTestApp } from '../support/isolated-database';
import { TestApp } from '../support/test-app';
import { Client } from './billing-config-fixture';

// Moves the system-wide close date, so it runs on a database of its own.
describe('closing months automatically', () => {
  let sut: TestApp;
  let client: Client;
  let config: BillingConfigService;
  const closeDate = async () => config.closeDate(sut.db.manager);
  const autoCloseEntries = async () =>
    (await sut.db.query(
      "SELECT request_id AS requestId, actor_user_id AS actor, action FROM action_history WHERE entity_type = 'accounting_period' AND action = 'auto_close'",
    )) as unknown[];

  beforeAll(async () => {
    sut = await createIsolatedTestApp();
    client = new Client(sut, (await sut.admin()).token);
    config = sut.app.get(BillingConfigService);
  });
  afterAll(() => sut.close());

  it('does nothing while automatic closing is off', async () => {
    expect(await config.autoCloseIfDue('2026-11-15')).toBeNull();
    expect(await closeDate()).toBeNull();
  });

  it('closes the previous month once its waiting days are over, once', async () => {
    await client.put('/api/accounting-period', { autoClose: true, autoCloseAfterDays: 10 }).expect(200);
    // On 9 November October has waited only 9 days, but September is due.
    expect(await config.autoCloseIfDue('2026-11-09')).toBe('2026-09-30');
    expect(await config.autoCloseIfDue('2026-11-09')).toBeNull();
    expect(await config.autoCloseIfDue('2026-11-10')).toBe('2026-10-31');
    expect(await config.autoCloseIfDue('2026-11-30')).toBeNull();
    expect(await closeDate()).toBe('2026-10-31');
    expect(await autoCloseEntries()).toEqual([
      { requestId: null, actor: null, action: 'auto_close' },
      { requestId: null, actor: null, action: 'auto_close' },
    ]);
  });

  it('catches up on a late run and waits longer when told to', async () => {
    expect(await config.autoCloseIfDue('2027-01-20')).toBe('2026-12-31');
    await client.put('/api/accounting-period', { autoCloseAfterDays: 45 }).expect(200);
    expect(await config.autoCloseIfDue('2027-03-16')).toBeNull();
    expect(await config.autoCloseIfDue('2027-03-17')).toBe('2027-01-31');
  });

  it('never moves a later manual close date back', async () => {
    // Closed straight through the service on a made-up today: a login session would not survive the jump ahead.
    const clock = jest.spyOn(sut.app.get(Clock), 'now').mockReturnValue(new Date('2027-04-20T12:00:00Z'));
    await sut.app.get(AccountingPeriodService).update({ closeDate: '2027-03-10' });
    clock.mockRestore();
    expect(await config.autoCloseIfDue('2027-04-20')).toBeNull();
    expect(await closeDate()).toBe('2027-03-10');
  });

  it('refuses a run date that is not a calendar date', async () => {
    await expect(config.autoCloseIfDue('2027-04-31')).rejects.toMatchObject({ status: 400 });
    await expect(config.autoCloseIfDue('2027-04-31')).rejects.toThrow(BadInputException);
  });
});
