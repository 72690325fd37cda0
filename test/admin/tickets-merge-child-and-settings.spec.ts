import { randomUUID } from 'node:crypto';
import { Permission } from '../../src/auth/permission';
import { panelOnTestApp, signIn } from '../support/panel';
import { accountWithContact, as, type TicketBody } from '../tickets/ticket-world';

const SHOTS = '/tmp/shots';

describe('Tickets in headless Chromium: merging after a confirmation that names both, child tickets, and the settings lists', () => {
  const world = panelOnTestApp({ width: 1440, height: 1000 });

  it('merges one ticket into another, adds a child, and keeps statuses read only without tickets.configure', async () => {
    const { sut, panel } = world;
    const { page, base } = panel;
    const admin = await sut.admin();
    const api = as(sut, admin.token);
    const run = randomUUID().slice(0, 8);
    const { accountId } = await accountWithContact(sut, 'Merge');
    const open = async (subject: string) =>
      (await api.post(`/api/accounts/${accountId}/tickets`, { subject: `${subject} ${run}`, visibility: 'internal' }).expect(201))
        .body as TicketBody;
    const source = await open('Internet down');
    const survivor = await open('No internet since the storm');
    await api.post(`/api/tickets/${source.id}/messages`, { kind: 'internal_comment', bodyText: `Called twice ${run}` }).expect(201);

    await signIn(panel, admin);
    await page.goto(`${base}/admin/#/tickets/${source.id}/show`);
    await page.getByRole('button', { name: 'More actions' }).click();
    await page.getByRole('menuitem', { name: 'Merge into another ticket' }).click();
    const merge = page.getByRole('dialog', { name: `Merge ticket #${source.id}` });
    await merge.getByRole('combobox', { name: 'Merge into' }).fill(`#${survivor.id}`);
    await page.getByRole('option', { name: `#${survivor.id} ${survivor.subject}` }).click();
    // The confirmation names both tickets before anything moves.
    await merge.getByText(`#${source.id} “${source.subject}” will be merged into #${survivor.id} “${survivor.subject}”`).waitFor();
    await page.screenshot({ path: `${SHOTS}/ticket-merge.png` });
    expect(((await api.get(`/api/tickets/${source.id}`).expect(200)).body as TicketBody).mergedIntoTicketId).toBeNull();
    await merge.getByRole('button', { name: `Merge into #${survivor.id}` }).click();

    // The survivor opens with the merged conversation; the source points to it.
    await page.waitForURL(new RegExp(`#/tickets/${survivor.id}/show$`));
    await page.getByRole('region', { name: 'Conversation' }).getByText(`Called twice ${run}`).waitFor();
    await page.getByRole('region', { name: 'Conversation' }).getByText(`written on #${source.id}`).waitFor();
    await page
      .getByRole('region', { name: 'Parent and child tickets' })
      .getByRole('link', { name: `#${source.id} ${source.subject}` })
      .click();
    await page.getByText(`This ticket was merged into #${survivor.id}`).waitFor();
    expect(await page.getByRole('button', { name: 'More actions' }).count()).toBe(0);
    expect(await page.getByRole('region', { name: 'Write on the ticket' }).count()).toBe(0);
    expect((await api.get(`/api/tickets/${source.id}`).expect(200)).body).toMatchObject({
      mergedIntoTicketId: survivor.id,
      statusKind: 'closed',
    });

    // A child ticket, from the survivor's side panel.
    await page.getByRole('link', { name: `Open #${survivor.id}` }).click();
    await page.getByRole('region', { name: 'Parent and child tickets' }).getByRole('button', { name: 'Add child ticket' }).click();
    const child = page.getByRole('dialog', { name: `Add a child ticket to #${survivor.id}` });
    await child.getByRole('textbox', { name: 'Subject' }).fill(`Replace drop cable ${run}`);
    await child.getByRole('button', { name: 'Create ticket' }).click();
    await child.waitFor({ state: 'detached' });
    await page
      .getByRole('list', { name: 'Child tickets' })
      .getByRole('link', { name: new RegExp(`Replace drop cable ${run}$`) })
      .waitFor();
    const parent = (await api.get(`/api/tickets/${survivor.id}`).expect(200)).body as TicketBody;
    expect(parent.children).toHaveLength(1);
    expect(parent.linkCounts.childTickets).toBe(1);
    await page.screenshot({ path: `${SHOTS}/ticket-with-child.png`, fullPage: true });

    // Settings › Ticket statuses: a new status for those who configure tickets…
    await page.goto(`${base}/admin/#/ticket-statuses`);
    await page.getByRole('link', { name: 'Create' }).click();
    // The list has a Name search and a Kind filter too: type only once the create form is up.
    await page.waitForURL(/#\/ticket-statuses\/create$/);
    await page.getByRole('button', { name: 'Save' }).waitFor();
    await page.getByRole('textbox', { name: 'Name' }).fill(`Waiting on parts ${run}`);
    await page.getByRole('combobox', { name: 'Kind' }).click();
    await page.getByRole('option', { name: 'Pending' }).click();
    await page.getByRole('listbox').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Save' }).click();
    await page
      .getByRole('row')
      .filter({ hasText: `Waiting on parts ${run}` })
      .waitFor();
    const statuses = (await api.get('/api/ticket-statuses').expect(200)).body as { name: string; kind: string }[];
    expect(statuses).toContainEqual(expect.objectContaining({ name: `Waiting on parts ${run}`, kind: 'pending' }));
    await page.screenshot({ path: `${SHOTS}/ticket-statuses.png` });

    // …and read only for those who only read them: no Create, a row opens nothing.
    const reader = await sut.userWith([Permission.TicketsRead, Permission.AccountsRead]);
    const readerPage = await panel.browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'en-US' });
    await signIn({ ...panel, page: readerPage }, reader);
    await readerPage.goto(`${base}/admin/#/ticket-statuses`);
    await readerPage
      .getByRole('row')
      .filter({ hasText: `Waiting on parts ${run}` })
      .click();
    expect(readerPage.url()).toMatch(/#\/ticket-statuses$/);
    expect(await readerPage.getByRole('link', { name: 'Create' }).count()).toBe(0);
    await readerPage.getByRole('menuitem', { name: 'Ticket groups' }).waitFor();
    expect(await readerPage.getByRole('menuitem', { name: 'Tickets' }).count()).toBe(1);
    await readerPage.close();
  }, 180_000);
});
