import { BILLING_SETTING_KEYS, BillingSettings, maskToWeekdays, weekdaysToMask } from '../../src/billing-config/billing-settings';
import { emptyOverrides, resolveSettings } from '../../src/billing-config/settings-inheritance';

const system: BillingSettings = {
  billingMode: 'fixed',
  billDay: 1,
  invoiceDay: 1,
  billTiming: 'advance',
  autopayDays: 0,
  dueDays: 14,
  graceDays: 7,
  statusSwitchDays: 30,
  daysCountedFrom: 'invoice',
  lateFeeServiceId: null,
  lateFeeKind: 'fixed',
  lateFeeAmount: 0,
  lateFeeRateE4: 0,
  lateFeeMinimumOverdue: 0,
  delinquentStatusId: null,
  delinquencyWeekdays: [1, 2, 3, 4, 5],
  prorateServices: true,
  prorateServiceQuantity: true,
  prorateStatusChange: true,
  prorateBillDayChange: true,
  prorationRounding: 'cent',
  billMode: 'invoice',
  printedInvoice: false,
  emailInvoices: true,
  taxExempt: false,
  invoiceMessage: 'Thank you for your business',
  restoreStatusOnPayment: true,
};

describe('settings inheritance', () => {
  const type = { ...emptyOverrides(), dueDays: 21, billTiming: 'arrears' as const, invoiceMessage: 'Business customers' };
  const account = { ...emptyOverrides(), dueDays: 30, taxExempt: true };

  it.each([
    [
      'system only',
      [],
      { dueDays: 14, billTiming: 'advance', taxExempt: false },
      { dueDays: 'system', billTiming: 'system', taxExempt: 'system' },
    ],
    [
      'a type default over the system',
      [{ source: 'account_type' as const, overrides: type }],
      { dueDays: 21, billTiming: 'arrears', taxExempt: false },
      { dueDays: 'account_type', billTiming: 'account_type', taxExempt: 'system' },
    ],
    [
      'an account override over its type',
      [
        { source: 'account' as const, overrides: account },
        { source: 'account_type' as const, overrides: type },
      ],
      { dueDays: 30, billTiming: 'arrears', taxExempt: true },
      { dueDays: 'account', billTiming: 'account_type', taxExempt: 'account' },
    ],
  ])('%s', (_name, levels, values, sources) => {
    const { effective, sources: actual } = resolveSettings(system, levels);
    expect(effective).toMatchObject(values);
    expect(actual).toMatchObject(sources);
    expect(Object.keys(actual).sort()).toEqual([...BILLING_SETTING_KEYS].sort());
  });

  it('treats false and 0 as values, not as "inherit"', () => {
    const { effective, sources } = resolveSettings(system, [
      { source: 'account', overrides: { ...emptyOverrides(), prorateServices: false, dueDays: 0 } },
    ]);
    expect(effective).toMatchObject({ prorateServices: false, dueDays: 0 });
    expect(sources).toMatchObject({ prorateServices: 'account', dueDays: 'account' });
  });

  it('lets a level below the system blank out the invoice message', () => {
    const { effective, sources } = resolveSettings(system, [
      { source: 'account', overrides: { ...emptyOverrides(), invoiceMessage: '' } },
      { source: 'account_type', overrides: type },
    ]);
    expect(effective.invoiceMessage).toBeNull();
    expect(sources.invoiceMessage).toBe('account');
  });

  it('stores weekdays as a bitmask, Monday first', () => {
    expect(weekdaysToMask([1, 2, 3, 4, 5])).toBe(31);
    expect(weekdaysToMask([7])).toBe(64);
    expect(maskToWeekdays(weekdaysToMask([6, 1, 7]))).toEqual([1, 6, 7]);
  });
});
