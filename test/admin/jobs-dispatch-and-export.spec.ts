import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import type { Browser, Locator, Page } from 'playwright-core';
import { insertAccount } from '../contacts/account-fixture';
import { launchBrowser } from '../support/browser';
import { createIsolatedTestApp } from '../support/isolated-database';
import type { TestApp } from '../support/test-app';

const SHOTS = '/tmp/shots';

interface JobBody {
  id: number;
  status: string;
  durationMinutes: number;
  startsAt: string | null;
  notes: string | null;
  technicians: { id: number; name: string }[];
}

/** RFC 4180 lines as the panel writes them: cells quoted when they hold a comma, a quote or a line break. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 1;
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

/** Spaces compared loosely: ICU writes a narrow no-break space before AM/PM. */
const loosely = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The Jobs list's rows as the screen shows them, in the CSV's columns. */
async function screenRows(page: Page): Promise<string[][]> {
  const rows = page.getByRole('region', { name: 'Jobs list' }).locator('tbody tr');
  const count = await rows.count();
  const result: string[][] = [];
  for (let i = 0; i < count; i += 1) {
    const cells = rows.nth(i).locator('td');
    const [type, id, duration, scheduled] = (await cells.nth(0).innerText()).split('\n').map((line) => line.trim());
    const ticket = (await cells.nth(1).innerText()).trim();
    const attachments = (await cells.nth(2).getByRole('img').getAttribute('aria-label')) ?? '';
    const status = (await cells.nth(3).innerText()).trim();
    const technicians = (await cells.nth(4).innerText()).trim();
    result.push(
      [
        id.replace(/^#/, ''),
        type,
        duration,
        scheduled,
        ticket === '—' ? '' : ticket,
        attachments === 'Nothing attached' ? '' : attachments,
        status,
        technicians === '—' ? '' : technicians.split('\n').join(', '),
      ].map(loosely),
    );
  }
  return result;
}

/** Waits until the list shows this many rows (the panel's CSP forbids evaluating a function in the page). */
async function rowsShown(list: Locator, count: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  while ((await list.locator('tbody tr').count()) !== count) {
    if (Date.now() > deadline) throw new Error(`the list never showed ${count} rows`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function center(locator: Locator): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('not on screen');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Presses on the booking, moves the mouse in steps as a hand would, and lets go over the target. */
async function drag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 5, from.y + 5, { steps: 3 });
  await page.mouse.move(to.x, to.y, { steps: 15 });
  await page.mouse.up();
}

/**
 * The dispatch calendar and the account's Jobs tab in headless Chromium (UTC), on a database of its own so the
 * calendar holds only this test's two technicians: a job created on the account's Jobs tab takes its type's
 * duration; scheduling it on a technician already booked is refused with the clashing job named; booked on the
 * other, it is dragged to the second technician's column and stays there after a reload, as the API says; dragged
 * back onto a booking it is refused, snaps back and shows the server's sentence. Then the Jobs tab's "Export N
 * results" writes every row the filters give (all pages), in the columns and words of the screen. Last, a job's
 * own page, opened from its row and from the calendar: its details, a reload, a status action, and back.
 */
describe('jobs on the dispatch calendar and the Jobs tab', () => {
  let sut: TestApp;
  let browser: Browser;
  let page: Page;
  let base: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    sut = await createIsolatedTestApp();
    await sut.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(sut.app.getHttpServer().address() as AddressInfo).port}`;
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1600, height: 1100 }, locale: 'en-US', timezoneId: 'UTC', acceptDownloads: true });
    // A script error anywhere on the way fails the test, even one the page survives.
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });
  afterAll(async () => {
    await browser?.close();
    await sut?.close();
  });

  it('schedules, drags to another technician, refuses a double booking and exports what the filters show', async () => {
    const admin = await sut.admin();
    const api = (method: 'get' | 'post', path: string, body?: object) => {
      const req = sut.http()[method](path).set('Authorization', `Bearer ${admin.token}`);
      return body === undefined ? req : req.send(body);
    };
    const jobOf = async (id: number) => (await api('get', `/api/jobs/${id}`).expect(200)).body as JobBody;

    const accountId = await insertAccount(sut.db, 'Jane Doe');
    await sut.db.query("INSERT INTO contacts (account_id, name, email, is_primary) VALUES (?, 'Jane Doe', 'jane@example.com', 1)", [
      accountId,
    ]);
    const installation = (
      await api('post', '/api/job-types', { name: 'Installation', defaultDurationMinutes: 120, color: '#1e88e5' }).expect(201)
    ).body as { id: number };
    const repair = (await api('post', '/api/job-types', { name: 'Repair', defaultDurationMinutes: 60, color: '#e53935' }).expect(201))
      .body as { id: number };
    const technicianIds: number[] = [];
    for (let i = 0; i < 2; i += 1) {
      const user = await sut.userWith([]);
      await api('post', '/api/technicians', { userId: user.id, color: i === 0 ? '#43a047' : '#8e24aa' }).expect(201);
      technicianIds.push(user.id);
    }
    const technicians = (await api('get', '/api/technicians').expect(200)).body as { id: number; name: string }[];
    const [first, second] = technicians; // sorted by name: the calendar's columns, left to right
    expect(technicians.map((technician) => technician.id).sort()).toEqual([...technicianIds].sort());

    // The day, three days ahead so nothing is in the past; times in UTC, as the page shows them.
    const day = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    const at = (time: string) => `${day}T${time}:00.000Z`;
    // The second technician is busy in the afternoon.
    const afternoon = (await api('post', `/api/accounts/${accountId}/jobs`, { jobTypeId: repair.id }).expect(201)).body as JobBody;
    await api('post', `/api/jobs/${afternoon.id}/schedule`, { startsAt: at('13:00'), technicianIds: [second.id] }).expect(200);
    // Enough jobs waiting that the list has a second page.
    const waitingIds: number[] = [];
    for (let i = 0; i < 27; i += 1) {
      const waitingJob = await api('post', `/api/accounts/${accountId}/jobs`, {
        jobTypeId: repair.id,
        notes: i % 2 ? `Waiting ${i}` : null,
      }).expect(201);
      waitingIds.push((waitingJob.body as JobBody).id);
    }

    await page.goto(`${base}/admin/`);
    await page.getByLabel('Email').fill(admin.email);
    await page.getByLabel('Password').fill(admin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('menuitem', { name: 'Accounts' }).waitFor();

    // Create a job on the account's Jobs tab: the type proposes its duration.
    await page.goto(`${base}/admin/#/accounts/${accountId}/show/jobs`);
    await page.getByRole('button', { name: 'Create Job' }).click();
    const create = page.getByRole('dialog', { name: 'Create job' });
    await create.getByRole('combobox', { name: 'Job type' }).click();
    await page.getByRole('option', { name: /^Installation/ }).click();
    expect(await create.getByRole('textbox', { name: 'Duration (minutes)' }).inputValue()).toBe('120');
    await create.getByRole('textbox', { name: 'Notes' }).fill('Ladder needed; dog in the yard.');
    await page.screenshot({ path: `${SHOTS}/jobs-create.png` });
    await create.getByRole('button', { name: 'Create job' }).click();
    await create.waitFor({ state: 'detached' });
    const created = (
      (
        await api(
          'get',
          `/api/accounts/${accountId}/jobs?filter=${encodeURIComponent(JSON.stringify({ jobTypeId: installation.id }))}`,
        ).expect(200)
      ).body as JobBody[]
    )[0];
    expect(created).toMatchObject({
      status: 'not_scheduled',
      durationMinutes: 120,
      notes: 'Ladder needed; dog in the yard.',
      startsAt: null,
    });

    // On the dispatch calendar, the job waits in the list beside it; the dialog books it.
    await page.getByRole('menuitem', { name: 'Dispatch' }).click();
    await page.goto(`${base}/admin/#/dispatch?date=${day}&view=day`);
    const calendar = page.getByRole('region', { name: 'Dispatch calendar' });
    await calendar.locator('.rbc-row-resource .rbc-header', { hasText: second.name }).waitFor();
    await calendar.locator(`.dispatch-job-${afternoon.id}`).waitFor();
    const waiting = page.getByRole('region', { name: 'Jobs to schedule' });
    await waiting.getByRole('button', { name: `Schedule job #${created.id}` }).click();
    const schedule = page.getByRole('dialog', { name: `Schedule job #${created.id}` });
    expect(await schedule.getByRole('textbox', { name: 'Duration (minutes)' }).inputValue()).toBe('120');
    // First on the technician already busy at one: refused, naming the job in the way.
    await schedule.getByRole('combobox', { name: 'Technicians' }).click();
    await page.getByRole('option', { name: second.name }).click();
    await schedule.getByLabel('Start').fill(`${day}T12:00`);
    await schedule.getByRole('button', { name: 'Schedule' }).click();
    const clash = schedule.getByRole('alert');
    await clash.getByText(`is already booked on job #${afternoon.id}`, { exact: false }).waitFor();
    await page.screenshot({ path: `${SHOTS}/jobs-schedule-clash.png` });
    expect((await jobOf(created.id)).status).toBe('not_scheduled');
    // Then on the other technician, at ten.
    // Backspace in the empty box takes the last technician off.
    await schedule.getByRole('combobox', { name: 'Technicians' }).click();
    await page.keyboard.press('Backspace');
    await page.getByRole('option', { name: first.name }).click();
    await schedule.getByLabel('Start').fill(`${day}T10:00`);
    await schedule.getByRole('button', { name: 'Schedule' }).click();
    await schedule.waitFor({ state: 'detached' });
    expect(await jobOf(created.id)).toMatchObject({ status: 'scheduled', startsAt: at('10:00'), technicians: [{ id: first.id }] });

    // The booking sits in the first technician's column; dragged into the second's at the same height.
    const booking = calendar.locator(`.dispatch-job-${created.id}`);
    await booking.waitFor();
    const firstHeader = calendar.locator('.rbc-row-resource .rbc-header', { hasText: first.name });
    const secondHeader = calendar.locator('.rbc-row-resource .rbc-header', { hasText: second.name });
    const inColumn = async (header: Locator) => {
      const [box, column] = [await booking.boundingBox(), await header.boundingBox()];
      return box !== null && column !== null && box.x + box.width / 2 > column.x && box.x + box.width / 2 < column.x + column.width;
    };
    expect(await inColumn(firstHeader)).toBe(true);
    await page.screenshot({ path: `${SHOTS}/jobs-dispatch-before-drag.png` });
    const from = await center(booking);
    await drag(page, { x: from.x, y: from.y - 10 }, { x: (await center(secondHeader)).x, y: from.y - 10 });
    await page.waitForResponse((response) => response.url().endsWith(`/api/jobs/${created.id}/schedule`));
    await page.getByText(`Job #${created.id} moved`).waitFor();
    expect(await jobOf(created.id)).toMatchObject({ status: 'scheduled', startsAt: at('10:00'), technicians: [{ id: second.id }] });
    await page.reload();
    await booking.waitFor();
    expect(await inColumn(secondHeader)).toBe(true);
    await page.screenshot({ path: `${SHOTS}/jobs-dispatch-after-drag.png` });

    // The first technician gets a job at ten; dragging ours back onto it is refused and it snaps back.
    const blocker = (await api('post', `/api/accounts/${accountId}/jobs`, { jobTypeId: repair.id }).expect(201)).body as JobBody;
    await api('post', `/api/jobs/${blocker.id}/schedule`, { startsAt: at('10:30'), technicianIds: [first.id] }).expect(200);
    await page.reload();
    await calendar.locator(`.dispatch-job-${blocker.id}`).waitFor();
    const again = await center(booking);
    await drag(page, { x: again.x, y: again.y - 10 }, { x: (await center(firstHeader)).x, y: again.y - 10 });
    // The sentence on the page (the notification says it too, while it lasts).
    const refusal = page
      .locator('#main-content')
      .getByRole('alert')
      .filter({ hasText: `is already booked on job #${blocker.id}` });
    await refusal.waitFor();
    expect(await inColumn(secondHeader)).toBe(true);
    expect(await jobOf(created.id)).toMatchObject({ startsAt: at('10:00'), technicians: [{ id: second.id }] });
    await page.screenshot({ path: `${SHOTS}/jobs-dispatch-refused.png` });

    // A job waiting in the list, dragged onto the first technician's column at three, is booked there.
    const firstColumn = calendar.locator('.rbc-day-slot').first();
    const threeLabel = calendar.locator('.rbc-time-gutter .rbc-label', { hasText: /^3:00\sPM$/ });
    const [columnBox, threeBox] = [await firstColumn.boundingBox(), await threeLabel.boundingBox()];
    if (!columnBox || !threeBox) throw new Error('the calendar is not on screen');
    await waiting
      .getByRole('listitem', { name: `Job #${waitingIds[0]}` })
      .dragTo(firstColumn, { targetPosition: { x: columnBox.width / 2, y: threeBox.y - columnBox.y + 4 } });
    await calendar.locator(`.dispatch-job-${waitingIds[0]}`).waitFor();
    expect(await jobOf(waitingIds[0])).toMatchObject({ status: 'scheduled', startsAt: at('15:00'), technicians: [{ id: first.id }] });

    // The week view shows the day's bookings, one box per job.
    await page.goto(`${base}/admin/#/dispatch?date=${day}&view=week`);
    await calendar.locator(`.dispatch-job-${created.id}`).waitFor();
    await page.screenshot({ path: `${SHOTS}/jobs-dispatch-week.png` });

    // The Jobs tab, filtered to the jobs not scheduled: 26, over two pages; the export holds all of them.
    await page.goto(`${base}/admin/#/accounts/${accountId}/show/jobs`);
    const list = page.getByRole('region', { name: 'Jobs list' });
    await list.locator('tbody tr').first().waitFor();
    await page.getByRole('combobox', { name: 'Status' }).click();
    await page.getByRole('option', { name: 'Not scheduled' }).click();
    const exportAll = page.getByRole('button', { name: 'Export 26 results' });
    await exportAll.waitFor();
    await rowsShown(list, 25);
    const shownNotScheduled = await screenRows(page);
    const [notScheduledFile] = await Promise.all([page.waitForEvent('download'), exportAll.click()]);
    const notScheduled = parseCsv(await readFile(await notScheduledFile.path(), 'utf8'));
    expect(notScheduled[0]).toEqual(['job_id', 'job_type', 'duration', 'scheduled', 'ticket', 'attachments', 'status', 'technicians']);
    expect(notScheduled).toHaveLength(27);
    expect(notScheduled.slice(1, 26).map((row) => row.map(loosely))).toEqual(shownNotScheduled);
    expect(new Set(notScheduled.slice(1).map((row) => row[6]))).toEqual(new Set(['Not scheduled']));

    // Advanced: the second technician's jobs; the file is the screen, row for row.
    await page.getByRole('button', { name: 'Advanced' }).click();
    await page.getByRole('combobox', { name: 'Technician' }).click();
    await page.getByRole('option', { name: second.name }).click();
    await page.getByRole('combobox', { name: 'Status' }).click();
    await page.getByRole('option', { name: 'Scheduled', exact: true }).click();
    const exportTwo = page.getByRole('button', { name: 'Export 2 results' });
    await exportTwo.waitFor();
    await rowsShown(list, 2);
    await page.screenshot({ path: `${SHOTS}/jobs-tab-filtered.png` });
    const shown = await screenRows(page);
    const [file] = await Promise.all([page.waitForEvent('download'), exportTwo.click()]);
    const csv = parseCsv(await readFile(await file.path(), 'utf8'));
    expect(csv.slice(1).map((row) => row.map(loosely))).toEqual(shown);
    expect(csv.slice(1).map((row) => Number(row[0]))).toEqual([afternoon.id, created.id]);
    expect(csv[2].map(loosely)).toEqual([
      String(created.id),
      'Installation',
      '2 h',
      loosely(new Date(at('10:00')).toLocaleString('en-US', { timeZone: 'UTC' })),
      '',
      'notes',
      'Scheduled',
      second.name,
    ]);

    // The arrow opens the job's side panel, with the actions a scheduled job allows.
    await list.getByRole('button', { name: `Details of job #${created.id}` }).click();
    const drawer = page.getByRole('region', { name: `Job #${created.id}: Installation` });
    await drawer.getByText('Ladder needed; dog in the yard.').waitFor();
    for (const action of ['Reschedule / reassign', 'Mark en route', 'Complete', 'Cancel job']) {
      await drawer.getByRole('button', { name: action }).waitFor();
    }
    await page.screenshot({ path: `${SHOTS}/jobs-drawer.png` });
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'detached' });

    // The job's type in its row opens the job's own page: everything the side panel shows, with the same actions.
    await list.getByRole('link', { name: 'Installation' }).click();
    await page.waitForURL(new RegExp(`#/jobs/${created.id}/show$`));
    const header = page.getByRole('region', { name: 'Job header' });
    const detail = async (region: string, name: string) =>
      loosely(
        await page
          .getByRole('region', { name: region })
          .locator('dt', { hasText: new RegExp(`^${name}$`) })
          .locator('xpath=following-sibling::dd[1]')
          .innerText(),
      );
    const onThePage = async () => {
      await header.getByRole('heading', { name: `#${created.id} Installation` }).waitFor();
      await header.getByRole('link', { name: `Jane Doe (#${accountId})` }).waitFor();
      expect(await detail('Booking', 'Scheduled')).toBe(loosely(new Date(at('10:00')).toLocaleString('en-US', { timeZone: 'UTC' })));
      expect(await detail('Booking', 'Ends')).toBe(loosely(new Date(at('12:00')).toLocaleString('en-US', { timeZone: 'UTC' })));
      expect(await detail('Booking', 'Duration')).toBe('2 h');
      expect(await detail('Booking', 'Technicians')).toBe(second.name);
      expect(await detail('Linked', 'Ticket')).toBe('—');
      await page.getByRole('region', { name: 'Notes' }).getByText('Ladder needed; dog in the yard.').waitFor();
      await page.getByRole('region', { name: 'Linked' }).getByText('Nothing linked.').waitFor();
      await page.getByText('Times are shown in this browser’s time zone (UTC).').waitFor();
    };
    await onThePage();
    await header.getByText('Scheduled', { exact: true }).waitFor();
    const actions = header.getByRole('group', { name: `Actions for job #${created.id}` });
    expect(await actions.getByRole('button').allTextContents()).toEqual([
      'Reschedule / reassign',
      'Edit',
      'Mark en route',
      'Complete',
      'Mark failed',
      'Unschedule',
      'Cancel job',
    ]);
    await page.screenshot({ path: `${SHOTS}/job-page.png`, fullPage: true });
    // A reload opens the same page: it is an address of its own.
    await page.reload();
    await onThePage();
    // A status action on the page: en route, after confirming; the page follows, with what en route allows.
    await actions.getByRole('button', { name: 'Mark en route' }).click();
    const enRoute = page.getByRole('dialog', { name: `Mark job #${created.id} en route?` });
    await enRoute.getByRole('button', { name: 'Mark en route' }).click();
    await enRoute.waitFor({ state: 'detached' });
    await header.getByText('En route', { exact: true }).waitFor();
    expect(await actions.getByRole('button').allTextContents()).toEqual(['Complete', 'Mark failed', 'Cancel job']);
    expect((await jobOf(created.id)).status).toBe('en_route');
    await page.screenshot({ path: `${SHOTS}/job-page-en-route.png`, fullPage: true });
    // Back returns to the account's Jobs tab.
    await page.goBack();
    await page.waitForURL(new RegExp(`#/accounts/${accountId}/show/jobs$`));
    await page.getByRole('tab', { name: 'Jobs', selected: true }).waitFor();
    await list.locator('tbody tr').first().waitFor();

    // On the dispatch calendar a booking opens its job's page too, and back returns to the same day.
    const dispatchUrl = `${base}/admin/#/dispatch?date=${day}&view=day`;
    await page.goto(dispatchUrl);
    await calendar.locator(`.dispatch-job-${afternoon.id}`).click();
    await page.waitForURL(new RegExp(`#/jobs/${afternoon.id}/show$`));
    await header.getByRole('heading', { name: `#${afternoon.id} Repair` }).waitFor();
    expect(await detail('Booking', 'Technicians')).toBe(second.name);
    await page.goBack();
    await page.waitForURL(dispatchUrl);
    await calendar.locator(`.dispatch-job-${afternoon.id}`).waitFor();
    expect(pageErrors).toEqual([]);
  }, 240_000);
});
