import { createTestApp, TestApp } from '../support/test-app';
import { BillingWorld } from './billing-world';

/** Ledger behaviour with amounts computed by hand; the books must balance after each case. */
describe('ledger scenarios', () => {
  let sut: TestApp;
  let w: BillingWorld;

  beforeAll(async () => {
    sut = await createTestApp();
    w = await new BillingWorld(sut).init();
  });
  afterAll(() => sut.close());
  afterEach(() => {
    jest.restoreAllMocks();
  });

  async function account(settings: Record<string, unknown> = {}, coords?: { lat: string; lng: string }) {
    const id = await w.account(settings, coords);
    return id;
  }

  it('puts two taxes on one line, each rounded half-up on its own', async () => {
    await w.today('2026-02-11');
    const a = await account();
    const state = await w.tax(82500); // 8.25 %
    const county = await w.tax(15000); // 1.5 %
    await w.addService(a, await w.service(3000, { taxIds: [state, county] }), '2026-02-11');
    const [charge] = await w.transactions(a);
    // line 1929 (18/28 of 3000); 1929 × 8.25 % = 159.1425 → 159; 1929 × 1.5 % = 28.935 → 29
    expect(charge).toMatchObject({ amount: 1929, taxAmount: 188, total: 2117 });
    expect(charge.taxes.map((t) => t.amount)).toEqual([159, 29]);
    // next recurring charge: 3000 + 247.5 → 248 + 45 = 3293
    expect((await w.figures(a)).nextRecurringCharge).toBe(3293);
  });

  const zone = {
    type: 'Polygon',
    coordinates: [
      [
        [-89.7, 39.7],
        [-89.6, 39.7],
        [-89.6, 39.8],
        [-89.7, 39.8],
        [-89.7, 39.7],
      ],
    ],
  };

  it.each([
    { where: 'inside the zone', lat: '39.750000', lng: '-89.650000', tax: 200 },
    { where: 'exactly on its edge', lat: '39.700000', lng: '-89.650000', tax: 200 },
    { where: 'just outside it', lat: '39.699999', lng: '-89.650000', tax: 0 },
  ])('charges a geographic tax only to an account $where', async ({ lat, lng, tax }) => {
    await w.today('2026-04-01');
    const geoTax = await w.tax(20000); // 2 %
    await w.post('/api/tax-zones', { name: `Zone ${geoTax}`, taxId: geoTax, geometry: zone }).expect(201);
    const a = await account({}, { lat, lng });
    await w
      .post('/api/transactions/one-time', { accountId: a, serviceId: await w.service(10000, { kind: 'one_time', taxIds: [geoTax] }) })
      .expect(201);
    const [charge] = await w.transactions(a);
    expect(charge.taxAmount).toBe(tax); // 10000 × 2 % = 200
  });

  it('uses an account tax override: another rate, or none at all', async () => {
    await w.today('2026-04-01');
    const tax = await w.tax(82500);
    const other = await w.tax(15000);
    const a = await account();
    await w.post(`/api/accounts/${a}/tax-overrides`, { taxId: tax, kind: 'rate', rateE4: 50000 }).expect(201);
    await w.post(`/api/accounts/${a}/tax-overrides`, { taxId: other, kind: 'exempt' }).expect(201);
    await w
      .post('/api/transactions/one-time', { accountId: a, serviceId: await w.service(1929, { kind: 'one_time', taxIds: [tax, other] }) })
      .expect(201);
    // 1929 × 5 % = 96.45 → 96, the exempt tax adds nothing
    expect((await w.transactions(a))[0]).toMatchObject({ amount: 1929, taxAmount: 96 });
  });

  it('charges no tax to a tax-exempt account', async () => {
    await w.today('2026-04-01');
    const a = await account({ taxExempt: true });
    await w
      .post('/api/transactions/one-time', {
        accountId: a,
        serviceId: await w.service(5000, { kind: 'one_time', taxIds: [await w.tax(82500)] }),
      })
      .expect(201);
    expect((await w.transactions(a))[0].taxAmount).toBe(0);
  });

  it('voids an invoice: the payment comes off and is free again, every debit is reversed, the invoice is zeroed', async () => {
    await w.today('2026-05-01');
    const a = await account();
    await w.addService(a, await w.service(3000), '2026-05-01');
    await w.post('/api/transactions/one-time', { accountId: a, serviceId: await w.service(1200, { kind: 'one_time' }) }).expect(201);
    const { invoice } = await w.generate(a, '2026-05-01');
    expect(invoice?.total).toBe(4200);
    await w.pay(a, 1000);
    expect(await w.figures(a)).toMatchObject({ balanceDue: 3200, availableCredits: 0 });

    const voided = (await w.post(`/api/invoices/${invoice!.id}/void`, { reason: 'billed in error' }).expect(200)).body;
    expect(voided).toMatchObject({ void: true, total: 4200, paid: 4200, remaining: 0 });
    const rows = await w.transactions(a);
    const reversals = rows.filter((t) => t.kind === 'discount');
    expect(reversals.map((t) => t.amount).sort((x, y) => x - y)).toEqual([1200, 3000]);
    expect(await w.figures(a)).toMatchObject({ balanceDue: 0, availableCredits: 1000, totalBalance: 0 });
    // The running balance ends at minus the free credit.
    expect(rows[rows.length - 1].balance).toBe(-1000);
    // A void invoice takes no more changes.
    await w.put(`/api/invoices/${invoice!.id}`, { message: 'x' }).expect(409);
    await w.post(`/api/invoices/${invoice!.id}/void`).expect(409);
  });

  it('reverses one debit: its discount pays down its own invoice; a second reversal is refused', async () => {
    await w.today('2026-05-01');
    const a = await account();
    await w.addService(a, await w.service(3000), '2026-05-01');
    await w.post('/api/transactions/one-time', { accountId: a, serviceId: await w.service(1200, { kind: 'one_time' }) }).expect(201);
    const { invoice } = await w.generate(a, '2026-05-01');
    const oneTime = (await w.transactions(a)).find((t) => t.amount === 1200)!;
    const res = await w.post(`/api/transactions/${oneTime.id}/reverse`, { reason: 'goodwill' }).expect(200);
    expect(res.body.transaction).toMatchObject({ kind: 'discount', side: 'credit', amount: 1200, correctsTransactionId: oneTime.id });
    expect(await w.invoice(invoice!.id)).toMatchObject({ total: 4200, paid: 1200, remaining: 3000 });
    await w.post(`/api/transactions/${oneTime.id}/reverse`).expect(409);
  });

  it('reverses a debit not yet invoiced: the pair cancels and neither reaches an invoice', async () => {
    await w.today('2026-05-02');
    const a = await account();
    const posted = (
      await w.post('/api/transactions/one-time', { accountId: a, serviceId: await w.service(700, { kind: 'one_time' }) }).expect(201)
    ).body;
    await w.post(`/api/transactions/${posted.transaction.id}/reverse`).expect(200);
    expect(await w.figures(a)).toMatchObject({ totalBalance: 0, availableCredits: 0, uninvoiced: 0 });
    await w.post('/api/invoices', { accountId: a, includeUninvoiced: true }).expect(409);
  });

  it('applies new credit to the oldest open invoices, stepping over a frozen one', async () => {
    await w.today('2026-06-01');
    const a = await account();
    const one = await w.service(1000, { kind: 'one_time' });
    const mk = async (date: string, price: number) =>
      (await w.post('/api/invoices', { accountId: a, invoiceDate: date, lines: [{ serviceId: one, price }] }).expect(201)).body;
    const oldest = await mk('2026-06-01', 1000);
    const frozen = await mk('2026-06-02', 2000);
    const newest = await mk('2026-06-03', 1500);
    await w.put(`/api/invoices/${frozen.id}`, { frozen: true }).expect(200);
    const paid = await w.pay(a, 2000);
    expect(paid.applied).toEqual([
      { creditId: paid.transaction.id, invoiceId: oldest.id, amount: 1000 },
      { creditId: paid.transaction.id, invoiceId: newest.id, amount: 1000 },
    ]);
    expect((await w.invoice(frozen.id)).paid).toBe(0);
    // A frozen invoice refuses manual credit and edits too.
    await w.post(`/api/invoices/${frozen.id}/apply-credits`, { amount: 1 }).expect(409);
    await w.put(`/api/invoices/${frozen.id}`, { message: 'changed' }).expect(409);
    // Unfreezing lets waiting credit reach it.
    await w.pay(a, 500);
    expect((await w.invoice(newest.id)).remaining).toBe(0);
    await w.put(`/api/invoices/${frozen.id}`, { frozen: false }).expect(200);
    expect((await w.invoice(frozen.id)).paid).toBe(0);
    await w.pay(a, 300);
    expect((await w.invoice(frozen.id)).paid).toBe(300);
  });

  it('applies credit by hand up to what is available and what is owed', async () => {
    await w.today('2026-06-05');
    const a = await account();
    const one = await w.service(1000, { kind: 'one_time' });
    await w.pay(a, 800);
    const inv = (await w.post('/api/invoices', { accountId: a, lines: [{ serviceId: one, price: 1000 }] }).expect(201)).body;
    // the new invoice took the free credit at once
    expect((await w.invoice(inv.id)).paid).toBe(800);
    const over = await w.post(`/api/invoices/${inv.id}/apply-credits`, { amount: 300 }).expect(400);
    expect(over.body.details[0]).toMatchObject({ field: 'amount', rule: 'max' });
    await w.pay(a, 50, '2026-06-05'); // applies automatically
    const adjustment = await w.service(500, { kind: 'adjustment', adjustmentSide: 'credit' });
    await w.post('/api/invoices', { accountId: a, lines: [{ serviceId: one, price: 100 }] }).expect(201);
    await w.post('/api/transactions/adjustments', { accountId: a, serviceId: adjustment, amount: 500 }).expect(201);
    expect((await w.figures(a)).balanceDue).toBe(0);
  });

  it('voids a payment: it comes off its invoice and the running balance shows it undone', async () => {
    await w.today('2026-06-10');
    const a = await account();
    const inv = (
      await w.post('/api/invoices', { accountId: a, lines: [{ serviceId: await w.service(2500, { kind: 'one_time' }) }] }).expect(201)
    ).body;
    const paid = await w.pay(a, 2500);
    expect((await w.invoice(inv.id)).remaining).toBe(0);
    const res = await w.post(`/api/transactions/${paid.transaction.id}/void`, { reason: 'bounced' }).expect(200);
    expect(res.body.transaction).toMatchObject({ kind: 'void', side: 'debit', amount: 2500, balance: 2500 });
    expect((await w.invoice(inv.id)).remaining).toBe(2500);
    await w.post(`/api/transactions/${paid.transaction.id}/void`).expect(409);
  });

  it("edits only a debit's description", async () => {
    await w.today('2026-06-11');
    const a = await account();
    const posted = (
      await w.post('/api/transactions/one-time', { accountId: a, serviceId: await w.service(900, { kind: 'one_time' }) }).expect(201)
    ).body;
    const res = await w.put(`/api/transactions/${posted.transaction.id}/description`, { description: 'Router, replacement' }).expect(200);
    expect(res.body).toMatchObject({ description: 'Router, replacement', amount: 900 });
    const payment = await w.pay(a, 100);
    await w.put(`/api/transactions/${payment.transaction.id}/description`, { description: 'x' }).expect(409);
    // The database itself refuses to change an amount.
    await expect(sut.db.query('UPDATE transactions SET amount = 1 WHERE id = ?', [posted.transaction.id])).rejects.toThrow(/append-only/);
    await expect(sut.db.query('DELETE FROM transactions WHERE id = ?', [posted.transaction.id])).rejects.toThrow(/append-only/);
  });

  it('deletes a manual invoice: its charges wait for an invoice again; a generated invoice cannot be deleted', async () => {
    await w.today('2026-07-01');
    const a = await account();
    const inv = (
      await w.post('/api/invoices', { accountId: a, lines: [{ serviceId: await w.service(400, { kind: 'one_time' }) }] }).expect(201)
    ).body;
    await w.pay(a, 400);
    await w.delete(`/api/invoices/${inv.id}`).expect(204);
    expect(await w.figures(a)).toMatchObject({ balanceDue: 0, uninvoiced: 400, availableCredits: 400 });
    await w.addService(a, await w.service(3000), '2026-07-01');
    const { invoice } = await w.generate(a, '2026-07-01');
    expect(invoice).toMatchObject({ total: 3400, paid: 400 });
    await w.delete(`/api/invoices/${invoice!.id}`).expect(409);
  });

  it("links two children's invoices to the parent's, and the parent's payment pays all three", async () => {
    await w.today('2026-08-01');
    const parent = await account();
    const kids = [await account(), await account()];
    const service = await w.service(3000);
    for (const id of [parent, ...kids]) await w.addService(id, service, '2026-08-01');
    for (const kid of kids) await w.post(`/api/accounts/${parent}/child-accounts`, { childAccountId: kid }).expect(201);
    // The run may reach a child before its parent.
    const first = await w.generate(kids[0], '2026-08-01');
    const own = await w.generate(parent, '2026-08-01');
    const second = await w.generate(kids[1], '2026-08-01');
    expect(own.created).toBe(false); // the first child's run already produced it
    expect(first.invoice?.parentInvoiceId).toBe(own.invoice?.id);
    expect(second.invoice?.parentInvoiceId).toBe(own.invoice?.id);
    expect(await w.invoice(own.invoice!.id)).toMatchObject({ total: 3000, childRemaining: 6000 });
    // The parent owes its children's invoices too, and says how much of the figure is theirs.
    expect(await w.figures(parent)).toMatchObject({ balanceDue: 9000, balanceDueOnChildInvoices: 6000 });
    expect(await w.figures(kids[0])).toMatchObject({ balanceDue: 0, balanceDueOnChildInvoices: 0 });
    expect((await w.figures(kids[0])).balanceDue).toBe(0);
    const childList = (
      await w.get(`/api/invoices?filter=${encodeURIComponent(JSON.stringify({ parentInvoiceId: own.invoice!.id }))}`).expect(200)
    ).body;
    expect(childList).toHaveLength(2);
    // One child checked alone still weighs the parent against every child invoice it carries.
    await w.expectBooksBalance([kids[0]]);

    await w.pay(parent, 9000);
    expect(await w.invoice(first.invoice!.id)).toMatchObject({ remaining: 0 });
    expect(await w.invoice(second.invoice!.id)).toMatchObject({ remaining: 0 });
    expect(await w.figures(parent)).toMatchObject({ balanceDue: 0, balanceDueOnChildInvoices: 0, availableCredits: 0 });

    // Unlinking a child invoice gives the parent's money back to the parent.
    await w.delete(`/api/invoices/${second.invoice!.id}/parent-invoice`).expect(200);
    expect(await w.invoice(second.invoice!.id)).toMatchObject({ parentInvoiceId: null, remaining: 3000 });
    expect((await w.figures(parent)).availableCredits).toBe(3000);
    expect((await w.figures(kids[1])).balanceDue).toBe(3000);
    // Linking it again by hand lets the parent's free credit pay it.
    await w.post(`/api/invoices/${own.invoice!.id}/child-invoices`, { childInvoiceId: second.invoice!.id }).expect(200);
    expect(await w.invoice(second.invoice!.id)).toMatchObject({ remaining: 0 });
    await w.delete(`/api/accounts/${parent}/child-accounts/${kids[1]}`).expect(200);
  });
});
