// Drives the portal's Videos page in a real headless Chromium: sign in, open Videos, see the account's tasks with
// status, progress and cost, filter them, and fetch a finished video through its player/download link.
// Usage: node videos.e2e.mjs <gateway base URL> <account> <password> <video size in bytes>.
import { newPage, openBrowser, urlFor } from './browser.mjs';
import assert from 'node:assert/strict';

const [base, account, password, size] = process.argv.slice(2);
const url = urlFor(base);

const browser = await openBrowser();
try {
  const { page, consoleErrors } = await newPage(browser);

  await page.goto(url('/portal/'));
  await page.getByLabel('Account').fill(account);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/keys\.html$/);
  await page.getByRole('link', { name: 'Videos' }).click();
  await page.getByRole('heading', { name: 'Videos' }).waitFor();

  const rows = page.locator('#videos tbody tr');
  await rows.first().waitFor();
  assert.equal(await rows.count(), 2, 'both of the account\'s tasks are listed');
  const done = rows.filter({ has: page.locator('td.status', { hasText: 'succeeded' }) });
  await done.waitFor();
  assert.equal((await done.locator('td.progress').textContent()).trim(), '100%');
  assert.equal((await done.locator('td.cost').textContent()).trim(), '0.25', '5 s at 720p, charged');
  const running = rows.filter({ has: page.locator('td.status', { hasText: 'running' }) });
  assert.equal((await running.locator('td.progress').textContent()).trim(), '35%');
  assert.equal((await running.locator('td.cost').textContent()).trim(), '0.25 (held)');
  assert.equal(await running.locator('video').count(), 0, 'no player before the video exists');

  const player = done.locator('video');
  assert.equal(await player.getAttribute('preload'), 'none');
  const href = await done.getByRole('link', { name: 'Download' }).getAttribute('href');
  assert.equal(await player.getAttribute('src'), href, 'player and download link show the same video');
  const video = await page.request.get(new URL(href, page.url()).toString());
  assert.equal(video.status(), 200, await video.text());
  assert.equal(video.headers()['content-type'], 'video/mp4');
  assert.equal((await video.body()).length, Number(size), 'the whole video arrives through the session');

  await page.getByLabel('Status').selectOption('running');
  await page.waitForFunction(() => document.querySelectorAll('#videos tbody tr').length === 1);
  assert.equal((await rows.first().locator('td.status').textContent()).trim(), 'running');

  assert.deepEqual(consoleErrors, [], 'no script errors in the portal');
  console.log('videos e2e: ok');
} finally {
  await browser.close();
}
