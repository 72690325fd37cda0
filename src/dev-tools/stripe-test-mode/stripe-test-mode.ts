import { randomBytes } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isTestToken, testPaymentMethod, TestRefusal } from './test-payment-methods';
import { WebhookSender, WebhookTarget } from './webhook-sender';

/** One call made to "Stripe", as it came in. */
export interface StripeCall {
  method: string;
  path: string;
  idempotencyKey: string | null;
  params: URLSearchParams;
  status: number;
}

export interface StripeTestModeOptions {
  /** stripe-mock's address, e.g. http://127.0.0.1:12111 */
  upstream: string | undefined;
  /** 0: any free port. */
  port?: number;
  host?: string;
  /**
   * When set, a bank debit left `processing` settles by itself this long after it was
   * made (as its token says: succeeded, or failed with the bank's reason). Unset: only
   * settle() does, which is what tests that drive time themselves want.
   */
  settleAfterMs?: number | null;
  /** Where to deliver payment_intent.succeeded / payment_failed when an intent settles. */
  webhook?: WebhookTarget | null;
  /** One line per notable thing (settlements, deliveries); silent by default. */
  report?: (line: string) => void;
}

interface IntentState {
  status: string;
  amount: number;
  currency: string;
  customer: string | null;
  paymentMethod: string | null;
  metadata: Record<string, string>;
  lastPaymentError: Record<string, unknown> | null;
  /** The last answer's shape from stripe-mock, so a view built later has every field. */
  template: Record<string, unknown>;
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

const newId = (prefix: string) => `${prefix}_${randomBytes(12).toString('hex')}`;
const isBankToken = (token: string) => token.startsWith('pm_usBankAccount');

function metadataOf(params: URLSearchParams): Record<string, string> {
  const metadata: Record<string, string> = {};
  for (const [key, value] of params) {
    const match = /^metadata\[(.+)\]$/.exec(key);
    if (match) metadata[match[1]] = value;
  }
  return metadata;
}

/** The error object Stripe puts in a 402 and in an intent's last_payment_error. */
function stripeError(refusal: TestRefusal, type: 'card_error' | 'invalid_request_error'): Record<string, unknown> {
  return {
    type,
    code: refusal.code,
    ...(refusal.declineCode ? { decline_code: refusal.declineCode } : {}),
    message: refusal.message,
    doc_url: `https://stripe.com/docs/error-codes/${refusal.code.replace(/_/g, '-')}`,
  };
}

/**
 * Stripe's test mode, locally. stripe-mock checks every request against Stripe's OpenAPI
 * description and answers with a canned object shaped by the request, but it keeps no
 * state: every PaymentIntent comes back `requires_payment_method`, every PaymentMethod is a
 * Visa with no customer. This proxy sits in front of it: every call still goes to
 * stripe-mock (so an invalid call fails as it would at Stripe), and the answer becomes what
 * Stripe's test mode says for its documented test methods (test-payment-methods.ts):
 *  - attaching a test token makes a new method id with that card's brand and last four, or
 *    a US bank account; a token Stripe does not document is refused as missing;
 *  - a card PaymentIntent succeeds, or is refused with a 402 carrying Stripe's decline code
 *    and sentence; a bank debit is `processing` until it settles, which settle() does, or a
 *    timer does when `settleAfterMs` is set, delivering the signed webhook Stripe would;
 *  - objects remember what was sent (metadata, holder, expiry, customer).
 * It records every call, so tests assert on what the product sent, and takes hooks tests use
 * to stage outages, slow answers, disputes and refund outcomes.
 */
export class StripeTestMode {
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
  private readonly setupIntents = new Map<string, { customer: string | null; paymentMethod: string | null; status: string }>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly deliveries = new Set<Promise<unknown>>();
  private readonly webhooks: WebhookSender | null;

  private constructor(
    private readonly server: Server,
    private readonly upstream: string,
    readonly url: string,
    private readonly options: StripeTestModeOptions,
  ) {
    const report = options.report ?? (() => undefined);
    this.webhooks = options.webhook ? new WebhookSender(options.webhook, report) : null;
  }

  static async start(options: StripeTestModeOptions): Promise<StripeTestMode> {
    const { upstream } = options;
    if (!upstream) throw new Error('No stripe-mock address: run the suite with `npm test`, or `npm run dev`, which start stripe-mock.');
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve);
    });
    const { address, port } = server.address() as AddressInfo;
    const host = address.includes(':') ? `[${address}]` : address;
    const sut = new StripeTestMode(server, upstream.replace(/\/$/, ''), `http://${host}:${port}`, options);
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      sut.handle(req, res).catch((err: Error) => {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { type: 'api_error', message: `Stripe test mode: ${err.message}` } }));
      });
    });
    return sut;
  }

  async close(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    await Promise.allSettled([...this.deliveries]);
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Calls whose method and path start like `POST /v1/payment_intents`. */
  callsTo(route: string): StripeCall[] {
    return this.calls.filter((call) => `${call.method} ${call.path}`.startsWith(route));
  }

  /**
   * What the bank says, later: the intent succeeds, or fails with the bank's reason. Without
   * an outcome, what the method's test token says. With a webhook target, the event follows.
   */
  settle(intentId: string, outcome?: 'succeeded' | { failed: string; code?: string }): void {
    const intent = this.intents.get(intentId);
    if (!intent) throw new Error(`unknown PaymentIntent ${intentId}`);
    const result = outcome ?? this.scriptedOutcome(intent);
    if (result === 'succeeded') {
      intent.status = 'succeeded';
      intent.lastPaymentError = null;
    } else {
      intent.status = 'requires_payment_method';
      intent.lastPaymentError = stripeError(
        { code: result.code ?? 'payment_method_account_closed', declineCode: null, message: result.failed },
        'invalid_request_error',
      );
    }
    this.options.report?.(`settled ${intentId}: ${intent.status === 'succeeded' ? 'succeeded' : 'failed'}`);
    this.deliver(result === 'succeeded' ? 'payment_intent.succeeded' : 'payment_intent.payment_failed', intentId);
  }

  /** Resolves once every webhook under way has been delivered or given up. */
  async delivered(): Promise<void> {
    await Promise.allSettled([...this.deliveries]);
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

  private scriptedOutcome(intent: IntentState): 'succeeded' | { failed: string; code: string } {
    const token = (intent.paymentMethod && this.methods.get(intent.paymentMethod)?.token) ?? intent.paymentMethod ?? '';
    const known = testPaymentMethod(token);
    const failure = known?.kind === 'bank' ? known.failure : null;
    return failure ? { failed: failure.message, code: failure.code } : 'succeeded';
  }

  private deliver(type: string, intentId: string): void {
    if (!this.webhooks) return;
    const intent = this.intents.get(intentId) as IntentState;
    const delivery = this.webhooks.send(type, this.intentView(intentId, intent.template)).finally(() => this.deliveries.delete(delivery));
    this.deliveries.add(delivery);
  }

  private settleLater(intentId: string): void {
    const delay = this.options.settleAfterMs;
    if (delay === null || delay === undefined) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      const intent = this.intents.get(intentId);
      if (intent?.status === 'processing') this.settle(intentId);
    }, delay);
    this.timers.add(timer);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://stripe-test-mode');
    const method = req.method ?? 'GET';
    const params = new URLSearchParams(method === 'GET' ? url.search : body);
    const idempotencyKey = (req.headers['idempotency-key'] as string | undefined) ?? null;
    const route = `${method} ${url.pathname}`;
    const record = (status: number) => this.calls.push({ method, path: url.pathname, idempotencyKey, params, status });

    const outage = this.outages.findIndex((o) => route.startsWith(o.route));
    if (outage >= 0) {
      const { status } = this.outages.splice(outage, 1)[0];
      record(status);
      return this.reply(res, status, { error: { type: 'api_error', message: 'Stripe is having a bad day (simulated).' } });
    }
    const unknown = this.unknownToken(url.pathname, params);
    if (unknown) {
      record(404);
      return this.reply(res, 404, {
        error: {
          type: 'invalid_request_error',
          code: 'resource_missing',
          param: unknown.param,
          message: `No such PaymentMethod: '${unknown.id}'`,
        },
      });
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
    record(status);
    if (typeof answer === 'string') {
      res.writeHead(status, { 'content-type': 'application/json', 'request-id': upstream.headers.get('request-id') ?? 'req_test_mode' });
      res.end(answer);
      return;
    }
    this.reply(res, status, answer);
  }

  /** A test token Stripe does not document, wherever a payment method is named; Stripe answers that it has no such method. */
  private unknownToken(path: string, params: URLSearchParams): { id: string; param: string } | null {
    const parts = path.split('/').filter(Boolean);
    const named: [string | null | undefined, string][] = [
      [parts[1] === 'payment_methods' ? parts[2] : null, 'id'],
      [params.get('payment_method'), 'payment_method'],
    ];
    for (const [id, param] of named) {
      if (id && isTestToken(id) && !testPaymentMethod(id)) return { id, param };
    }
    return null;
  }

  private reply(res: ServerResponse, status: number, answer: unknown): void {
    res.writeHead(status, { 'content-type': 'application/json', 'request-id': 'req_test_mode' });
    res.end(JSON.stringify(answer));
  }

  private rewrite(method: string, path: string, params: URLSearchParams, obj: Record<string, unknown>): [number, unknown] {
    const parts = path.split('/').filter(Boolean); // v1, resource, id, action
    if (parts[1] === 'payment_methods' && parts[2]) return [200, this.paymentMethod(method, parts[2], parts[3], params, obj)];
    if (parts[1] === 'payment_intents' && method === 'POST' && !parts[2]) return this.createIntent(params, obj);
    if (parts[1] === 'payment_intents' && method === 'GET' && parts[2]) return [200, this.intentView(parts[2], obj)];
    if (parts[1] === 'payment_intents' && method === 'GET' && !parts[2]) {
      // The list Stripe would give: the intents made here, not stripe-mock's one canned sample.
      const template = ((obj.data as Record<string, unknown>[] | undefined) ?? [])[0] ?? {};
      const data = [...this.intents.keys()].map((id) => this.intentView(id, template));
      return [200, { ...obj, data, has_more: false }];
    }
    if (parts[1] === 'setup_intents' && method === 'POST') return [200, this.setupIntent(parts[2], parts[3], params, obj)];
    if (parts[1] === 'setup_intents' && method === 'GET' && parts[2]) return [200, this.setupIntentView(parts[2], obj)];
    if (parts[1] === 'refunds' && method === 'POST' && !parts[2]) {
      // A refund is pending until the card network answers, as in Stripe's test mode for some cards;
      // each gets its own id (stripe-mock answers every refund with the same one).
      const id = newId('re');
      this.refunds.set(id, {
        paymentIntent: params.get('payment_intent'),
        amount: Number(params.get('amount')),
        status: 'pending',
        failureReason: null,
        metadata: metadataOf(params),
      });
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

  /**
   * What Stripe's elements do with a SetupIntent: confirming it with the details (here a test
   * token) makes a method attached to the intent's customer, ready to charge off session.
   */
  private setupIntent(id: string | undefined, action: string | undefined, params: URLSearchParams, obj: Record<string, unknown>) {
    const currentId = id ?? newId('seti');
    const state = this.setupIntents.get(currentId) ?? { customer: null, paymentMethod: null, status: 'requires_payment_method' };
    this.setupIntents.set(currentId, state);
    if (!id) state.customer = params.get('customer');
    const token = params.get('payment_method');
    if (action === 'confirm' && token) {
      if (isTestToken(token)) {
        state.paymentMethod = newId('pm');
        this.methods.set(state.paymentMethod, { token, customer: state.customer });
      } else {
        state.paymentMethod = token;
        const method = this.methods.get(token);
        if (method) method.customer = state.customer;
      }
      state.status = 'succeeded';
    }
    return this.setupIntentView(currentId, obj);
  }

  private setupIntentView(id: string, obj: Record<string, unknown>): Record<string, unknown> {
    const state = this.setupIntents.get(id);
    if (!state) return obj;
    return {
      ...obj,
      id,
      client_secret: `${id}_secret_${id.slice(-8)}`,
      customer: state.customer,
      payment_method: state.paymentMethod,
      status: state.status,
      next_action: null,
    };
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
    const isToken = isTestToken(id);
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
    const known = testPaymentMethod(state.token);
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
        fingerprint: `testfp${known?.last4 ?? '6789'}`,
        last4: known?.last4 ?? '6789',
        networks: { preferred: 'ach', supported: ['ach'] },
        routing_number: '110000000',
        status_details: null,
      };
    } else {
      const card = obj.card as Record<string, unknown>;
      const model = known?.kind === 'card' ? known : null;
      view.card = {
        ...card,
        ...(model ? { brand: model.brand, display_brand: model.brand, last4: model.last4, funding: model.funding } : {}),
        exp_month: state.expMonth ?? card.exp_month,
        exp_year: state.expYear ?? card.exp_year,
      };
    }
    return view;
  }

  private createIntent(params: URLSearchParams, obj: Record<string, unknown>): [number, unknown] {
    const id = obj.id as string;
    const paymentMethod = params.get('payment_method');
    const token = (paymentMethod && this.methods.get(paymentMethod)?.token) ?? paymentMethod ?? '';
    const known = testPaymentMethod(token);
    const state: IntentState = {
      status: isBankToken(token) ? 'processing' : 'succeeded',
      amount: Number(params.get('amount')),
      currency: params.get('currency') ?? 'usd',
      customer: params.get('customer'),
      paymentMethod,
      metadata: metadataOf(params),
      lastPaymentError: null,
      template: obj,
    };
    if (known?.kind === 'card' && known.decline) {
      const error = stripeError(known.decline, 'card_error');
      state.status = 'requires_payment_method';
      state.lastPaymentError = error;
      this.intents.set(id, state);
      return [402, { error: { ...error, payment_intent: this.intentView(id, obj) } }];
    }
    this.intents.set(id, state);
    if (state.status === 'processing') this.settleLater(id);
    return [200, this.intentView(id, obj)];
  }

  private intentView(id: string, obj: Record<string, unknown>): Record<string, unknown> {
    const state = this.intents.get(id);
    if (!state) return obj;
    return {
      ...obj,
      id,
      object: 'payment_intent',
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
