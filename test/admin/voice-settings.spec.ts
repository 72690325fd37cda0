import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { insertAccount } from '../contacts/account-fixture';
import { createIsolatedTestApp } from '../support/isolated-database';
import { openPanel, type Panel, signIn } from '../support/panel';
import type { TestApp } from '../support/test-app';
import { startTestWorker } from '../support/test-worker';
import { masterLine } from '../voice/voice-world';

const VIEWPORT = { width: 1440, height: 1000 };
/** Kept after the run (the run's scratch folder is not), to be looked at. */
const SHOTS = join(process.cwd(), 'test-results', 'screenshots');

const HEADER = 'prefix,description,direction,rate,minimum,increment,effective_from';
/** Two problems: a rate finer than a micro-unit (line 3) and a direction that is neither (line 4). */
const BAD_DECK = [
  HEADER,
  '1,North America,outbound,0.0100,60,60,',
  '1212,New York,outbound,0.00451234,30,6,',
  '44,United Kingdom,sideways,0.0500,1,1,',
].join('\n');
/** Rates of a tenth and a third of a cent, which a screen rounding to cents would show as $0.00. */
const GOOD_DECK = [
  HEADER,
  '1,North America,outbound,0.0100,60,60,',
  '1212,New York,outbound,0.0045,30,6,',
  '1217,Illinois,outbound,0.00315,30,6,2026-01-01',
  '44,United Kingdom,outbound,0.0500,1,1,',
  '1,Inbound,inbound,0.0020,60,60,',
].join('\n');

const csv = (name: string, text: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });

/**
 * Settings › Voice in headless Chromium, on a database of its own with a real worker for the imports: a
 * voice administrator makes a rate plan, imports a deck with mistakes (every problem is listed with its
 * line, column and rule, and nothing is kept), then a good one whose sub-cent rates show to their last
 * digit; prices a catalog voice service by it; adds a range of numbers and reserves one; uploads an
 * Asterisk Master.csv and watches its import end with its rejected lines listed, by file and across files.
 */
describe('the voice settings screens', () => {
  let sut: TestApp;
  let stopWorker: () => Promise<void>;
  let panel: Panel;
  let token: string;
  const errors: string[] = [];

  const api = (method: 'get' | 'post', path: string, body?: object) => {
    const req = sut.http()[method](path).auth(token, { type: 'bearer' });
    return body === undefined ? req : req.send(body);
  };
  /** A menu entry, then an element only the new page has, so nothing is typed into the page being left. */
  const open = async (page: Page, menuItem: string, ready: () => Promise<void>) => {
    await page.getByRole('menuitem', { name: menuItem, exact: true }).click();
    await ready();
  };

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    sut = await createIsolatedTestApp();
    ({ stop: stopWorker } = await startTestWorker(sut));
    const admin = await sut.admin();
    token = admin.token;
    panel = await openPanel(sut, VIEWPORT);
    panel.page.on('pageerror', (e) => errors.push(e.message));
    await signIn(panel, admin);
  }, 180_000);

  afterAll(async () => {
    await panel?.browser.close();
    await stopWorker?.();
    await sut?.close();
  });

  let planId: number;
  let serviceId: number;

  it('makes a rate plan, refuses a deck with mistakes keeping nothing, and lists a good deck to the last digit', async () => {
    const { page } = panel;
    await open(page, 'Voice rate plans', () => page.getByRole('link', { name: 'Create' }).waitFor());
    await page.getByRole('link', { name: 'Create' }).click();
    await page.getByRole('button', { name: 'Save' }).waitFor();
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Residential 2026');
    await page.getByRole('textbox', { name: 'Description', exact: true }).fill('Carrier deck of March 2026');
    await page.getByRole('button', { name: 'Save' }).click();

    // Saved, the plan's own page: an empty deck and the import.
    await page.getByRole('heading', { name: 'Residential 2026', exact: true }).waitFor();
    await page.getByLabel('Rates in the plan').getByText('0 rates').waitFor();
    await page.getByText('The plan has no rates yet: import a rate deck.').waitFor();
    planId = Number(/#\/voice-rate-plans\/(\d+)\/show/.exec(page.url())?.[1]);
    expect(planId).toBeGreaterThan(0);

    await page.getByRole('button', { name: 'Import rate deck' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import a rate deck into Residential 2026' });
    await dialog.getByLabel('Rate deck CSV file', { exact: true }).setInputFiles(csv('march-bad.csv', BAD_DECK));
    await dialog.getByText('march-bad.csv').waitFor();
    await dialog.getByRole('button', { name: 'Upload' }).click();
    const refusal = dialog.getByRole('alert');
    await refusal.getByText("Nothing was kept: the plan's rates are as they were").waitFor();
    const problems = refusal.getByRole('table', { name: 'Problems in the rate deck' });
    await problems.waitFor();
    const rows = (await problems.getByRole('row').allInnerTexts()).map((row) => row.split(/\t|\n/).filter(Boolean));
    expect(rows).toEqual([
      ['Line', 'Column', 'Rule', 'Problem'],
      ['3', 'rate', 'decimal', expect.stringMatching(/^rate: .*0\.00451234/)],
      ['4', 'direction', 'oneOf', 'direction "sideways" must be inbound or outbound'],
    ]);
    await page.screenshot({ path: join(SHOTS, 'voice-rate-deck-refused.png') });
    expect((await api('get', `/api/voice-rate-plans/${planId}`).expect(200)).body.rates).toBe(0);

    await dialog.getByLabel('Rate deck CSV file', { exact: true }).setInputFiles(csv('march.csv', GOOD_DECK));
    await dialog.getByText('march.csv', { exact: true }).waitFor();
    await dialog.getByRole('button', { name: 'Upload' }).click();
    await dialog.getByRole('status').getByText('The plan now has 5 rates: 4 outbound and 1 inbound.').waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'detached' });

    // The deck by prefix: rates to their last digit, billing as minimum/increment.
    await page.getByLabel('Rates in the plan').getByText('5 rates').waitFor();
    const illinois = page.getByRole('row', { name: 'Rate 1217 outbound', exact: true });
    await illinois.getByText('$0.00315', { exact: true }).waitFor();
    await illinois.getByText('30/6', { exact: true }).waitFor();
    await page.getByRole('row', { name: 'Rate 1212 outbound', exact: true }).getByText('$0.0045', { exact: true }).waitFor();
    await page.getByRole('row', { name: 'Rate 1 inbound', exact: true }).getByText('$0.0020', { exact: true }).waitFor();
    await page.getByRole('row', { name: 'Rate 44 outbound', exact: true }).getByText('1/1', { exact: true }).waitFor();
    expect(await page.getByRole('table', { name: 'Rates' }).getByRole('row').count()).toBe(6);
    await page.screenshot({ path: join(SHOTS, 'voice-rate-plan.png'), fullPage: true });

    // Narrowed to the prefixes starting 121.
    await page.getByRole('textbox', { name: 'Prefix starts with' }).fill('+121');
    await page.getByRole('row', { name: 'Rate 1 inbound', exact: true }).waitFor({ state: 'detached' });
    expect(await page.getByRole('table', { name: 'Rates' }).getByRole('row').count()).toBe(3);
  }, 120_000);

  it('prices a catalog voice service by the plan, with included minutes for outbound calls', async () => {
    const { page } = panel;
    await open(page, 'Services', () => page.getByRole('link', { name: 'Create' }).waitFor());
    await page.getByRole('link', { name: 'Create' }).click();
    await page.getByRole('button', { name: 'Save' }).waitFor();
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Home Phone');
    await page.getByRole('combobox', { name: /^Kind/ }).click();
    await page.getByRole('option', { name: 'Voice' }).click();
    await page.getByRole('listbox').waitFor({ state: 'detached' });
    await page.getByRole('combobox', { name: /^Rate plan/ }).click();
    await page.getByRole('option', { name: 'Residential 2026' }).click();
    await page.getByRole('listbox').waitFor({ state: 'detached' });
    await page.getByRole('spinbutton', { name: 'Included minutes' }).fill('300');
    await page.getByRole('radio', { name: 'Outbound calls only' }).check();
    await page.getByRole('textbox', { name: /^Price per unit/ }).fill('24.99');
    await page.getByRole('textbox', { name: /^Ledger code/ }).fill('4200');
    await page.screenshot({ path: join(SHOTS, 'voice-catalog-service.png'), fullPage: true });
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('row').filter({ hasText: 'Home Phone' }).waitFor();

    const [service] = (await api('get', `/api/services?filter=${encodeURIComponent(JSON.stringify({ q: 'Home Phone' }))}`).expect(200))
      .body;
    expect(service).toMatchObject({
      kind: 'voice',
      price: 2499,
      voiceRatePlanId: planId,
      includedMinutes: 300,
      includedMinutesScope: 'outbound',
    });
    serviceId = service.id;

    // The plan now prices it, so Delete, once confirmed, is refused with the reason and the plan stays.
    await open(page, 'Voice rate plans', () => page.getByRole('row').filter({ hasText: 'Residential 2026' }).waitFor());
    await page.getByRole('row').filter({ hasText: 'Residential 2026' }).getByText('1', { exact: true }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'voice-rate-plans.png') });
    await page.getByRole('row').filter({ hasText: 'Residential 2026' }).click();
    await page.getByRole('heading', { name: 'Residential 2026', exact: true }).waitFor();
    await page.getByText('Prices 1 voice service of the catalog').waitFor();
    await page.getByRole('link', { name: 'Edit' }).click();
    await page.getByRole('button', { name: 'Save' }).waitFor();
    await page.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
    await page.getByText('Rate plan "Residential 2026" prices the voice service "Home Phone"; give them another plan first').waitFor();
    await api('get', `/api/voice-rate-plans/${planId}`).expect(200);
  }, 60_000);

  it('adds a range of numbers and one more, reserves one after confirming, and links a held number to its account', async () => {
    const { page } = panel;
    await open(page, 'Phone numbers', () => page.getByRole('button', { name: 'Add range' }).waitFor());
    await page.getByRole('button', { name: 'Add range' }).click();
    const range = page.getByRole('dialog', { name: 'Add a range of phone numbers' });
    await range.getByRole('textbox', { name: 'First number' }).fill('+1 217 555 0100');
    await range.getByRole('textbox', { name: 'Last number' }).fill('217 555 0119');
    await range.getByLabel('Numbers in the range').getByText('20 numbers in the range.').waitFor();
    await range.getByRole('textbox', { name: 'Note' }).fill('Carrier order 7781');
    await page.screenshot({ path: join(SHOTS, 'voice-did-range.png') });
    await range.getByRole('button', { name: 'Add 20 numbers' }).click();
    await page.getByText('20 numbers added (+12175550100 to +12175550119)').waitFor();
    await range.waitFor({ state: 'detached' });

    await page.getByRole('link', { name: 'Add number' }).click();
    await page.getByRole('button', { name: 'Save' }).waitFor();
    await page.getByRole('textbox', { name: 'Phone number', exact: true }).fill('+1 (312) 555-0188');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('row').filter({ hasText: '+13125550188' }).waitFor();

    // Reserved once confirmed.
    await page.getByRole('button', { name: 'Actions for +12175550101' }).click();
    await page.getByRole('menuitem', { name: 'Reserve' }).click();
    const confirm = page.getByRole('dialog', { name: 'Reserve +12175550101?' });
    await confirm.getByRole('button', { name: 'Reserve' }).click();
    await page.getByText('+12175550101 reserved').waitFor();
    await page.getByRole('row').filter({ hasText: '+12175550101' }).getByText('Reserved', { exact: true }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'voice-phone-numbers-all.png') });
    const reserved = (await api('get', `/api/dids?filter=${encodeURIComponent(JSON.stringify({ q: '12175550101' }))}`).expect(200)).body;
    expect(reserved).toEqual([expect.objectContaining({ number: '12175550101', state: 'reserved', note: 'Carrier order 7781' })]);

    // A number given to a subscriber's voice service shows its holder, linked to the account.
    const accountId = await insertAccount(sut.db, 'Maple Street Bakery');
    const held = await sut.db.query(
      "INSERT INTO account_services (account_id, service_id, quantity, prorate_on_add, added_on) VALUES (?, ?, 1, 0, '2026-01-01')",
      [accountId, serviceId],
    );
    const [did] = (await api('get', `/api/dids?filter=${encodeURIComponent(JSON.stringify({ q: '12175550105' }))}`).expect(200)).body;
    await api('post', `/api/accounts/${accountId}/voice-services/${Number(held.insertId)}/dids`, {
      didId: did.id,
      since: '2026-01-01T00:00:00Z',
    }).expect(201);
    await page.getByRole('combobox', { name: 'State' }).click();
    await page.getByRole('option', { name: 'Assigned' }).click();
    const holder = page.getByRole('row').filter({ hasText: '+12175550105' });
    await holder.getByText('Home Phone', { exact: false }).waitFor();
    expect(await holder.getByRole('link', { name: 'Maple Street Bakery' }).getAttribute('href')).toBe(`#/accounts/${accountId}/show`);
    expect(await holder.getByRole('button', { name: /^Actions for/ }).count()).toBe(0);
    await page.screenshot({ path: join(SHOTS, 'voice-phone-numbers.png') });
  }, 60_000);

  it('uploads an Asterisk Master.csv, follows its import and lists the lines that did not become calls', async () => {
    const { page } = panel;
    const subscriber = '12175550105';
    const lines = [
      masterLine({ src: subscriber, dst: '12125550100', start: '2026-03-02 10:00:00', billsec: 20, uniqueid: 'sw1.1001' }),
      '"acct","2175550105","12125550100","from-internal","x,2026-03-02 10:00:00',
      masterLine({ src: subscriber, dst: '12125550100', start: '2026-02-30 10:00:00', billsec: 20, uniqueid: 'sw1.1003' }),
      masterLine({ src: '13125550000', dst: '12125550100', start: '2026-03-02 11:00:00', billsec: 20, uniqueid: 'sw1.1004' }),
      masterLine({ src: subscriber, dst: '01133142868200', start: '2026-03-02 12:00:00', billsec: 20, uniqueid: 'sw1.1005' }),
      masterLine({ src: subscriber, dst: '011447700900123', start: '2026-03-03 09:30:00', billsec: 65, uniqueid: 'sw1.1006' }),
    ];

    await open(page, 'CDR files', () => page.getByRole('button', { name: 'Upload CDR file' }).waitFor());
    await page.getByRole('button', { name: 'Upload CDR file' }).click();
    const upload = page.getByRole('dialog', { name: 'Upload a CDR file' });
    await upload.getByLabel('CDR file', { exact: true }).setInputFiles(csv('Master.csv', lines.join('\n')));
    await upload.getByText('Master.csv', { exact: true }).waitFor();
    await upload.getByRole('checkbox', { name: 'loguniqueid' }).check();
    await upload.getByRole('combobox', { name: 'Switch time zone' }).fill('UTC');
    await page.keyboard.press('Escape');
    await upload.getByRole('textbox', { name: 'Default country' }).fill('US');
    await page.screenshot({ path: join(SHOTS, 'voice-cdr-upload.png') });
    await upload.getByRole('button', { name: 'Upload' }).click();

    // The file's page, looked at again until its import ends.
    await page.getByRole('heading', { name: 'Master.csv', exact: true }).waitFor();
    await page.getByText('Imported', { exact: true }).waitFor({ timeout: 60_000 });
    await page.getByLabel('Lines read', { exact: true }).getByText('6', { exact: true }).waitFor();
    expect(await page.getByLabel('Calls recorded', { exact: true }).innerText()).toBe('2');
    expect(await page.getByLabel('Duplicates', { exact: true }).innerText()).toBe('0');
    expect(await page.getByLabel('Rejected', { exact: true }).innerText()).toBe('4');
    const rejects = page.getByRole('table', { name: 'Rejected lines' });
    await rejects.getByRole('row', { name: 'Line 5', exact: true }).waitFor();
    const reasons = async () =>
      Promise.all(
        [2, 3, 4, 5].map(async (line) =>
          (
            await rejects
              .getByRole('row', { name: `Line ${line}`, exact: true })
              .getByRole('cell')
              .nth(1)
              .innerText()
          ).trim(),
        ),
      );
    await expect(reasons()).resolves.toEqual(['Malformed CSV', 'Bad date or time', "No subscriber's number", 'No rate in the plan']);
    await rejects
      .getByRole('row', { name: 'Line 5', exact: true })
      .getByText(/^no outbound rate for \+33142868200/)
      .waitFor();
    await rejects.getByRole('row', { name: 'Line 2', exact: true }).getByText(lines[1]).waitFor();
    await page.screenshot({ path: join(SHOTS, 'voice-cdr-file.png'), fullPage: true });

    // The list of files has it, imported with its counts.
    await open(page, 'CDR files', () => page.getByRole('row').filter({ hasText: 'Master.csv' }).waitFor());
    const row = page.getByRole('row').filter({ hasText: 'Master.csv' });
    await row.getByText('Imported', { exact: true }).waitFor();
    expect((await row.getByRole('cell').allInnerTexts()).slice(2, 6)).toEqual(['6', '2', '0', '4']);
    await page.screenshot({ path: join(SHOTS, 'voice-cdr-files.png') });

    // Every file's rejects, narrowed to one reason.
    await open(page, 'CDR rejects', () => page.getByRole('combobox', { name: 'Reason' }).waitFor());
    await page.getByRole('combobox', { name: 'Reason' }).click();
    await page.getByRole('option', { name: 'No rate in the plan' }).click();
    await page.getByRole('row').filter({ hasText: 'Bad date or time' }).waitFor({ state: 'detached' });
    const noRate = page.getByRole('row').filter({ hasText: 'No rate in the plan' });
    expect(await noRate.count()).toBe(1);
    await noRate.getByRole('link', { name: 'Master.csv' }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'voice-cdr-rejects.png') });
  }, 120_000);

  it('reads a CSV of another layout through the columns picked from its header', async () => {
    const { page } = panel;
    const text = [
      'Call ID,Started,Caller,Called,Seconds,Way',
      'g-1,2026-03-04T10:00:00Z,+12175550105,+12125550100,125,out',
      'g-2,2026-03-04T11:00:00Z,+13125550000,+12175550105,30,in',
      'g-3,2026-03-04T12:00:00Z,+12175550105,+12125550100,1m,out',
    ].join('\n');
    await open(page, 'CDR files', () => page.getByRole('button', { name: 'Upload CDR file' }).waitFor());
    await page.getByRole('button', { name: 'Upload CDR file' }).click();
    const upload = page.getByRole('dialog', { name: 'Upload a CDR file' });
    await upload.getByRole('radio', { name: 'Other CSV with a header line' }).check();
    await upload.getByText('Choose the file first: the columns of its header are offered here.').waitFor();
    await upload.getByLabel('CDR file', { exact: true }).setInputFiles(csv('switch-export.csv', text));
    await upload.getByText('switch-export.csv', { exact: true }).waitFor();
    const pick = async (fact: RegExp, column: string) => {
      await upload.getByRole('combobox', { name: fact }).click();
      await page.getByRole('option', { name: column, exact: true }).click();
      await page.getByRole('listbox').waitFor({ state: 'detached' });
    };
    await pick(/^Start/, 'Started');
    await pick(/^Caller/, 'Caller');
    await pick(/^Called number/, 'Called');
    await pick(/^Talk seconds/, 'Seconds');
    await pick(/^Call id/, 'Call ID');
    await pick(/^Direction \(optional\)/, 'Way');
    await upload.getByRole('textbox', { name: 'Default country' }).fill('US');
    await page.screenshot({ path: join(SHOTS, 'voice-cdr-upload-generic.png') });
    await upload.getByRole('button', { name: 'Upload' }).click();

    await page.getByRole('heading', { name: 'switch-export.csv', exact: true }).waitFor();
    await page.getByText('Imported', { exact: true }).waitFor({ timeout: 60_000 });
    await page.getByText('start ← “Started”', { exact: false }).waitFor();
    await page.getByLabel('Lines read', { exact: true }).getByText('3', { exact: true }).waitFor();
    expect(await page.getByLabel('Calls recorded', { exact: true }).innerText()).toBe('2');
    expect(await page.getByLabel('Rejected', { exact: true }).innerText()).toBe('1');
    await page
      .getByRole('table', { name: 'Rejected lines' })
      .getByRole('row', { name: 'Line 4', exact: true })
      .getByText('Bad talk time')
      .waitFor();
    await page.screenshot({ path: join(SHOTS, 'voice-cdr-file-generic.png'), fullPage: true });
    expect(errors).toEqual([]);
  }, 120_000);
});
