import { Client, Connection } from '@temporalio/client';
import { BillingWorld } from '../billing/billing-world';
import { createTestApp, TestApp } from '../support/test-app';
import { startTestWorker } from '../support/test-worker';

export interface ScheduledEventBody {
  id: number;
  accountId: number;
  kind: string;
  summary: string;
  runAt: string;
  state: 'scheduled' | 'done' | 'cancelled' | 'failed';
  failureReason: string | null;
  accountServiceId: number | null;
  quantity: number | null;
  revision: number;
  workflowId: string;
  actedAt: string | null;
  cancelledAt: string | null;
}

/**
 * The shared test database (event ids, and so workflow ids, stay unique across
 * suites), a worker on the app's own task queue, and a Temporal client. Workflow
 * timers run on the server's real clock, which no test can move, while "today" for
 * billing is the app's movable clock: so events are set hours ahead, changed at
 * leisure, and then made to act with perform-now.
 */
export async function scheduledEventsApp(): Promise<{ sut: TestApp; w: BillingWorld; client: Client; close: () => Promise<void> }> {
  const sut = await createTestApp();
  const { stop } = await startTestWorker(sut);
  const connection = await Connection.connect({ address: sut.config.TEMPORAL_ADDRESS });
  const client = new Client({ connection, namespace: sut.config.TEMPORAL_NAMESPACE });
  const w = await new BillingWorld(sut).init();
  return {
    sut,
    w,
    client,
    close: async () => {
      await stop();
      await connection.close();
      await sut.close();
    },
  };
}

/** A moment `seconds` from now on the real clock, as the API takes it. */
export const inSeconds = (seconds: number): string => new Date(Date.now() + seconds * 1000).toISOString();

/** A moment `hours` from now on the real clock: far enough that the event's own timer never fires in a test. */
export const inHours = (hours: number): string => inSeconds(hours * 3600);

export async function schedule(w: BillingWorld, accountId: number, body: Record<string, unknown>): Promise<ScheduledEventBody> {
  const res = await w.post(`/api/accounts/${accountId}/scheduled-events`, body);
  if (res.status !== 201) throw new Error(`schedule: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as ScheduledEventBody;
}

export async function event(w: BillingWorld, id: number): Promise<ScheduledEventBody> {
  return (await w.get(`/api/scheduled-events/${id}`).expect(200)).body as ScheduledEventBody;
}

/** Asks the event to act now; the answer is the event once carried out. */
export function performNow(w: BillingWorld, id: number) {
  return w.post(`/api/scheduled-events/${id}/perform-now`);
}

/** Polls the event until it reaches `state`, failing after a short deadline. */
export async function waitForState(
  w: BillingWorld,
  id: number,
  state: ScheduledEventBody['state'],
  timeoutMs = 20_000,
): Promise<ScheduledEventBody> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const current = await event(w, id);
    if (current.state === state) return current;
    if (Date.now() > deadline) throw new Error(`event ${id} is still ${current.state}, not ${state}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Returns once the real clock has passed `iso` (a few seconds at most in these tests). */
export async function passed(iso: string): Promise<void> {
  while (Date.now() <= Date.parse(iso)) await new Promise((resolve) => setTimeout(resolve, 100));
}

export function patch(w: BillingWorld, path: string, body: object) {
  return w.sut.http().patch(path).set('Authorization', `Bearer ${w.token}`).send(body);
}

/** The account's service lines, removed ones included. */
export async function lines(w: BillingWorld, accountId: number) {
  const filter = encodeURIComponent(JSON.stringify({ accountId, includeRemoved: true }));
  return (await w.get(`/api/account-services?filter=${filter}&range=[0,999]`).expect(200)).body as {
    id: number;
    serviceId: number | null;
    quantity: number;
    priceOverride: number | null;
    addedOn: string;
    removedOn: string | null;
    chargedThrough: string | null;
  }[];
}
