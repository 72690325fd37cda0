import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { Permission } from '../../src/auth/permission';
import { launchBrowser } from '../support/browser';
import { createIsolatedTestApp } from '../support/isolated-database';
import type { TestApp } from '../support/test-app';

const SHOTS = '/tmp/shots';

interface JobTypeBody {
  id: number;
  name: string;
  defaultDurationMinutes: number;
  color: string;
  completionAction: string;
  activationStatusId: number | null;
}

/**
 * Settings › Job types, Technicians and Job reminders in headless Chromium, on a database of its own (the
 * reminder lead time is system-wide): an admin adds an installation type that activates the account, makes a
 * staff user a technician, deletes an unused type after confirming and changes the lead time, and the API
 * answers with each; a user who may only read jobs sees the lists and the lead time with no way to change them.
 */
describe('the job settings screens', () => {
  let sut: TestApp;
  let browser: Browser;
  let base: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    sut = await createIsolatedTestApp();
    await sut.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(sut.app.getHttpServer().address() as AddressInfo).port}`;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await sut?.close();
  });

  const signedIn = async (user: { email: string; password: string }): Promise<Page> => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'en-US', timezoneId: 'UTC' });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${base}/admin/`);
    await page.getByLabel('Email').fill(user.email);
    await page.getByLabel('Password').fill(user.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('menuitem', { name: 'Accounts' }).waitFor();
    return page;
  };

  it('adds a job type and a technician, deletes after confirming, changes the lead time; read-only without jobs.configure', async () => {
    const admin = await sut.admin();
    const api = (method: 'get' | 'post', path: string, body?: object) => {
      const req = sut.http()[method](path).set('Authorization', `Bearer ${admin.token}`);
      return body === undefined ? req : req.send(body);
    };
    const typesNamed = async (name: string) =>
      (await api('get', `/api/job-types?filter=${encodeURIComponent(JSON.stringify({ q: name }))}`).expect(200)).body as JobTypeBody[];
    const active = await sut.db.query("INSERT INTO account_statuses (name, color, counts_as_active) VALUES ('Installed', '#2e7d32', 1)");
    const staff = await sut.userWith([]);
    const unused = (await api('post', '/api/job-types', { name: 'Site survey', defaultDurationMinutes: 45 }).expect(201))
      .body as JobTypeBody;

    const page = await signedIn(admin);

    // A job type: name, usual length, colour, and what completing it does.
    await page.getByRole('menuitem', { name: 'Job types' }).click();
    await page.getByRole('link', { name: 'Create' }).click();
    // The form is ready once it shows the proposed length.
    await page
      .getByRole('spinbutton', { name: /^Default duration/ })
      .and(page.locator('[value="60"]'))
      .waitFor();
    await page.getByRole('spinbutton', { name: /^Default duration/ }).fill('150');
    await page.getByRole('textbox', { name: 'Colour (hex)' }).fill('#00897b');
    await page.getByRole('combobox', { name: /^On completion/ }).click();
    await page.getByRole('option', { name: 'Activate the account' }).click();
    // The first menu is gone before the second opens.
    await page.getByRole('listbox').waitFor({ state: 'detached' });
    await page.getByRole('combobox', { name: /^Account status on completion/ }).click();
    await page.getByRole('option', { name: 'Installed' }).click();
    await page.getByRole('listbox').waitFor({ state: 'detached' });
    await page.getByRole('textbox', { name: 'Name' }).fill('Fibre installation');
    expect(await page.getByRole('spinbutton', { name: /^Default duration/ }).inputValue()).toBe('150');
    await page.screenshot({ path: `${SHOTS}/jobs-settings-type.png` });
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('row').filter({ hasText: 'Fibre installation' }).getByText('2 h 30 min').waitFor();
    expect(await typesNamed('Fibre installation')).toEqual([
      expect.objectContaining({
        name: 'Fibre installation',
        defaultDurationMinutes: 150,
        color: '#00897b',
        completionAction: 'activate_account',
        activationStatusId: Number(active.insertId),
      }),
    ]);
    await page.getByRole('row').filter({ hasText: 'Activate the account (Installed)' }).waitFor();
    await page.screenshot({ path: `${SHOTS}/jobs-settings-types.png` });

    // An unused type goes, once confirmed.
    await page.getByRole('row').filter({ hasText: 'Site survey' }).click();
    await page.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
    await page.getByRole('row').filter({ hasText: 'Fibre installation' }).waitFor();
    await api('get', `/api/job-types/${unused.id}`).expect(404);

    // A staff user made a technician.
    await page.getByRole('menuitem', { name: 'Technicians' }).click();
    await page.getByRole('link', { name: 'Create' }).click();
    const staffName = (await api('get', `/api/users/${staff.id}`).expect(200)).body.name as string;
    await page.getByRole('combobox', { name: 'Staff user' }).fill(staffName);
    await page.getByRole('option', { name: new RegExp(`^${staffName}`) }).click();
    await page.getByRole('textbox', { name: 'Colour (hex)' }).fill('#6d4c41');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('row').filter({ hasText: staffName }).waitFor();
    expect((await api('get', `/api/technicians/${staff.id}`).expect(200)).body).toMatchObject({
      id: staff.id,
      color: '#6d4c41',
      active: true,
    });
    await page.screenshot({ path: `${SHOTS}/jobs-settings-technicians.png` });

    // The reminder lead time: a day to start with, then two hours.
    await page.getByRole('menuitem', { name: 'Job reminders' }).click();
    const lead = page.getByRole('textbox', { name: 'Reminder lead time (minutes)' });
    expect(await lead.inputValue()).toBe('1440');
    await lead.fill('120');
    await page.getByText('2 h before the job starts').waitFor();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Reminder lead time saved').waitFor();
    expect((await api('get', '/api/job-settings').expect(200)).body).toEqual({ reminderLeadMinutes: 120 });
    await page.screenshot({ path: `${SHOTS}/jobs-settings-reminders.png` });

    // Someone who may only read jobs sees all of it and can change none of it.
    const reader = await sut.userWith([Permission.AccountsRead, Permission.JobsRead]);
    const readOnly = await signedIn(reader);
    await readOnly.getByRole('menuitem', { name: 'Job types' }).click();
    await readOnly.getByRole('row').filter({ hasText: 'Fibre installation' }).waitFor();
    expect(await readOnly.getByRole('link', { name: 'Create' }).count()).toBe(0);
    await readOnly.getByRole('row').filter({ hasText: 'Fibre installation' }).click();
    expect(readOnly.url()).toMatch(/#\/job-types$/);
    await readOnly.getByRole('menuitem', { name: 'Job reminders' }).click();
    const readLead = readOnly.getByRole('textbox', { name: 'Reminder lead time (minutes)' });
    expect(await readLead.inputValue()).toBe('120');
    expect(await readLead.isDisabled()).toBe(true);
    expect(await readOnly.getByRole('button', { name: 'Save' }).count()).toBe(0);
    await readOnly.getByRole('menuitem', { name: 'Dispatch' }).waitFor();
    expect(pageErrors).toEqual([]);
  }, 180_000);
});
