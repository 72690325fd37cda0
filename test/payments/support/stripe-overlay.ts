import { randomBytes } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One call the product made to "Stripe", as it went out. */
export interface StripeCall {
  method: string;
  path: string;
  idempotencyKey: string | null;
  params: URLSearchParams;
  status: number;
}

interface IntentState {
  status: string;
  amount: number;
  currency: string;
  customer: string | null;
  paymentMethod: string | null;
  metadata: Record<string, string>;
  lastPaymentError: Record<string, unknown> | null;
}

interface MethodState {
  /** The test token it was made from (pm_card_visa, pm_usBankAccount_success…). */
  token: string;
  customer: string | null;
  holderName?: string;
  expMonth?: number;
  expYear?: number;
  accountType?: string;
}

const isBankToken = (token: string) => token.startsWith('pm_usBankAccount');
const isDeclinedToken = (token: string) => /Declined|InsufficientFunds/i.test(token);
const newId = (prefix: string) => `${prefix}_${randomBytes(12).toString('hex')}`;

/**
 * stripe-mock checks every request against Stripe's OpenAPI description and answers with
 * a canned object shaped by the request, but it keeps no state: every PaymentIntent comes
 * back `requires_payment_method`, every PaymentMethod is a Visa card with no customer. This
 * proxy sits between the product and stripe-mock: every call still goes to stripe-mock
 * (so an invalid call fails as it would at Stripe), and the answer gets what Stripe's test
 * mode would say for its documented test tokens:
 *  - attaching `pm_card_*` or `pm_usBankAccount_*` makes a new method id, as Stripe does;
 *  - `pm_usBankAccount_*` methods are US bank accounts (checking, last four 6789);
 *  - a PaymentIntent for a card succeeds; for a token with "Declined" in its name it is
 *    refused with a 402 card_error; for a bank account it is `processing` until the test
 *    settles it with `settle()`, as the bank would days later;
 *  - objects remember what was sent (metadata, holder, expiry, customer).
 * It records every call, so tests assert on what the product sent.
 */
export class StripeOverlay {
  readonly calls: StripeCall[] = [];
  /** Answer the next calls matching `METHOD /v1/path-prefix` with this status instead of forwarding them. */
  readonly outages: { route: string; status: number }[] = [];
  /** Milliseconds to hold every PaymentIntent creation, so concurrent requests overlap. */
  intentDelayMs = 0;
  private readonly intents = new Map<string, IntentState>();
  private readonly methods = new Map<string, MethodState>();
  private readonly disputes = new Map<string, { paymentIntent: string; amount: number; reason: string; status: string }>();
  private readonly refunds = new Map<
    string,
    { paymentIntent: string | null; amount: number; status: string; failureReason: string | null; metadata: Record<string, string> }
  >();

  private constructor(
    private readonly server: Server,
    private readonly upstream: string,
    readonly url: string,
  ) {}

  static async start(upstream = process.env.STRIPE_API_BASE): Promise<StripeOverlay> {
    if (!upstream) throw new Error('STRIPE_API_BASE is not set: run the suite with `npm test`, which starts stripe-mock.');
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const overlay = new StripeOverlay(server, upstream.replace(/\/$/, ''), `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      overlay.handle(req, res).catch((err: Error) => {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { type: 'api_error', message: `overlay: ${err.message}` } }));
      });
    });
    return overlay;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  /** Calls whose method and path start like `POST /v1/payment_intents`. */
  callsTo(route: string): StripeCall[] {
    return this.calls.filter((call) => `${call.method} ${call.path}`.startsWith(route));
  }

  /** What the bank says, later: the intent succeeds, or fails with the bank's reason. */
  settle(intentId: string, outcome: 'succeeded' | { failed: string }): void {
    const intent = this.intents.get(intentId);
    if (!intent) throw new Error(`unknown PaymentIntent ${intentId}`);
    if (outcome === 'succeeded') {
      intent.status = 'succeeded';
    } else {
      intent.status = 'requires_payment_method';
      intent.lastPaymentError = { type: 'invalid_request_error', code: 'payment_method_account_closed', message: outcome.failed };
    }
  }

  /** What detaching a method in Stripe's dashboard does: it is on no customer any more. */
  detach(methodId: string): void {
    const method = this.methods.get(methodId);
    if (!method) throw new Error(`unknown PaymentMethod ${methodId}`);
    method.customer = null;
  }

  /** A customer disputes a payment at their bank: Stripe opens a dispute on its intent. Returns the dispute id. */
  dispute(paymentIntent: string, amount: number, reason = 'fraudulent'): string {
    const id = newId('dp');
    this.disputes.set(id, { paymentIntent, amount, reason, status: 'needs_response' });
    return id;
  }

  /** What the card network says about a refund later: it went through, or it failed (a closed card). */
  settleRefund(refundId: string, outcome: 'succeeded' | { failed: string }): void {
    const refund = this.refunds.get(refundId);
    if (!refund) throw new Error(`unknown Refund ${refundId}`);
    if (outcome === 'succeeded') {
      refund.status = 'succeeded';
      refund.failureReason = null;
    } else {
      refund.status = 'failed';
      refund.failureReason = outcome.failed;
    }
  }

  /** The test token a method id was made from. */
  tokenOf(methodId: string): string | undefined {
    return this.methods.get(methodId)?.token;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://overlay');
    const method = req.method ?? 'GET';
    const params = new URLSearchParams(method === 'GET' ? url.search : body);
    const idempotencyKey = (req.headers['idempotency-key'] as string | undefined) ?? null;
    const route = `${method} ${url.pathname}`;

    const outage = this.outages.findIndex((o) => route.startsWith(o.route));
    if (outage >= 0) {
      const { status } = this.outages.splice(outage, 1)[0];
      this.calls.push({ method, path: url.pathname, idempotencyKey, params, status });
      return this.reply(res, status, { error: { type: 'api_error', message: 'Stripe is having a bad day (simulated).' } });
    }
    if (route === 'POST /v1/payment_intents' && this.intentDelayMs) await new Promise((r) => setTimeout(r, this.intentDelayMs));

    const headers: Record<string, string> = {};
    for (const name of ['authorization', 'content-type', 'idempotency-key', 'stripe-version', 'user-agent']) {
      const value = req.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    const upstream = await fetch(`${this.upstream}${url.pathname}${url.search}`, {
      method,
      headers,
      body: method === 'GET' ? undefined : body,
    });
    const text = await upstream.text();
    let status = upstream.status;
    let answer: unknown = text;
    if (status === 200) {
      [status, answer] = this.rewrite(method, url.pathname, params, JSON.parse(text) as Record<string, unknown>);
    }
    this.calls.push({ method, path: url.pathname, idempotencyKey, params, status });
    if (typeof answer === 'string') {
      res.writeHead(status, { 'content-type': 'application/json', 'request-id': upstream.headers.get('request-id') ?? 'req_overlay' });
      res.end(answer);
      return;
    }
    this.reply(res, status, answer);
  }

  private reply(res: ServerResponse, status: number, answer: unknown): void {
    res.writeHead(status, { 'content-type': 'application/json', 'request-id': 'req_overlay' });
    res.end(JSON.stringify(answer));
  }

  private rewrite(method: string, path: string, params: URLSearchParams, obj: Record<string, unknown>): [number, unknown] {
    const parts = path.split('/').filter(Boolean); // v1, resource, id, action
    if (parts[1] === 'payment_methods' && parts[2]) return [200, this.paymentMethod(method, parts[2], parts[3], params, obj)];
    if (parts[1] === 'payment_intents' && method === 'POST' && !parts[2]) return this.createIntent(params, obj);
    if (parts[1] === 'payment_intents' && method === 'GET' && parts[2]) return [200, this.intentView(parts[2], obj)];
    if (parts[1] === 'payment_intents' && method === 'GET' && !parts[2]) {
      // The list Stripe would give: the intents this test created, not stripe-mock's one canned sample.
      const template = ((obj.data as Record<string, unknown>[] | undefined) ?? [])[0] ?? {};
      const data = [...this.intents.keys()].map((id) => this.intentView(id, template));
      return [200, { ...obj, data, has_more: false }];
    }
    if (parts[1] === 'refunds' && method === 'POST' && !parts[2]) {
      // A refund is pending until the card network answers, as in Stripe's test mode for some cards;
      // each gets its own id (stripe-mock answers every refund with the same one).
      const metadata: Record<string, string> = {};
      for (const [key, value] of params) {
        const match = /^metadata\[(.+)\]$/.exec(key);
        if (match) metadata[match[1]] = value;
      }
      const id = newId('re');
      const state = {
        paymentIntent: params.get('payment_intent'),
        amount: Number(params.get('amount')),
        status: 'pending',
        failureReason: null,
        metadata,
      };
      this.refunds.set(id, state);
      return [200, this.refundView(id, obj)];
    }
    if (parts[1] === 'refunds' && method === 'GET' && parts[2] && this.refunds.has(parts[2])) return [200, this.refundView(parts[2], obj)];
    if (parts[1] === 'disputes' && method === 'GET' && parts[2]) {
      const dispute = this.disputes.get(parts[2]);
      if (dispute) {
        const { paymentIntent, ...rest } = dispute;
        return [200, { ...obj, id: parts[2], payment_intent: paymentIntent, ...rest }];
      }
    }
    return [200, obj];
  }

  private refundView(id: string, obj: Record<string, unknown>): Record<string, unknown> {
    const state = this.refunds.get(id);
    if (!state) return obj;
    return {
      ...obj,
      id,
      amount: state.amount,
      payment_intent: state.paymentIntent,
      status: state.status,
      failure_reason: state.failureReason,
      metadata: state.metadata,
    };
  }

  private paymentMethod(method: string, id: string, action: string | undefined, params: URLSearchParams, obj: Record<string, unknown>) {
    const isToken = /^pm_(card_|usBankAccount)/.test(id);
    let currentId = id;
    let state: MethodState;
    if (action === 'attach' && isToken) {
      // Attaching a test token makes a new method, as Stripe does.
      currentId = newId('pm');
      state = { token: id, customer: null };
      this.methods.set(currentId, state);
    } else {
      state = this.methods.get(id) ?? { token: id, customer: null };
      if (!isToken) this.methods.set(id, state);
    }
    if (action === 'attach') state.customer = params.get('customer');
    if (action === 'detach') state.customer = null;
    if (method === 'POST' && !action) {
      if (params.has('billing_details[name]')) state.holderName = params.get('billing_details[name]') ?? '';
      if (params.has('card[exp_month]')) state.expMonth = Number(params.get('card[exp_month]'));
      if (params.has('card[exp_year]')) state.expYear = Number(params.get('card[exp_year]'));
      if (params.has('us_bank_account[account_type]')) state.accountType = params.get('us_bank_account[account_type]') ?? undefined;
    }
    const view: Record<string, unknown> = { ...obj, id: currentId, customer: state.customer };
    view.billing_details = { ...(obj.billing_details as object), name: state.holderName ?? null };
    if (isBankToken(state.token)) {
      delete view.card;
      view.type = 'us_bank_account';
      view.us_bank_account = {
        account_holder_type: 'individual',
        account_type: state.accountType ?? 'checking',
        bank_name: 'STRIPE TEST BANK',
        financial_connections_account: null,
        fingerprint: 'overlayfp',
        last4: '6789',
        networks: { preferred: 'ach', supported: ['ach'] },
        routing_number: '110000000',
        status_details: null,
      };
    } else {
      const card = obj.card as Record<string, unknown>;
      view.card = { ...card, exp_month: state.expMonth ?? card.exp_month, exp_year: state.expYear ?? card.exp_year };
    }
    return view;
  }

  private createIntent(params: URLSearchParams, obj: Record<string, unknown>): [number, unknown] {
    const id = obj.id as string;
    const paymentMethod = params.get('payment_method');
    const token = (paymentMethod && this.methods.get(paymentMethod)?.token) ?? paymentMethod ?? '';
    const metadata: Record<string, string> = {};
    for (const [key, value] of params) {
      const match = /^metadata\[(.+)\]$/.exec(key);
      if (match) metadata[match[1]] = value;
    }
    const state: IntentState = {
      status: isBankToken(token) ? 'processing' : 'succeeded',
      amount: Number(params.get('amount')),
      currency: params.get('currency') ?? 'usd',
      customer: params.get('customer'),
      paymentMethod,
      metadata,
      lastPaymentError: null,
    };
    if (isDeclinedToken(token)) {
      const insufficient = /InsufficientFunds/i.test(token);
      const error = {
        type: 'card_error',
        code: 'card_declined',
        decline_code: insufficient ? 'insufficient_funds' : 'generic_decline',
        message: insufficient ? 'Your card has insufficient funds.' : 'Your card was declined.',
      };
      state.status = 'requires_payment_method';
      state.lastPaymentError = error;
      this.intents.set(id, state);
      return [402, { error: { ...error, payment_intent: this.intentView(id, obj) } }];
    }
    this.intents.set(id, state);
    return [200, this.intentView(id, obj)];
  }

  private intentView(id: string, obj: Record<string, unknown>): Record<string, unknown> {
    const state = this.intents.get(id);
    if (!state) return obj;
    return {
      ...obj,
      id,
      status: state.status,
      amount: state.amount,
      amount_received: state.status === 'succeeded' ? state.amount : 0,
      currency: state.currency,
      customer: state.customer,
      payment_method: state.paymentMethod,
      metadata: state.metadata,
      last_payment_error: state.lastPaymentError,
      next_action: null,
    };
  }
}
