import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { usagePeriodsBack } from '../../src/usage/usage-period';
import { insertAccount } from '../contacts/account-fixture';
import { openPanel, type Panel, signIn } from '../support/panel';
import { createTestApp, type TestApp } from '../support/test-app';

const VIEWPORT = { width: 1440, height: 1000 };
/** Kept after the run (the run's scratch folder is not), to be looked at. */
const SHOTS = join(process.cwd(), 'test-results', 'screenshots');
const HOUR = 3_600_000;
const GB = 1_000_000_000;
/** The account's billing day: its periods run from the 15th to the 14th, each named for the month it starts in. */
const BILLING_DAY = 15;

/** As the panel writes GB for en-US: decimal, at most two decimals. */
const gbText = (octets: number) => `${new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }).format(octets / GB)} GB`;
const utcDay = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat('en-US', { ...options, timeZone: 'UTC' });
/** "November 15 to December 14, 2026": the days a period covers, its end being exclusive. */
const periodDays = (start: Date, end: Date) =>
  `${utcDay({ month: 'long', day: 'numeric' }).format(start)} to ${utcDay({ month: 'long', day: 'numeric', year: 'numeric' }).format(new Date(end.getTime() - 24 * HOUR))}`;

/**
 * The account's Data Usage tab in headless Chromium. A data service under a 100 GB policy (free
 * from 01:00 to 06:00, overage per 10 GB, 50 GB top-offs for $15) and five earlier periods and
 * two days of the current one of hourly usage, written straight into usage_hours: both charts
 * draw, the history lists every period, the current period's figures are those hand-computed
 * below, and a top-off from the panel raises the allowance and lands on the Transactions tab.
 */
describe('the Data Usage tab of an account with usage', () => {
  let sut: TestApp;
  let panel: Panel;
  let page: Page;
  let accountId: number;
  let dataServiceId: number;
  const run = randomUUID().slice(0, 8);
  const names = { policy: `Residential 100 GB ${run}`, data: `Fibre 250 ${run}`, topOff: `Data top off 50 GB ${run}` };
  const errors: string[] = [];
  /** The current period's usage as written, split by the free hours (01:00 to 06:00 UTC). */
  const current = { billable: 0, billableUpload: 0, free: 0, download: 0, upload: 0 };
  let periods: { start: Date; end: Date }[];

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    sut = await createTestApp({ BILLING_TIME_ZONE: 'UTC' });
    const { token } = await sut.admin();
    const send = (method: 'post' | 'put', path: string, body: object, status: number) =>
      sut.http()[method](path).auth(token, { type: 'bearer' }).send(body).expect(status);
    const service = async (body: object) =>
      (await send('post', '/api/services', { ledgerCode: '4000', taxIds: [], ...body }, 201)).body.id as number;

    const overageServiceId = await service({ name: `Data overage 10 GB ${run}`, kind: 'one_time', price: 1000 });
    const topOffServiceId = await service({ name: names.topOff, kind: 'one_time', price: 1500 });
    const policy = (
      await send(
        'post',
        '/api/usage-policies',
        {
          name: names.policy,
          capGb: '100',
          atCap: 'overage',
          overageServiceId,
          overageBlockGb: '10',
          topOffsAllowed: true,
          topOffGb: '50',
          topOffServiceId,
          rollover: false,
          freeWindows: [{ startHour: 1, endHour: 6 }],
        },
        201,
      )
    ).body;
    dataServiceId = await service({
      name: names.data,
      kind: 'data',
      price: 6000,
      downloadKbps: 250_000,
      uploadKbps: 50_000,
      usagePolicyId: policy.id,
    });
    accountId = await insertAccount(sut.db, `Usage ${run}`);
    await send(
      'put',
      `/api/accounts/${accountId}/billing-config`,
      { billingMode: 'fixed', invoiceDay: BILLING_DAY, billTiming: 'advance', prorateServices: false, dueDays: 14 },
      200,
    );
    await send('post', '/api/account-services', { accountId, serviceId: dataServiceId }, 201);

    // Five earlier periods: ten evening hours each of a different size, one of them over the cap.
    const now = new Date();
    periods = usagePeriodsBack(BILLING_DAY, now, 6);
    const rows: [number, Date, number, number][] = [];
    [62, 85, 128, 74, 91].forEach((gb, i) => {
      const { start } = periods[i + 1];
      // A tenth of the period's gigabytes an evening, nine parts in to one out.
      for (let day = 0; day < 10; day++)
        rows.push([accountId, new Date(start.getTime() + (day * 24 + 20) * HOUR), gb * 10_000_000, gb * 90_000_000]);
    });
    // The last 48 whole hours, busier in the evening; the hours from 01:00 to 06:00 UTC are free.
    const thisHour = Math.floor(now.getTime() / HOUR) * HOUR;
    for (let h = 48; h >= 1; h--) {
      const at = new Date(thisHour - h * HOUR);
      const hourOfDay = at.getUTCHours();
      const download = (hourOfDay >= 18 ? 1600 : hourOfDay >= 8 ? 700 : 300) * 1_000_000;
      const upload = download / 8;
      rows.push([accountId, at, upload, download]);
      if (at < periods[0].start) continue;
      current.download += download;
      current.upload += upload;
      if (hourOfDay >= 1 && hourOfDay < 6) current.free += upload + download;
      else {
        current.billable += upload + download;
        current.billableUpload += upload;
      }
    }
    await sut.db.query('INSERT INTO usage_hours (account_id, hour_start, upload_octets, download_octets) VALUES ?', [rows]);

    panel = await openPanel(sut, VIEWPORT);
    page = await panel.browser.newPage({ viewport: VIEWPORT, locale: 'en-US', timezoneId: 'UTC' });
    page.on('pageerror', (e) => errors.push(e.message));
    await signIn({ ...panel, page }, await sut.admin());
  }, 180_000);

  afterAll(async () => {
    await panel?.browser.close();
    await sut?.close();
  });

  it('draws billable usage per period and the throughput, lists the history, and tops off from the panel', async () => {
    const { base } = panel;
    /** Drawers and dialogs slide in: a screenshot waits until they are still (asked from here: the panel's CSP forbids eval). */
    const still = async () => {
      for (let tries = 0; (await page.evaluate('document.getAnimations().length')) !== 0; tries++) {
        if (tries === 50) throw new Error('the page kept moving for 5 s');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    };

    // The Overview's card: this period's billable usage against the allowance.
    await page.goto(`${base}/admin/#/accounts/${accountId}/show`);
    const overviewCard = page.getByRole('region', { name: 'Billable data usage' });
    await overviewCard.getByTestId('usage-billable').getByText(gbText(current.billable)).waitFor();
    await overviewCard.getByRole('button', { name: 'Top Off' }).waitFor();
    await overviewCard.screenshot({ path: join(SHOTS, 'data-usage-overview-card.png') });
    await page.getByRole('tab', { name: 'Data Usage' }).click();

    // The data service and its policy, whose name opens the policy's side panel.
    const serviceCard = page.getByRole('region', { name: 'Data service' });
    await serviceCard.getByText(names.data).waitFor();
    await serviceCard.getByText('250 Mbps down / 50 Mbps up').waitFor();
    await serviceCard.getByText('01:00–06:00').waitFor();
    await serviceCard.getByRole('button', { name: names.policy }).click();
    const policyPanel = page.getByRole('region', { name: `Usage policy ${names.policy}` });
    await policyPanel.getByText(names.topOff).waitFor();
    await policyPanel.getByText('$15.00').waitFor();
    await still();
    await page.screenshot({ path: join(SHOTS, 'data-usage-policy-panel.png') });
    await page.keyboard.press('Escape');
    await policyPanel.waitFor({ state: 'detached' });

    // The billable usage chart: a bar per period, the cap drawn over them; the current period's figures beside it.
    const usageCard = page.getByRole('region', { name: 'Billable data usage' });
    await usageCard.getByTestId('usage-billable').getByText(gbText(current.billable)).waitFor();
    await usageCard.getByTestId('usage-allowance').getByText('100 GB').waitFor();
    const billableChart = page.getByRole('figure', { name: 'Billable data usage per billing period' });
    // Two bars (billable, free) a period; the periods before the usage began draw none.
    const drawn = billableChart.locator('.MuiBarChart-element:not([height="0"])');
    await drawn.first().waitFor();
    expect(await drawn.count()).toBeGreaterThanOrEqual(6);
    expect(await billableChart.locator('.MuiLineChart-line').count()).toBe(2);

    // Hovering the current period (the last bar) gives its exact days and its totals.
    const box = await billableChart.locator('.MuiChartsSurface-root').boundingBox();
    if (!box) throw new Error('the billable usage chart has no size');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.move(box.x + box.width - 40, box.y + box.height / 2, { steps: 5 });
    const tooltip = page.getByRole('tooltip', { name: `Usage in the period ${periodDays(periods[0].start, periods[0].end)}` });
    await tooltip.getByText(gbText(current.billable + current.free)).waitFor();
    await page.screenshot({ path: join(SHOTS, 'data-usage-tab.png'), fullPage: true });

    // The throughput: download and upload lines over the last week, then its last four hours.
    const throughput = page.getByRole('figure', { name: 'Data throughput per hour' });
    await throughput.locator('.MuiLineChart-line').first().waitFor();
    expect(await throughput.locator('.MuiLineChart-line').count()).toBe(2);
    await page.getByRole('button', { name: 'Last 4 hours' }).click();
    await throughput.locator('.MuiLineChart-mark').first().waitFor();
    await page.getByRole('region', { name: 'Data throughput' }).screenshot({ path: join(SHOTS, 'data-usage-throughput-4h.png') });
    await page.getByRole('button', { name: 'Whole range' }).click();

    // The history: twelve periods, the current one first with the figures written above.
    const history = page.getByRole('table', { name: 'Usage history' });
    expect(await history.getByRole('row').count()).toBe(13);
    const currentRow = history.getByRole('row', { name: `Period ${periodDays(periods[0].start, periods[0].end)}` });
    await currentRow.getByRole('cell', { name: gbText(current.billable), exact: true }).waitFor();
    await currentRow.getByRole('cell', { name: gbText(current.free), exact: true }).waitFor();
    await currentRow.getByRole('cell', { name: gbText(current.download), exact: true }).waitFor();
    await currentRow.getByRole('cell', { name: gbText(current.upload), exact: true }).waitFor();
    const overCap = history.getByRole('row', { name: `Period ${periodDays(periods[3].start, periods[3].end)}` });
    await overCap.getByRole('cell', { name: '128 GB', exact: true }).first().waitFor();
    expect(await history.getByRole('button', { name: 'Edit' }).count()).toBe(1);

    // Top Off: the dialog says the size and the price; once confirmed the allowance grows by 50 GB.
    await usageCard.getByRole('button', { name: 'Top Off' }).click();
    const confirm = page.getByRole('dialog', { name: 'Top off 50 GB?' });
    await confirm.getByText(names.topOff, { exact: false }).waitFor();
    await still();
    await confirm.screenshot({ path: join(SHOTS, 'data-usage-top-off-dialog.png') });
    await confirm.getByRole('button', { name: 'Charge $15.00' }).click();
    await confirm.waitFor({ state: 'detached' });
    await usageCard.getByTestId('usage-allowance').getByText('150 GB').waitFor();
    await currentRow.getByRole('cell', { name: '150 GB', exact: true }).waitFor();

    // The current period corrected by hand: a reason is required, and the row shows the new figure.
    await history.getByRole('button', { name: 'Edit' }).click();
    const editing = page.getByRole('dialog', { name: "Edit the current period's usage" });
    await editing.getByRole('textbox', { name: /^Billable in/ }).fill('30');
    const save = editing.getByRole('button', { name: 'Save' });
    await expect(save.isDisabled()).resolves.toBe(true);
    await editing.getByRole('textbox', { name: /^Reason/ }).fill('Counter reset on the NAS double-counted two evenings');
    await still();
    await editing.screenshot({ path: join(SHOTS, 'data-usage-edit-period.png') });
    await save.click();
    await editing.waitFor({ state: 'detached' });
    await currentRow.getByRole('cell', { name: gbText(30 * GB + current.billableUpload), exact: true }).waitFor();

    // The charge is on the Transactions tab, where Data top off sits beside the other ways to charge.
    await page.goto(`${base}/admin/#/accounts/${accountId}/show/billing/transactions`);
    const charge = page.getByRole('row').filter({ hasText: 'Data top off: 50 GB' });
    await charge.getByText('$15.00').first().waitFor();
    await page.screenshot({ path: join(SHOTS, 'data-usage-transactions.png'), fullPage: true });
    await page.getByRole('button', { name: 'Data top off', exact: true }).click();
    const again = page.getByRole('dialog', { name: 'Top off 50 GB?' });
    await again.getByRole('button', { name: 'Charge $15.00' }).waitFor();
    await again.getByRole('button', { name: 'Cancel' }).click();
    await again.waitFor({ state: 'detached' });
    const [{ n }] = await sut.db.query('SELECT COUNT(*) AS n FROM usage_top_offs WHERE account_id = ?', [accountId]);
    expect(Number(n)).toBe(1);
    expect(errors).toEqual([]);
  }, 180_000);

  it('keeps usage policies under Settings and puts one on a data service from the catalogue', async () => {
    const { base } = panel;
    const { token } = await sut.admin();
    const name = `Rural 250 GB ${run}`;

    // A policy that slows at the cap, free from 22:00 to 06:00, whose unused data rolls over.
    await page.getByRole('menuitem', { name: 'Usage policies' }).click();
    await page.getByRole('cell', { name: names.policy }).waitFor();
    await page.goto(`${base}/admin/#/usage-policies/create`);
    await page.getByRole('textbox', { name: /^Name/ }).fill(name);
    await page.getByRole('textbox', { name: /^Data cap/ }).fill('250');
    await page.getByRole('radio', { name: /^Slow the account down/ }).check();
    await page.getByRole('spinbutton', { name: /^Slowed download/ }).fill('2000');
    await page.getByRole('spinbutton', { name: /^Slowed upload/ }).fill('512');
    await page.getByRole('button', { name: 'Add' }).click();
    await page.getByRole('combobox', { name: /^From/ }).click();
    await page.getByRole('option', { name: '22:00' }).click();
    await page.getByRole('combobox', { name: /^To/ }).click();
    await page.getByRole('option', { name: '06:00' }).click();
    await page.getByLabel('Unused data rolls over').check();
    await page.getByRole('spinbutton', { name: /^Unused data kept/ }).fill('3');
    await page.screenshot({ path: join(SHOTS, 'data-usage-policy-form.png'), fullPage: true });
    await page.getByRole('button', { name: 'Save' }).click();
    const row = page.getByRole('row').filter({ hasText: name });
    await row.getByText('22:00–06:00 (next day)').waitFor();
    await row.getByText('Slowed').waitFor();
    await row.getByText('Unused data carries over, kept 3 months').waitFor();
    await page.screenshot({ path: join(SHOTS, 'data-usage-policy-list.png'), fullPage: true });
    const { body: policies } = await sut
      .http()
      .get('/api/usage-policies')
      .auth(token, { type: 'bearer' })
      .query({ filter: JSON.stringify({ q: name }) })
      .expect(200);
    expect(policies).toEqual([
      expect.objectContaining({
        name,
        capGb: '250',
        atCap: 'slow',
        slowDownloadKbps: 2000,
        slowUploadKbps: 512,
        overageServiceId: null,
        topOffsAllowed: false,
        rollover: true,
        rolloverExpiryMonths: 3,
        freeWindows: [{ startHour: 22, endHour: 6 }],
      }),
    ]);

    // The data service's form offers the policies; a one-time service's does not.
    await page.goto(`${base}/admin/#/services/${dataServiceId}`);
    const picker = page.getByRole('combobox', { name: 'Usage policy' });
    await expect(picker.inputValue()).resolves.toBe(names.policy);
    await picker.fill('Rural 250');
    await page.getByRole('option', { name }).click();
    await page.screenshot({ path: join(SHOTS, 'data-usage-service-form.png'), fullPage: true });
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Service updated').waitFor();
    const { body: service } = await sut.http().get(`/api/services/${dataServiceId}`).auth(token, { type: 'bearer' }).expect(200);
    expect(service.usagePolicyId).toBe(policies[0].id);
    await page.getByRole('cell', { name: names.topOff }).click();
    await page.getByRole('textbox', { name: /^Name/ }).waitFor();
    expect(await page.getByRole('combobox', { name: 'Usage policy' }).count()).toBe(0);
    expect(errors).toEqual([]);
  }, 120_000);
});
