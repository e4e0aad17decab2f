/** The Outlook add-in's task pane in Chromium, with the Office.js fake, signed in through the local issuer. */
import type { Page } from 'playwright-core';
import type { LaunchedBrowser } from '../support/browser.ts';
import { installOfficeFake, type OfficeFakeOptions } from '../support/office-fake.ts';

export const openAddinPane = async (
  browser: LaunchedBrowser,
  stack: { readonly baseUrl: string; readonly issuerUrl: string },
  options: OfficeFakeOptions,
  signInAs: string,
  timeoutMs = 20_000,
): Promise<Page> => {
  const page = await browser.context.newPage();
  page.setDefaultTimeout(timeoutMs);
  // office.js comes from Microsoft's CDN in Outlook; here the fake stands in for it.
  await page.route('https://appsforoffice.microsoft.com/**', (route) =>
    route.fulfill({ status: 200, contentType: 'text/javascript', body: '' }),
  );
  // The local issuer sends no CORS headers yet, so a page on the server's origin cannot read its
  // sign-in answer; relay it unchanged with the header until the issuer sends it itself.
  await page.route(`${stack.issuerUrl}/local/sign-in**`, async (route) => {
    const res = await fetch(route.request().url());
    await route.fulfill({
      status: res.status,
      body: await res.text(),
      headers: { 'content-type': 'application/json', 'access-control-allow-origin': '*' },
    });
  });
  await page.addInitScript(installOfficeFake, options);
  await page.goto(`${stack.baseUrl}/addin/taskpane.html`);
  await page.getByLabel('Act as').selectOption(signInAs);
  await page.getByRole('button', { name: 'Sign in' }).click();
  return page;
};
