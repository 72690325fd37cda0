import { readFile } from 'node:fs/promises';
import { Client, Connection } from '@temporalio/client';
import type { Page } from 'playwright-core';
import { Permission } from '../../src/auth/permission';
import { stripeEventBatchWorkflow } from '../../workflows/stripe-event-batch.workflow';
import { workflowIds } from '../../workflows/shared';
import { createIsolatedTestApp } from '../support/isolated-database';
import { openPanel, type Panel, signIn } from '../support/panel';
import { waitUntil } from '../support/processes';
import type { TestApp } from '../support/test-app';
import { startTestWorker } from '../support/test-worker';
import { signedStripeEvent } from '../support/stripe-events';

const VIEWPORT = { width: 1280, height: 800 };

/** Longer than the list's cell, so the row shows it cut and the hover shows it whole. */
const STUCK_ERROR =
  'Reading the payment intent from the processor failed: connect ETIMEDOUT 10.0.0.7:443 after three tries, the last at 02:14';

interface EventBody {
  id: string;
  status: string;
  dispatches: number;
}

/**
 * The processor's events in the panel: the dashboard's card counts what waits, as the
 * API does, and opens the waiting events; the list filters and exports; an event whose
 * workflow was terminated is handed over again from its page and gets processed. The
 * card counts every event, so the database is this file's own.
 */
describe('processor events in headless Chromium', () => {
  let sut: TestApp;
  let panel: Panel;
  let stopWorker: () => Promise<void>;
  let connection: Connection;
  let auth: { Authorization: string };
  const errors: string[] = [];
  let signedIn = false;
  const ids = { ignored: '', succeeded: '', processing: '', stuck: '' };

  const deliver = async (type: string, objectId: string) => {
    const event = signedStripeEvent(sut, type, { id: objectId }, 'evt_panel');
    await event.send().expect(200);
    return event.id;
  };
  const event = async (id: string) => (await sut.http().get(`/api/webhook-events/${id}`).set(auth).expect(200)).body as EventBody;

  const listenForErrors = (page: Page, isSignedIn: () => boolean) => {
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      // Before signing in the panel asks who is signed in and is told 401, which the console reports.
      if (isSignedIn() && m.type() === 'error') errors.push(m.text());
    });
  };

  beforeAll(async () => {
    sut = await createIsolatedTestApp();
    ({ stop: stopWorker } = await startTestWorker(sut));
    connection = await Connection.connect({ address: sut.config.TEMPORAL_ADDRESS });
    const client = new Client({ connection, namespace: sut.config.TEMPORAL_NAMESPACE });
    auth = { Authorization: `Bearer ${(await sut.admin()).token}` };

    // Payment intents no account of ours holds: processed with the outcome "unknown".
    ids.ignored = await deliver('customer.created', 'cus_panel');
    ids.succeeded = await deliver('payment_intent.succeeded', 'pi_panel_succeeded');
    ids.processing = await deliver('payment_intent.processing', 'pi_panel_processing');
    await waitUntil('the delivered payment events to be processed', async () =>
      (await Promise.all([ids.succeeded, ids.processing].map(event))).every((e) => e.status === 'processed'),
    );

    // As webhook-inbox.spec.ts leaves one: its batch handed to a queue no worker polls, its last try failed,
    // then an operator terminated the batch. Stored, handed over once, never processed.
    ids.stuck = `evt_panel_stuck_${Date.now()}`;
    const batchId = workflowIds.stripeEventBatch(ids.stuck);
    await sut.db.query(
      `INSERT INTO webhook_events (id, provider, type, object_id, event_created_at, payload, received_at, batch_id, claimed_at, dispatched_at,
                                   dispatches, attempts, last_error)
       VALUES (?, 'stripe', 'payment_intent.succeeded', 'pi_panel_stuck', NOW(3), '{}', NOW(3) - INTERVAL 150 SECOND, ?,
               NOW(3) - INTERVAL 149 SECOND, NOW(3) - INTERVAL 149 SECOND, 1, 1, ?)`,
      [ids.stuck, batchId, STUCK_ERROR],
    );
    const stuck = await client.workflow.start(stripeEventBatchWorkflow, {
      taskQueue: `${sut.config.TEMPORAL_TASK_QUEUE}-nobody`,
      workflowId: batchId,
      args: [{ batchId }],
    });
    await stuck.terminate('an operator gave up on it');

    panel = await openPanel(sut, VIEWPORT, { acceptDownloads: true });
    listenForErrors(panel.page, () => signedIn);
  }, 120_000);

  afterAll(async () => {
    await panel?.browser.close();
    await stopWorker?.();
    await connection?.close();
    await sut?.close();
  });

  const figure = (page: Page) => page.locator('[data-figure="webhook-events-waiting"]');

  it('counts the waiting events on the dashboard as the API does, and opens them', async () => {
    await signIn(panel, await sut.admin());
    signedIn = true;
    const { page } = panel;
    const api = (await sut.http().get('/api/webhook-events/inbox').set(auth).expect(200)).body;
    expect(api).toMatchObject({ pending: 1, undispatched: 0 });
    expect(api.oldestPendingSeconds).toBeGreaterThanOrEqual(150);

    // The card's figures arrive on a request of their own.
    await figure(page).locator('[data-value]').getByText(String(api.pending), { exact: true }).waitFor();
    expect(await figure(page).textContent()).toMatch(/oldest [2-9] min/);

    await figure(page).click();
    await page.waitForURL(/#\/webhook-events\?filter=/);
    expect(decodeURIComponent(page.url())).toContain('{"status":"received"}');
    const rows = page.locator('table tbody tr');
    await rows.first().getByText('pi_panel_stuck').waitFor();
    expect(await rows.count()).toBe(1);
    const stuck = rows.first();
    await stuck.getByText('Waiting', { exact: true }).waitFor();
    await stuck.getByText('Payment intent succeeded').waitFor();
    // The error cut to fit the row, and whole on hover.
    await stuck.getByText(`${STUCK_ERROR.slice(0, 60)}…`).hover();
    await page.getByRole('tooltip').getByText(STUCK_ERROR).waitFor();
    expect(errors).toEqual([]);
  });

  it('filters by status and type, and exports what the filters show', async () => {
    const { page } = panel;
    const rows = page.locator('table tbody tr');
    await page.getByRole('combobox', { name: 'Status' }).click();
    await page.getByRole('option', { name: 'Processed' }).click();
    await rows.first().getByText('pi_panel_processing').waitFor();
    await rows.getByText('pi_panel_stuck').waitFor({ state: 'detached' });
    expect(await rows.count()).toBe(2);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export' }).click()]);
    expect(download.suggestedFilename()).toBe('webhook-events.csv');
    const lines = (await readFile(await download.path(), 'utf8')).trim().split('\r\n');
    expect(lines[0]).toBe(
      'id,received_at,type,object_id,account_id,status,outcome,deliveries,dispatched_at,dispatches,batch_id,attempts,processed_at,last_error',
    );
    const cells = lines.slice(1).map((line) => line.split(','));
    // Newest first, with the processor's own type names; intents of no account of ours have no account.
    expect(cells.map((c) => [c[0], c[2], c[3], c[4], c[5], c[6], c[7], c[9], c[11], c[13]])).toEqual([
      [ids.processing, 'payment_intent.processing', 'pi_panel_processing', '', 'processed', 'unknown', '1', '1', '1', ''],
      [ids.succeeded, 'payment_intent.succeeded', 'pi_panel_succeeded', '', 'processed', 'unknown', '1', '1', '1', ''],
    ]);
    expect(cells.map((c) => c[10])).toEqual(cells.map(() => expect.stringMatching(/^stripe-events\/evt_/)));

    await page.getByRole('textbox', { name: 'Type' }).fill('payment_intent.processing');
    await rows.getByText('pi_panel_succeeded').waitFor({ state: 'detached' });
    expect(await rows.count()).toBe(1);
    await rows.first().getByText('Payment intent processing').waitFor();

    await page.getByRole('combobox', { name: 'Status' }).click();
    await page.getByRole('option', { name: 'Ignored' }).click();
    await page.getByRole('textbox', { name: 'Type' }).fill('');
    await rows.first().getByText('Customer created').waitFor();
    await rows.getByText('pi_panel_processing').waitFor({ state: 'detached' });
    expect(await rows.count()).toBe(1);
    expect(errors).toEqual([]);
  });

  it('hands the stuck event over again after a confirmation, and it gets processed', async () => {
    const { page, base } = panel;
    await page.goto(`${base}/admin/#/webhook-events?filter=${encodeURIComponent(JSON.stringify({ status: 'received' }))}`);
    await page.locator('table tbody tr').first().getByText('pi_panel_stuck').click();
    await page.waitForURL(new RegExp(`#/webhook-events/${ids.stuck}/show`));
    const details = page.getByRole('definition');
    await page.getByText(`Processor event ${ids.stuck}`).waitFor();
    await details.getByText('Waiting', { exact: true }).waitFor();
    await page.getByText(STUCK_ERROR).waitFor();

    await page.getByRole('button', { name: 'Hand over again' }).click();
    const dialog = page.getByRole('dialog', { name: 'Hand this event over again?' });
    await dialog.getByText(/processing was stopped/).waitFor();
    await dialog.getByText(/already processed or ignored cannot be handed over/).waitFor();
    await dialog.getByRole('button', { name: 'Hand over again' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText(`Event ${ids.stuck} was handed to processing again`).waitFor();

    // The page follows the event while it waits; once processed, there is nothing left to hand over.
    await details.getByText('Processed', { exact: true }).waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Hand over again' }).waitFor({ state: 'detached' });
    expect(await event(ids.stuck)).toMatchObject({ status: 'processed', dispatches: 2 });

    await page.goto(`${base}/admin/#/`);
    await figure(page).locator('[data-value]').getByText('0', { exact: true }).waitFor();
    await figure(page).getByText('none waiting').waitFor();
    expect(errors).toEqual([]);
  });

  it('shows neither card nor list to billing staff without webhooks.read, and no hand-over to readers', async () => {
    const openAs = async (permissions: Permission[]) => {
      const user = await sut.userWith(permissions);
      const page = await panel.browser.newPage({ viewport: VIEWPORT, locale: 'en-US' });
      let pageSignedIn = false;
      listenForErrors(page, () => pageSignedIn);
      await page.goto(`${panel.base}/admin/`);
      await page.getByLabel('Email').fill(user.email);
      await page.getByLabel('Password').fill(user.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('menuitem', { name: 'Bill runs' }).waitFor();
      pageSignedIn = true;
      await page.locator('[data-figure="accounts-total"]').waitFor();
      return page;
    };

    const billing = await openAs([Permission.BillingRead]);
    await billing.getByRole('region', { name: 'Autopay today' }).waitFor();
    expect(await billing.getByRole('region', { name: 'Processor events' }).count()).toBe(0);
    expect(await billing.getByRole('menuitem', { name: 'Processor events' }).count()).toBe(0);
    await billing.close();

    // A reader sees the card, the list and an event that waits, with no button to hand it over.
    const waiting = `evt_panel_waiting_${Date.now()}`;
    await sut.db.query(
      `INSERT INTO webhook_events (id, provider, type, object_id, event_created_at, payload, received_at, dispatched_at, dispatches)
       VALUES (?, 'stripe', 'payment_intent.processing', 'pi_panel_waiting', NOW(3), '{}', NOW(3), NOW(3), 1)`,
      [waiting],
    );
    const reader = await openAs([Permission.BillingRead, Permission.WebhooksRead]);
    await figure(reader).locator('[data-value]').getByText('1', { exact: true }).waitFor();
    await reader.getByRole('menuitem', { name: 'Processor events' }).click();
    await reader.locator('table tbody tr').first().getByText('pi_panel_waiting').click();
    await reader.getByRole('definition').getByText('Waiting', { exact: true }).waitFor();
    expect(await reader.getByRole('button', { name: 'Hand over again' }).count()).toBe(0);
    await reader.close();
    expect(errors).toEqual([]);
  });
});
