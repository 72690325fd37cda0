import type { Browser, Page } from 'playwright-core';
import { readFile } from 'node:fs/promises';
import { Permission } from '../../src/auth/permission';
import { launchBrowser } from '../support/browser';
import { openPanel, signIn, type Panel } from '../support/panel';
import { PdfScratch, squeeze } from '../documents/pdf-text';
import { insertAccount } from '../notes/account-fixture';
import { signingWorld, tokenIn, waitForMail, type SigningWorld } from '../contracts/signing-world';

const VIEWPORT = { width: 1280, height: 900 };

/** Draws a signature the way a hand would: pointer down, a wavy stroke, pointer up. */
async function drawSignature(page: Page): Promise<void> {
  const pad = page.getByTestId('signature-pad');
  await pad.scrollIntoViewIfNeeded();
  const box = await pad.boundingBox();
  if (!box) throw new Error('the signature pad is not on screen');
  await page.mouse.move(box.x + 20, box.y + box.height * 0.7);
  await page.mouse.down();
  for (let i = 1; i <= 30; i++) {
    await page.mouse.move(box.x + 20 + i * 10, box.y + box.height * (0.5 + 0.3 * Math.sin(i / 3)), { steps: 2 });
  }
  await page.mouse.up();
}

/**
 * Contracts in headless Chromium, as staff and a subscriber use them: a clerk writes a template,
 * adds a contract to an account and sends it; the subscriber opens the emailed link in a browser
 * with no staff session, draws a signature and signs; the clerk sees it signed and downloads a PDF
 * whose signature readers accept, and which is refused once a byte changes. Signing in person on
 * the clerk's screen gives the same document.
 */
describe('contract signing in the panel and on the public page', () => {
  let world: SigningWorld;
  let panel: Panel;
  let subscriberBrowser: Browser;
  let clerk: { id: number; email: string; password: string; token: string };
  let accountId: number;
  const scratch = new PdfScratch();
  const errors: string[] = [];

  beforeAll(async () => {
    world = await signingWorld({ CONTRACT_SIGNING_REMINDERS: '', CONTRACT_SIGNING_EXPIRES_AFTER: '1d' });
    panel = await openPanel(world.sut, VIEWPORT, { acceptDownloads: true });
    subscriberBrowser = await launchBrowser();
    clerk = await world.sut.userWith([
      Permission.AccountsRead,
      Permission.BillingRead,
      Permission.ContractsRead,
      Permission.ContractsManage,
      Permission.ContractsConfigure,
      Permission.CorrespondenceRead,
    ]);
    accountId = await insertAccount(world.sut, 'Harbor Cafe');
    await world.sut.db.query(
      `INSERT INTO contacts (account_id, name, email, is_primary) VALUES (?, 'Lee Harbor', 'lee@harbor.example', 1)`,
      [accountId],
    );
    panel.page.on('pageerror', (e) => errors.push(e.message));
    await signIn(panel, clerk);
  });
  afterAll(async () => {
    scratch.close();
    await subscriberBrowser?.close();
    await panel?.browser.close();
    await world?.close();
  });

  const download = async (page: Page, name: RegExp): Promise<Buffer> => {
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name }).first().click()]);
    return readFile(await file.path());
  };

  const expectSignedPdf = async (pdf: Buffer, signer: string, how: string) => {
    const text = squeeze((await scratch.pages(pdf)).join('\n'));
    expect(text).toContain(`Agreement for Harbor Cafe`);
    expect(text).toContain('primary contact Lee Harbor');
    expect(text).toContain('Signing certificate');
    expect(text).toContain(`Signed by ${signer}`);
    expect(text).toContain(how);
    expect(await scratch.signatures(pdf)).toContain('Signature Validation: Signature is Valid.');
    const altered = Buffer.from(pdf);
    // A byte of the document's title, in the part the signature covers.
    const at = altered.indexOf('Harbor service agreement');
    expect(at).toBeGreaterThan(0);
    altered[at] = 'h'.charCodeAt(0);
    expect(await scratch.signatures(altered)).not.toContain('Signature is Valid');
    const verdict = await world.sut
      .http()
      .post('/api/contracts/verify')
      .auth(clerk.token, { type: 'bearer' })
      .send({ pdf: altered.toString('base64') })
      .expect(200);
    expect(verdict.body).toMatchObject({ intact: false });
  };

  it('a template written in the settings, a contract sent, signed by link in a fresh browser, downloaded and checked', async () => {
    const { page, base } = panel;
    await page.goto(`${base}/admin/#/contract-templates/create`);
    await page.getByLabel('Name').fill('Harbor service agreement');
    await page.getByLabel('Term (months)').fill('12');
    const editor = page.locator('.ProseMirror');
    await editor.click();
    await editor.pressSequentially('Agreement for {{account.name}}, primary contact {{contact.name}}, term {{contract.term}}.');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Preview').first().waitFor();

    await page.goto(`${base}/admin/#/accounts/${accountId}/show/billing/contracts`);
    await page.getByRole('button', { name: 'Add contract' }).click();
    await page.getByLabel('Template').click();
    await page.getByRole('option', { name: /Harbor service agreement/ }).click();
    await page.getByRole('button', { name: 'Add contract' }).last().click();
    await page.getByRole('cell', { name: 'Harbor service agreement', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Actions for Harbor service agreement' }).click();
    await page.getByRole('menuitem', { name: 'Send for signature' }).click();
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await page.getByText('Sent', { exact: true }).waitFor();

    const [mail] = await waitForMail(world.peer, 'lee@harbor.example', 1);
    // The email names the instance's public address; here that is the app the test started.
    const link = `${panel.base}/sign#${tokenIn(mail)}`;

    const subscriber = await subscriberBrowser.newContext({ viewport: { width: 800, height: 1000 }, locale: 'en-US' });
    const signer = await subscriber.newPage();
    const signerErrors: string[] = [];
    signer.on('pageerror', (e) => signerErrors.push(e.message));
    signer.on('console', (m) => m.type() === 'error' && signerErrors.push(`console: ${m.text()}`));
    signer.on('response', (r) => r.status() >= 400 && signerErrors.push(`${r.status()} ${r.url()}`));
    await signer.goto(link);
    await signer
      .getByRole('heading', { name: 'Harbor service agreement' })
      .waitFor({ timeout: 15_000 })
      .catch((err: unknown) => {
        throw new Error(`${String(err)}\n${signerErrors.join('\n')}`);
      });
    await expect(signer.getByText('Agreement for Harbor Cafe').first().isVisible()).resolves.toBe(true);
    // The staff panel is not reachable with what the link gives.
    expect((await subscriber.cookies()).length).toBe(0);
    await signer.getByLabel(/I agree to sign this document electronically/).check();
    await signer.getByLabel('Your full name').fill('Lee Harbor');
    await drawSignature(signer);
    await signer.getByRole('button', { name: 'Sign' }).click();
    await signer.getByText('Harbor service agreement is signed by Lee Harbor.').waitFor();
    await signer.screenshot({ path: `${process.env.TEST_SCRATCH_DIR ?? '/tmp'}/contract-signed-by-link.png` });
    expect(signerErrors).toEqual([]);
    await subscriber.close();

    await page.reload();
    await page.getByRole('cell', { name: 'Lee Harbor', exact: true }).waitFor();
    await page.getByRole('cell', { name: 'Harbor service agreement', exact: true }).click();
    await page.getByRole('region', { name: 'Harbor service agreement' }).getByText('By signing link').waitFor();
    await page.keyboard.press('Escape');
    const pdf = await download(page, /Download Harbor service agreement/);
    await expectSignedPdf(pdf, 'Lee Harbor', 'By a signing link sent by email');
    expect(errors).toEqual([]);
  });

  it('signed in person on the clerk\u2019s screen gives the same checks', async () => {
    const { page, base } = panel;
    await page.goto(`${base}/admin/#/accounts/${accountId}/show/billing/contracts`);
    await page.getByRole('button', { name: 'Add contract' }).click();
    await page.getByLabel('Template').click();
    await page.getByRole('option', { name: /Harbor service agreement/ }).click();
    await page.getByRole('button', { name: 'Add contract' }).last().click();
    await page.getByRole('button', { name: 'Actions for Harbor service agreement' }).first().click();
    await page.getByRole('menuitem', { name: 'Sign in person' }).click();
    const dialog = page.getByRole('dialog', { name: "Sign 'Harbor service agreement'" });
    await dialog.getByText('Agreement for Harbor Cafe').waitFor();
    await dialog.getByLabel(/I agree to sign this document electronically/).check();
    await dialog.getByLabel('Full name').fill('Robin Harbor');
    await drawSignature(page);
    await dialog.getByRole('button', { name: 'Accept and sign' }).click();
    await page.getByRole('cell', { name: 'Robin Harbor', exact: true }).waitFor();
    await page.screenshot({ path: `${process.env.TEST_SCRATCH_DIR ?? '/tmp'}/contracts-tab.png` });
    const pdf = await download(page, /Download Harbor service agreement/);
    await expectSignedPdf(pdf, 'Robin Harbor', 'In person, on the screen of a staff member');
    expect(errors).toEqual([]);
  });
});
