// Drives the portal in a real headless Chromium: sign in, create a key, see it once, use it, revoke it.
// Usage: node portal.e2e.mjs <gateway base URL> <admin key>. Exits non-zero with a reason on any failure.
import { newPage, openBrowser, urlFor } from './browser.mjs';
import assert from 'node:assert/strict';

const [base, adminKey] = process.argv.slice(2);
const url = urlFor(base);

async function admin(method, path, body) {
  const response = await fetch(url(path), { method, body: body && JSON.stringify(body),
    headers: { Authorization: `Bearer ${adminKey}`, 'Content-Type': 'application/json' } });
  assert.ok(response.ok, `${method} ${path} -> ${response.status} ${await response.clone().text()}`);
  return response.json();
}

const suffix = Date.now().toString(36);
const account = await admin('POST', '/admin/v1/accounts', { name: `e2e-team-${suffix}`, password: 'correct horse battery' });

const browser = await openBrowser();
try {
  const { page, consoleErrors } = await newPage(browser);

  await page.goto(url('/'));
  await page.getByLabel('Account').fill(account.name);
  await page.getByLabel('Password').fill('wrong password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByText('Wrong account or password.').waitFor();

  await page.getByLabel('Password').fill('correct horse battery');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/keys\.html$/);
  await page.getByRole('heading', { name: 'API Keys' }).waitFor();

  await page.getByLabel('Name').fill('browser-made');
  await page.getByRole('button', { name: 'Create key' }).click();
  const shown = page.locator('#new-key-value');
  await shown.waitFor();
  const key = (await shown.textContent()).trim();
  assert.match(key, /^altllm-/, 'the new key is shown in clear once');
  const row = page.locator('#keys tbody tr', { hasText: 'browser-made' });
  await row.waitFor();
  assert.ok(!(await page.locator('#keys').textContent()).includes(key), 'the list never shows the full key');

  const me = await fetch(url('/v1/key'), { headers: { Authorization: `Bearer ${key}` } });
  assert.equal(me.status, 200, 'the key works against /v1/key');
  assert.equal((await me.json()).data.name, 'browser-made');

  await page.getByRole('button', { name: 'I have stored it' }).click();
  await page.reload();
  assert.equal(await page.locator('#new-key-value').textContent(), '', 'after leaving, the key is gone for good');

  page.once('dialog', (dialog) => dialog.accept());
  await row.getByRole('button', { name: /Revoke/ }).click();
  await page.locator('#keys tbody tr.revoked', { hasText: 'browser-made' }).waitFor();

  let status = 0;
  for (let i = 0; i < 50 && status !== 401; i++) {
    status = (await fetch(url('/v1/key'), { headers: { Authorization: `Bearer ${key}` } })).status;
    if (status !== 401) await new Promise((r) => setTimeout(r, 200));
  }
  assert.equal(status, 401, 'a revoked key is refused');

  await page.getByRole('link', { name: 'Models' }).click();
  await page.locator('#models tbody tr').first().waitFor();
  const priceTool = page.locator('#tools tbody tr', { has: page.locator('code', { hasText: /^crypto_price$/ }) });
  await priceTool.waitFor();
  assert.match(await priceTool.locator('pre').textContent(), /"vs_currency"/, 'each built-in tool shows its schema');
  assert.deepEqual(consoleErrors, [], 'no script errors in the portal');
  console.log('portal e2e: ok');
} finally {
  await browser.close();
}
