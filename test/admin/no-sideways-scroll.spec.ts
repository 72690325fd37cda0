import type { Page } from 'playwright-core';
import { BillingWorld } from '../billing/billing-world';
import { openPanel, type Panel, signIn } from '../support/panel';
import { createTestApp, TestApp } from '../support/test-app';

const ACCOUNT_TABS = [
  '',
  'billing/invoices',
  'billing/transactions',
  'billing/payment-details',
  'billing/services',
  'billing/configuration',
  'billing/taxes',
  'billing/child-accounts',
  'correspondence/call-logs',
  'correspondence/emails',
  'contacts',
  'custom-fields',
  'logs',
];

const SETTINGS_SCREENS = [
  '',
  'accounts',
  'emails',
  'invoices',
  'payments',
  'late-fees',
  'users',
  'roles',
  'action-history',
  'view-history',
  'message-templates',
  'account-types',
  'account-statuses',
  'account-groups',
  'message-categories',
  'custom-fields',
  'bill-runs',
  'autopay-runs',
  'nightly-runs',
  'webhook-events',
  'services',
  'packages',
  'tax-types',
  'taxes',
  'tax-zones',
];

/** Whatever scrolls sideways or cuts its content off on the right: the page itself, or a box inside it. */
const sidewaysOverflow = (page: Page): Promise<string[]> =>
  page.evaluate(`(() => {
    const found = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth + 1) found.push('the page (' + root.scrollWidth + ' px wide in ' + root.clientWidth + ')');
    for (const el of document.querySelectorAll('body *')) {
      if (el.scrollWidth <= el.clientWidth + 1 || el.clientWidth === 0) continue;
      // A row of tabs with scroll buttons is made to scroll; a progress bar clips its moving bar;
      // small controls clip their own parts.
      if (el.classList.contains('MuiTabs-scroller') || el.getAttribute('role') === 'progressbar' || el.clientWidth < 120) continue;
      const overflowX = getComputedStyle(el).overflowX;
      if (overflowX === 'visible') continue;
      const label = el.getAttribute('aria-label') || el.className.toString().split(' ').filter((c) => !c.startsWith('css-')).slice(0, 3).join('.');
      found.push(el.tagName.toLowerCase() + (label ? ' ' + label : '') + ' (' + el.scrollWidth + ' px wide in ' + el.clientWidth + ')');
    }
    return found;
  })()`);

/**
 * Developer codes such as invoice.generate or processor_payment.failed, wherever they show;
 * email addresses, web addresses, domain names, file names and the merge fields of message templates
 * ({{invoice.number}}, which staff write themselves) are left out before looking.
 */
const rawCodes = async (page: Page): Promise<string[]> => {
  const text = (await page.locator('body').innerText()).replace(
    /\S+@\S+|\bhttps?:\/\/\S+|\b[\w-]+\.(?:pdf|csv|png|jpe?g)\b|\b[\w.-]+\.(?:example|com|org|net|local|test)\b|\{\{[^}]*\}\}/g,
    '',
  );
  return [...new Set(text.match(/\b[a-z]+(?:_[a-z]+)*\.[a-z]+(?:_[a-z]+)*\b/g) ?? [])];
};

describe('the panel at 1280 × 800 never scrolls sideways nor shows a developer code', () => {
  let sut: TestApp;
  let panel: Panel;
  let page: Page;
  let base: string;
  const errors: string[] = [];
  // Before signing in the panel asks who is signed in and is told 401, which the console reports.
  let signedIn = false;

  beforeAll(async () => {
    sut = await createTestApp();
    panel = await openPanel(sut, { width: 1280, height: 800 });
    ({ page, base } = panel);
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (!signedIn) return;
      // Map tiles cannot load on a closed network; everything else is a fault.
      if (m.type() === 'error' && !/ERR_NAME_NOT_RESOLVED|tile/i.test(m.text())) errors.push(m.text());
    });
  });
  afterAll(async () => {
    await panel?.browser.close();
    await sut.close();
  });

  it('on the dashboard, every account tab and every settings screen, with no console error', async () => {
    // An account with something in every table: a contact, a service, an invoice and a payment.
    const w = await new BillingWorld(sut).init();
    const service = await w.service(4999, { name: 'Fiber 1000 with a rather long service name for the table' });
    const account = await w.account();
    await w.addService(account, service, '2026-06-01');
    await w.generate(account, '2026-06-01');
    await w
      .post('/api/contacts', {
        accountId: account,
        name: 'Alexandra Montgomery-Fitzgerald',
        role: 'Billing contact',
        email: 'alexandra.montgomery-fitzgerald@example.com',
        phones: [{ type: 'mobile', number: '+13095550123' }],
      })
      .expect(201);

    // A processor event the panel shows in words, with a long object id; set aside, so it never waits in the shared inbox.
    const processorEvent = `evt_walk_${Date.now()}`;
    await sut.db.query(
      `INSERT INTO webhook_events (id, provider, type, object_id, event_created_at, payload, status, outcome, processed_at)
       VALUES (?, 'stripe', 'customer.subscription.trial_will_end', ?, NOW(3), '{}', 'ignored', 'not handled', NOW(3))`,
      [processorEvent, `sub_${'1QxYzLongSubscriptionId'.repeat(3)}`],
    );

    const admin = await sut.admin();
    await signIn(panel, admin);
    signedIn = true;

    const overflowing: Record<string, string[]> = {};
    const codes: Record<string, string[]> = {};
    const visit = async (path: string) => {
      await page.goto(`${base}/admin/#/${path}`);
      await page.waitForLoadState('networkidle');
      await page
        .locator('[role="progressbar"]')
        .first()
        .waitFor({ state: 'detached', timeout: 10_000 })
        .catch(() => undefined);
      const found = await sidewaysOverflow(page);
      if (found.length) overflowing[path] = found;
      const shown = await rawCodes(page);
      if (shown.length) codes[path] = shown;
    };
    for (const tab of ACCOUNT_TABS) await visit(`accounts/${account}/show${tab ? `/${tab}` : ''}`);
    for (const screen of SETTINGS_SCREENS) await visit(screen);
    await visit(`webhook-events/${processorEvent}/show`);

    expect({ overflowing, codes, errors }).toEqual({ overflowing: {}, codes: {}, errors: [] });
  });
});
