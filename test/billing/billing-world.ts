import { randomUUID } from 'node:crypto';
import { InvariantCheckerService } from '../../src/billing/invariant-checker.service';
import { Clock } from '../../src/common/clock';
import { insertAccount } from '../contacts/account-fixture';
import type { TestApp } from '../support/test-app';

export type ServiceKind = 'recurring' | 'one_time' | 'data' | 'voice' | 'adjustment';

/** Settings every billing test pins on its own accounts, so system-wide defaults changed elsewhere cannot move its numbers. */
export const PINNED_SETTINGS = {
  billingMode: 'fixed',
  billDay: 1,
  invoiceDay: 1,
  billTiming: 'advance',
  dueDays: 14,
  prorateServices: true,
  prorateServiceQuantity: true,
  prorationRounding: 'cent',
  taxExempt: false,
} as const;

/**
 * Builds billing scenarios through the real API and database: accounts, taxes,
 * services, a movable "today", and the books check that must pass after each test.
 */
export class BillingWorld {
  token = '';
  private login = { email: '', password: '' };

  constructor(readonly sut: TestApp) {}

  async init(): Promise<this> {
    const admin = await this.sut.admin();
    this.login = { email: admin.email, password: admin.password };
    this.token = admin.token;
    return this;
  }

  /**
   * Makes "today" a given billing date (noon UTC, so every time zone near UTC agrees).
   * Sessions age by the same clock, so it logs in again at the new time. Keep dates
   * in the past: audit entries carry this time, and other suites read the newest ones.
   */
  async today(date: string): Promise<void> {
    jest.spyOn(this.sut.app.get(Clock), 'now').mockReturnValue(new Date(`${date}T12:00:00Z`));
    const res = await this.sut.http().post('/api/auth/login').send(this.login).expect(200);
    this.token = res.body.token as string;
  }

  async account(settings: Record<string, unknown> = {}, coords?: { lat: string; lng: string }): Promise<number> {
    const id = await insertAccount(this.sut.db, `Billing ${randomUUID().slice(0, 8)}`);
    if (coords)
      await this.sut.db.query('UPDATE accounts SET service_latitude = ?, service_longitude = ? WHERE id = ?', [coords.lat, coords.lng, id]);
    await this.put(`/api/accounts/${id}/billing-config`, { ...PINNED_SETTINGS, ...settings }).expect(200);
    return id;
  }

  async tax(rateE4: number, name = `Tax ${randomUUID().slice(0, 8)}`): Promise<number> {
    const type = await this.post('/api/tax-types', { name: `Type ${randomUUID().slice(0, 8)}` }).expect(201);
    const res = await this.post('/api/taxes', { name, taxTypeId: type.body.id, rateE4 }).expect(201);
    return res.body.id as number;
  }

  async service(
    price: number,
    opts: { kind?: ServiceKind; taxIds?: number[]; adjustmentSide?: 'debit' | 'credit'; name?: string } = {},
  ): Promise<number> {
    const kind = opts.kind ?? 'recurring';
    const body: Record<string, unknown> = {
      name: opts.name ?? `Service ${randomUUID().slice(0, 8)}`,
      kind,
      price,
      ledgerCode: '4000',
      taxIds: opts.taxIds ?? [],
    };
    if (kind === 'adjustment') body.adjustmentSide = opts.adjustmentSide ?? 'credit';
    if (kind === 'data') Object.assign(body, { downloadKbps: 100000, uploadKbps: 20000 });
    if (kind === 'voice') {
      // A voice service is priced by a rate plan; an empty one is enough where no call is rated.
      const plan = await this.post('/api/voice-rate-plans', { name: `Plan ${randomUUID().slice(0, 8)}` }).expect(201);
      body.voiceRatePlanId = plan.body.id;
    }
    const res = await this.post('/api/services', body).expect(201);
    return res.body.id as number;
  }

  async addService(accountId: number, serviceId: number, date: string, extra: Record<string, unknown> = {}) {
    const res = await this.post('/api/account-services', { accountId, serviceId, date, ...extra });
    if (res.status !== 201) throw new Error(`add service: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: number; chargedThrough: string | null; additionProrateDate: string | null };
  }

  async generate(accountId: number, billingDate: string) {
    const res = await this.post(`/api/accounts/${accountId}/invoices/generate`, { billingDate });
    if (res.status !== 200) throw new Error(`generate: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { created: boolean; invoice: InvoiceBody | null };
  }

  async pay(accountId: number, amount: number, date?: string) {
    const res = await this.post('/api/payments', { accountId, method: 'cash', amount, ...(date && { date }) });
    if (res.status !== 201) throw new Error(`pay: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { transaction: { id: number }; applied: { invoiceId: number; amount: number }[] };
  }

  async invoice(id: number): Promise<InvoiceBody> {
    return (await this.get(`/api/invoices/${id}`).expect(200)).body;
  }

  async figures(accountId: number) {
    return (await this.get(`/api/accounts/${accountId}/billing-figures`).expect(200)).body as {
      dueNow: number;
      balanceDue: number;
      availableCredits: number;
      totalBalance: number;
      nextRecurringCharge: number;
      uninvoiced: number;
      nextBillingDate: string | null;
    };
  }

  async transactions(accountId: number) {
    const filter = encodeURIComponent(JSON.stringify({ accountId }));
    return (await this.get(`/api/transactions?filter=${filter}&sort=${encodeURIComponent('["date","ASC"]')}&range=[0,999]`).expect(200))
      .body as {
      id: number;
      kind: string;
      side: string;
      amount: number;
      taxAmount: number;
      total: number;
      invoiceId: number | null;
      balance: number;
      description: string;
      taxes: { taxName: string; amount: number }[];
    }[];
  }

  /**
   * The invariant checker over the given accounts (and their families); fails the test with every mismatch,
   * and when it checked fewer accounts than it was given (an unknown id, or none at all).
   */
  async expectBooksBalance(accountIds: number[]): Promise<void> {
    const asked = new Set(accountIds).size;
    if (!asked) throw new Error('the books check was given no accounts to check');
    const report = await this.sut.app.get(InvariantCheckerService).check('2099-12-31', accountIds);
    if (report.accounts < asked) throw new Error(`the books check looked at ${report.accounts} accounts of the ${asked} it was given`);
    if (report.mismatches.length) throw new Error(`the books do not balance: ${JSON.stringify(report.mismatches, null, 2)}`);
  }

  get(path: string) {
    return this.sut.http().get(path).set('Authorization', `Bearer ${this.token}`);
  }
  post(path: string, body: object = {}) {
    return this.sut.http().post(path).set('Authorization', `Bearer ${this.token}`).send(body);
  }
  put(path: string, body: object) {
    return this.sut.http().put(path).set('Authorization', `Bearer ${this.token}`).send(body);
  }
  patch(path: string, body: object) {
    return this.sut.http().patch(path).set('Authorization', `Bearer ${this.token}`).send(body);
  }
  delete(path: string) {
    return this.sut.http().delete(path).set('Authorization', `Bearer ${this.token}`);
  }
}

export interface InvoiceBody {
  id: number;
  accountId: number;
  number: string;
  invoiceDate: string;
  dueDate: string;
  periodStart: string | null;
  periodEnd: string | null;
  total: number;
  taxTotal: number;
  paid: number;
  remaining: number;
  childRemaining: number;
  frozen: boolean;
  void: boolean;
  manual: boolean;
  parentInvoiceId: number | null;
}
