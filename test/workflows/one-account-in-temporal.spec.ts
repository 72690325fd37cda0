import { Client, Connection } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import { searchAttributes } from '../../workflows/shared';
import { addContact, billingCategoryId } from '../correspondence-templates/correspondence-fixture';
import { emailWorld, EmailWorld, settled } from '../email/email-world';
import { StripeTestMode } from '../../src/dev-tools/stripe-test-mode/stripe-test-mode';
import { inHours, schedule } from '../scheduled-events/scheduled-events-world';
import { waitUntil } from '../support/processes';
import { signedStripeEvent } from '../support/stripe-events';

interface Found {
  type: string;
  workflowId: string;
  invoiceId?: number;
}

/**
 * What an operator types in the Temporal UI, `AccountId = 123 OR AccountIds = '123'`,
 * lists everything that happened to the account: its scheduled events and its emails
 * (runs of one account) and the batches that processed the processor's events about
 * its payments (runs of many); an invoice's email also carries the invoice.
 */
describe("one query finds an account's workflows", () => {
  let stripe: StripeTestMode;
  let world: EmailWorld;
  let connection: Connection;
  let client: Client;

  beforeAll(async () => {
    stripe = await StripeTestMode.start({ upstream: process.env.STRIPE_API_BASE });
    world = await emailWorld([], { STRIPE_API_BASE: stripe.url });
    connection = await Connection.connect({ address: world.sut.config.TEMPORAL_ADDRESS });
    client = new Client({ connection, namespace: world.sut.config.TEMPORAL_NAMESPACE });
  });
  afterAll(async () => {
    await connection.close();
    await world.close();
    await stripe.close();
  });

  async function listed(query: string): Promise<Found[]> {
    const found: Found[] = [];
    for await (const run of client.workflow.list({ query })) {
      const invoiceId = run.typedSearchAttributes.get(searchAttributes.invoiceId);
      found.push({ type: run.type, workflowId: run.workflowId, ...(invoiceId !== undefined && { invoiceId }) });
    }
    return found;
  }

  const ofAccount = (id: number) => `${searchAttributes.accountId.name} = ${id} OR ${searchAttributes.accountIds.name} = '${id}'`;

  const stripeDelivery = (type: string, object: Record<string, unknown>) => signedStripeEvent(world.sut, type, object, 'evt_search').send();

  it('lists the scheduled event, the invoice email and the payment event of one account, and nothing of another', async () => {
    const { w, sut } = world;
    await w.today('2026-09-01');
    const account = await w.account({ billMode: 'invoice' });
    const other = await w.account({ billMode: 'invoice' });

    const service = await w.service(2500, { name: `Search attr service ${Date.now()}` });
    const event = await schedule(w, account, { kind: 'add_service', serviceId: service, runAt: inHours(24) });

    const oneOff = await w.service(6000, { kind: 'one_time' });
    const invoice = await w.post('/api/invoices', { accountId: account, lines: [{ serviceId: oneOff, price: 6000 }] }).expect(201);
    await addContact(w, account, { email: `search-${randomUUID().slice(0, 8)}@example.com`, categoryIds: [await billingCategoryId(sut)] });
    const emailed = await w.post(`/api/invoices/${invoice.body.id}/email`).expect(201);
    const [{ emailId }] = emailed.body.emails as { emailId: number }[];
    expect(await settled(w, emailId)).toMatchObject({ status: 'sent' });

    const bank = await w.post(`/api/accounts/${account}/payment-methods`, { paymentMethodId: 'pm_usBankAccount_success' }).expect(201);
    const paid = await w
      .post('/api/payments/bank', { accountId: account, paymentMethodId: bank.body.id, amount: 6000 })
      .set('Idempotency-Key', `search-attr-${account}`)
      .expect(201);
    const intentId = paid.body.stripePaymentIntentId as string;
    stripe.settle(intentId, 'succeeded');
    const delivered = await stripeDelivery('payment_intent.succeeded', { id: intentId, object: 'payment_intent', status: 'succeeded' });
    expect(delivered.body).toMatchObject({ received: true, duplicate: false });

    const kinds = ['emailDeliveryWorkflow', 'scheduledEventWorkflow', 'stripeEventBatchWorkflow'];
    let found: Found[] = [];
    // Visibility trails the workflows by a moment, and the payment event is tagged only once processed.
    await waitUntil(`every kind of workflow listed for account ${account}`, async () => {
      found = await listed(ofAccount(account));
      return kinds.every((kind) => found.some((f) => f.type === kind));
    });
    expect([...new Set(found.map((f) => f.type))].sort()).toEqual(kinds);
    expect(found).toContainEqual({ type: 'scheduledEventWorkflow', workflowId: event.workflowId });
    expect(found).toContainEqual({ type: 'emailDeliveryWorkflow', workflowId: `email-delivery/${emailId}`, invoiceId: invoice.body.id });
    expect(await listed(`${searchAttributes.invoiceId.name} = ${invoice.body.id}`)).toEqual([
      { type: 'emailDeliveryWorkflow', workflowId: `email-delivery/${emailId}`, invoiceId: invoice.body.id },
    ]);
    expect(found).toContainEqual({ type: 'stripeEventBatchWorkflow', workflowId: `stripe-events/${delivered.body.eventId}` });
    expect(await listed(ofAccount(other))).toEqual([]);
  });
});
