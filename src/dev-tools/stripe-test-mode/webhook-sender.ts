import { createHmac, randomBytes } from 'node:crypto';

export interface WebhookTarget {
  /** The API's Stripe webhook route, e.g. http://127.0.0.1:3000/api/webhooks/stripe */
  url: string;
  /** The endpoint's signing secret (whsec_…), the one the API checks signatures with. */
  secret: string;
}

/** Stripe's signature scheme (v1): an HMAC-SHA256 of "timestamp.body" under the endpoint secret. */
export function signatureHeader(payload: string, secret: string, timestamp = Math.floor(Date.now() / 1000)): string {
  const signature = createHmac('sha256', secret).update(`${timestamp}.${payload}`, 'utf8').digest('hex');
  return `t=${timestamp},v1=${signature}`;
}

/** The attempts Stripe would make at once: a receiver that is restarting gets a few more seconds. */
const DELIVERY_WAITS_MS = [0, 1000, 3000, 10_000];

/**
 * Delivers events the way Stripe does: a JSON body signed with the endpoint secret, tried
 * again while the receiver answers with anything but 2xx (Stripe keeps trying for days;
 * a local instance gives up after a few tries and says so).
 */
export class WebhookSender {
  constructor(
    private readonly target: WebhookTarget,
    private readonly report: (line: string) => void,
  ) {}

  async send(type: string, object: Record<string, unknown>): Promise<boolean> {
    const event = {
      id: `evt_${randomBytes(12).toString('hex')}`,
      object: 'event',
      api_version: '2025-01-27.acacia',
      created: Math.floor(Date.now() / 1000),
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      type,
      data: { object },
    };
    const payload = JSON.stringify(event);
    let last = '';
    for (const wait of DELIVERY_WAITS_MS) {
      if (wait) await new Promise((resolve) => setTimeout(resolve, wait));
      try {
        const res = await fetch(this.target.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'stripe-signature': signatureHeader(payload, this.target.secret) },
          body: payload,
        });
        if (res.ok) {
          this.report(`delivered ${type} for ${String(object.id)} (${event.id})`);
          return true;
        }
        last = `answered ${res.status}`;
      } catch (err) {
        last = err instanceof Error ? err.message : String(err);
      }
    }
    this.report(`warning: gave up delivering ${type} for ${String(object.id)}: ${last}`);
    return false;
  }
}
