import { checkInvoiceBounds, ChargeSpan, InvoiceCandidate, spanKey } from '../../src/billing/invoice-bounds';

const charge = (over: Partial<ChargeSpan> = {}): ChargeSpan => ({
  accountServiceId: 7,
  serviceId: 3,
  amount: 3000,
  taxAmount: 188,
  periodStart: '2026-05-05',
  periodEnd: '2026-06-04',
  ...over,
});

const candidate = (over: Partial<InvoiceCandidate> = {}): InvoiceCandidate => ({
  newCharges: [charge()],
  pending: [],
  chargedUntil: new Map([[spanKey(7, 3), '2026-05-04']]),
  usual: { sum: 9564, count: 3 },
  ...over,
});

describe('invoice safety bounds', () => {
  const bounds = { spikePercent: 500 };

  it('lets an ordinary bill through', () => {
    expect(checkInvoiceBounds(candidate(), bounds)).toBeNull();
  });

  it('parks a negative line or total', () => {
    expect(
      checkInvoiceBounds(candidate({ pending: [charge({ accountServiceId: null, amount: -5000, periodStart: null })] }), bounds),
    ).toMatchObject({
      rule: 'negative_total',
    });
  });

  it('parks a recurring charge for a day already charged, and two new charges that overlap each other', () => {
    expect(checkInvoiceBounds(candidate({ chargedUntil: new Map([[spanKey(7, 3), '2026-05-05']]) }), bounds)).toMatchObject({
      rule: 'unexplained_charges',
    });
    const twice = candidate({
      chargedUntil: new Map(),
      newCharges: [charge(), charge({ periodStart: '2026-06-01', periodEnd: '2026-06-30' })],
    });
    expect(checkInvoiceBounds(twice, bounds)).toMatchObject({ rule: 'unexplained_charges' });
    // The same service under another account service is another subscription, not a double charge.
    const two = candidate({ newCharges: [charge(), charge({ accountServiceId: 8 })] });
    expect(checkInvoiceBounds(two, bounds)).toBeNull();
  });

  it('parks a bill above the percentage of the usual one, exactly at the line it is let through', () => {
    // usual: 9564 / 3 = 3188; 500% of it is 15,940.
    expect(checkInvoiceBounds(candidate({ newCharges: [charge({ amount: 15_940 - 188 })] }), bounds)).toBeNull();
    expect(checkInvoiceBounds(candidate({ newCharges: [charge({ amount: 15_941 - 188 })] }), bounds)).toMatchObject({ rule: 'spike' });
    expect(checkInvoiceBounds(candidate({ newCharges: [charge({ amount: 15_941 - 188 })] }), { spikePercent: 1000 })).toBeNull();
  });

  it('has nothing to compare a first bill with', () => {
    expect(checkInvoiceBounds(candidate({ usual: null, newCharges: [charge({ amount: 10_000_000 })] }), bounds)).toBeNull();
  });
});
