import { nextBillingDate } from '../../src/billing/billing-schedule';
import { createTestApp, TestApp } from '../support/test-app';
import { BillingWorld } from './billing-world';

describe('the next billing date', () => {
  it('is the first anchor day from today on that comes after what the account was already billed for', () => {
    const sut = nextBillingDate;
    // Billed ahead for next month: the date after that, never today.
    expect(sut({ anchorDay: 1, billedFor: '2026-12-01', today: '2026-11-20' })).toBe('2027-01-01');
    // Never billed: the coming anchor day.
    expect(sut({ anchorDay: 1, billedFor: null, today: '2026-11-20' })).toBe('2026-12-01');
    // Today is the anchor day and today's bill has not been made yet.
    expect(sut({ anchorDay: 20, billedFor: '2026-10-20', today: '2026-11-20' })).toBe('2026-11-20');
    // Billed today: next month.
    expect(sut({ anchorDay: 20, billedFor: '2026-11-20', today: '2026-11-20' })).toBe('2026-12-20');
    // A billing date missed long ago does not pull the date into the past.
    expect(sut({ anchorDay: 5, billedFor: '2025-06-05', today: '2026-11-20' })).toBe('2026-12-05');
    // Across a year end, and the 28th that anniversary accounts activated late in a month are billed on.
    expect(sut({ anchorDay: 28, billedFor: '2026-11-28', today: '2026-12-02' })).toBe('2026-12-28');
    expect(sut({ anchorDay: 9, billedFor: '2026-12-09', today: '2026-12-20' })).toBe('2027-01-09');
  });
});

/**
 * What the account page shows is the one figure from the billing figures: the
 * Overview (figures endpoint) and the account header agree, from the settings and
 * the invoices the account has.
 */
describe('the next billing date on the account page', () => {
  let sut: TestApp;
  let w: BillingWorld;

  beforeAll(async () => {
    sut = await createTestApp();
    w = await new BillingWorld(sut).init();
  });
  afterAll(() => sut.close());

  const shown = async (accountId: number) => {
    const figures = await w.figures(accountId);
    const header = (await w.get(`/api/accounts/${accountId}/header`).expect(200)).body as { nextBillingDate: string | null };
    return { figures: (figures as unknown as { nextBillingDate: string | null }).nextBillingDate, header: header.nextBillingDate };
  };

  it('moves past an invoice made ahead into next month instead of showing today', async () => {
    await w.today('2026-11-20');
    const account = await w.account({ billDay: 1, invoiceDay: 1 });
    await w.addService(account, await w.service(4500), '2026-11-20', { prorate: false });
    expect(await shown(account)).toEqual({ figures: '2026-12-01', header: '2026-12-01' });
    await w.generate(account, '2026-12-01');
    expect(await shown(account)).toEqual({ figures: '2027-01-01', header: '2027-01-01' });
  });

  it('is set on an account invoiced for the first time, from its own invoice day', async () => {
    await w.today('2026-11-07');
    const account = await w.account({ invoiceDay: 7 });
    await w.addService(account, await w.service(2500), '2026-11-07', { prorate: false });
    const { invoice } = await w.generate(account, '2026-11-07');
    expect(invoice).not.toBeNull();
    expect(await shown(account)).toEqual({ figures: '2026-12-07', header: '2026-12-07' });
  });
});
