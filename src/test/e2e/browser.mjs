// Shared by the portal scripts: a headless Chromium and a page that records script errors.
import { chromium } from 'playwright-core';

export const urlFor = (base) => (path) =>
  new URL(path.replace(/^\//, ''), base.endsWith('/') ? base : base + '/').toString();

export async function openBrowser() {
  return chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
}

// A fresh page, and the list its uncaught exceptions and console errors go to (other than the browser's own note on
// an expected 401/404 response).
export async function newPage(browser) {
  const page = await (await browser.newContext()).newPage();
  const consoleErrors = [];
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) consoleErrors.push(m.text());
  });
  return { page, consoleErrors };
}
