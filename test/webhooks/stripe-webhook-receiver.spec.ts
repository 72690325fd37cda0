import Stripe from 'stripe';
import { Permission } from '../../src/auth/permission';
import { createTestApp, TestApp } from '../support/test-app';

const stripe = new Stripe('sk_test_webhooks');

/**
 * The webhook route is served ahead of the framework's pipeline, for speed. What every
 * route promises still holds for it: a request id, its timing in the metrics, the
 * JSON-only and size rules with the shared error shape, and other methods answered as
 * any unknown route is.
 */
describe('Stripe webhooks: the receiver in front of the pipeline', () => {
  let sut: TestApp;
  beforeAll(async () => {
    sut = await createTestApp();
  });
  afterAll(() => sut.close());

  const signedEvent = (id: string) => {
    const payload = JSON.stringify({
      id,
      object: 'event',
      type: 'customer.created',
      created: Math.floor(Date.now() / 1000),
      livemode: false,
      data: { object: { id: 'cus_receiver', object: 'customer' } },
    });
    return { payload, header: stripe.webhooks.generateTestHeaderString({ payload, secret: sut.config.STRIPE_WEBHOOK_SECRET }) };
  };
  /** A POST to the route; the signature header only when one is given. */
  const post = (body: string, signature?: string, contentType = 'application/json') => {
    const req = sut.http().post('/api/webhooks/stripe').set('Content-Type', contentType);
    return signature === undefined ? req.send(body) : req.set('Stripe-Signature', signature).send(body);
  };
  const stored = async (id: string) => Number((await sut.db.query('SELECT COUNT(*) AS n FROM webhook_events WHERE id = ?', [id]))[0].n);

  it('answers with a request id, the caller’s own when it sent a sane one', async () => {
    const { payload, header } = signedEvent(`evt_receiver_${Date.now()}_id`);
    const res = await post(payload, header).set('X-Request-Id', 'delivery-42').expect(200);
    expect(res.headers['x-request-id']).toBe('delivery-42');
    const refused = await post(payload).expect(400);
    expect(refused.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(refused.body).toMatchObject({
      requestId: refused.headers['x-request-id'],
      details: [{ field: 'Stripe-Signature', rule: 'required' }],
    });
  });

  it('refuses a body that is not JSON, not valid JSON or over 1 MB, in the shared error shape, and stores nothing', async () => {
    const id = `evt_receiver_${Date.now()}_bad`;
    const { payload, header } = signedEvent(id);
    const asText = await post(payload, header, 'text/plain');
    expect(asText.status).toBe(415);
    expect(asText.body).toMatchObject({ statusCode: 415, details: [{ field: 'Content-Type', rule: 'mediaType' }] });
    const broken = await post(payload.slice(0, -1), header).expect(400);
    expect(broken.body).toMatchObject({ statusCode: 400, details: [{ field: 'body', rule: 'json' }] });
    const huge = JSON.stringify({ id, padding: 'x'.repeat(1_100_000) });
    const tooLarge = await post(huge, header);
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body).toMatchObject({ statusCode: 413, details: [{ field: 'body', rule: 'maxSize' }] });
    expect(await stored(id)).toBe(0);
  });

  it('leaves other methods to the framework, which answers as for any route it does not have', async () => {
    const res = await sut.http().get('/api/webhooks/stripe').expect(404);
    expect(res.body).toMatchObject({ statusCode: 404 });
  });

  it('times its answers in the metrics under its route', async () => {
    const { payload, header } = signedEvent(`evt_receiver_${Date.now()}_timed`);
    await post(payload, header).expect(200);
    const scraper = await sut.userWith([Permission.SystemMetrics]);
    const metrics = (await sut.http().get('/api/metrics').auth(scraper.token, { type: 'bearer' }).expect(200)).text;
    const count = metrics
      .split('\n')
      .find(
        (l) =>
          l.startsWith('backhaul_http_request_duration_seconds_count{') &&
          l.includes('route="/api/webhooks/stripe"') &&
          l.includes('status="200"'),
      );
    expect(Number(count?.split(' ').pop())).toBeGreaterThanOrEqual(1);
  });
});
