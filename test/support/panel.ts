import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser';
import { createTestApp, type TestApp } from './test-app';

export interface Panel {
  browser: Browser;
  page: Page;
  /** Where the app listens, e.g. http://127.0.0.1:41234 */
  base: string;
}

/** The app listening on a free port and a Chromium page (en-US) to drive its panel. */
export async function openPanel(
  sut: TestApp,
  viewport: { width: number; height: number },
  options: { acceptDownloads?: boolean; port?: number } = {},
): Promise<Panel> {
  // A known port when something outside the test (a webhook sender) must reach the app.
  await sut.app.listen(options.port ?? 0, '127.0.0.1');
  const base = `http://127.0.0.1:${(sut.app.getHttpServer().address() as AddressInfo).port}`;
  const browser = await launchBrowser();
  const page = await browser.newPage({ viewport, locale: 'en-US', acceptDownloads: options.acceptDownloads ?? false });
  return { browser, page, base };
}

/** Signs in through the login form and waits for the menu. */
export async function signIn({ page, base }: Panel, user: { email: string; password: string }): Promise<void> {
  await page.goto(`${base}/admin/`);
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('menuitem', { name: 'Accounts' }).waitFor();
}

/**
 * The shared test app and a Chromium page on its panel for the specs of one
 * describe block: opened before its tests, closed after them. Read `sut` and
 * `panel` inside the tests, once the hooks have run.
 */
export function panelOnTestApp(viewport: { width: number; height: number }): { readonly sut: TestApp; readonly panel: Panel } {
  let sut: TestApp | undefined;
  let panel: Panel | undefined;
  beforeAll(async () => {
    sut = await createTestApp();
    panel = await openPanel(sut, viewport);
  });
  afterAll(async () => {
    await panel?.browser.close();
    await sut?.close();
  });
  const opened = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the panel is opened by beforeAll; read it inside a test');
    return value;
  };
  return {
    get sut() {
      return opened(sut);
    },
    get panel() {
      return opened(panel);
    },
  };
}
