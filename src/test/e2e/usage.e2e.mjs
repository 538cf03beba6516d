// Drives the portal's Usage page in a real headless Chromium: the admin creates an account and tops it up, the account
// creates a key with an expiry and a credit limit, chats through it, and sees its tokens and spend per day, key and
// model; at 390 px the keys table does not widen the page. Screenshots go to the directory given.
// Usage: node usage.e2e.mjs <gateway base URL> <admin key> <screenshot dir>. The caller scripts two upstream answers
// of 12 prompt and 30 completion tokens each for the model it-metered (0.01 per completion token).
import { newPage, openBrowser, urlFor } from './browser.mjs';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const [base, adminKey, shots] = process.argv.slice(2);
const url = urlFor(base);
mkdirSync(shots, { recursive: true });
const name = `e2e-usage-${Date.now().toString(36)}`;
const password = 'correct horse battery';

async function signIn(page, account, secret) {
  await page.goto(url('/portal/index.html'));
  await page.getByLabel('Account').fill(account);
  await page.getByLabel('Password').fill(secret);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/keys\.html$/);
}

const browser = await openBrowser();
try {
  const { page, consoleErrors } = await newPage(browser);
  await page.setViewportSize({ width: 1280, height: 900 });

  await signIn(page, 'admin', adminKey);
  await page.getByRole('link', { name: 'Usage' }).click();
  await page.getByRole('heading', { name: 'Accounts (admin)' }).waitFor();
  await page.getByLabel('New account name').fill(name);
  await page.getByLabel('Portal password').fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByText('Created account ' + name + '.').waitFor();
  await page.getByLabel('Amount').fill('5');
  await page.getByRole('button', { name: 'Add credits' }).click();
  await page.getByText('Added 5.00; balance now 5.00.').waitFor();
  await page.locator('#account-name', { hasText: name }).waitFor();
  assert.equal(await page.locator('#account-name').textContent(), name, 'the admin sees the account by name');
  assert.equal(await page.locator('#budget').textContent(), 'prepaid (spends only credits added)');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL(/index\.html$/);

  await signIn(page, name, password);
  await page.locator('#who', { hasText: name }).waitFor(); // filled once the session call has answered
  assert.equal(await page.locator('#who').textContent(), name, 'the header names the account');
  await page.getByLabel('Name').fill('usage-capped');
  await page.getByLabel('Expires on (empty = never)').fill('2099-12-31');
  await page.getByLabel('Credit limit (empty = unlimited)').fill('2.50');
  await page.getByRole('button', { name: 'Create key' }).click();
  await page.locator('#new-key').waitFor(); // shown once the create call has answered
  const key = (await page.locator('#new-key-value').textContent()).trim();
  assert.match(key, /^altllm-/);
  const row = page.locator('#keys tbody tr', { hasText: 'usage-capped' });
  await row.waitFor();
  const rowText = await row.textContent();
  assert.match(rowText, /2\.5/, 'the key shows its credit limit');
  assert.match(rowText, /2099/, 'the key shows its expiry');
  const asAdmin = { Authorization: `Bearer ${adminKey}`, 'Content-Type': 'application/json' };
  const accounts = await (await fetch(url('/admin/v1/accounts'), { headers: asAdmin })).json();
  const accountId = accounts.data.find((a) => a.name === name).id;
  const open = await fetch(url('/admin/v1/keys'), { method: 'POST', headers: asAdmin,
    body: JSON.stringify({ account: accountId, name: 'usage-open' }) });
  assert.equal(open.status, 201, await open.clone().text());
  await page.reload();
  const openRow = page.locator('#keys tbody tr', { hasText: 'usage-open' });
  await openRow.waitFor();
  assert.deepEqual((await openRow.locator('td').allTextContents()).slice(3, 6),
    ['unlimited · unlimited', 'unlimited', 'never'], 'no limit reads as unlimited, no expiry as never');
  const me = await (await fetch(url('/v1/key'), { headers: { Authorization: `Bearer ${key}` } })).json();
  assert.equal(me.data.limit, '2.5', 'the key was created with the credit limit');
  assert.equal(me.data.expires_at, Math.floor(Date.UTC(2099, 11, 31, 23, 59, 59) / 1000), 'and the expiry');

  for (let i = 0; i < 2; i++) {
    const chat = await fetch(url('/v1/chat/completions'), { method: 'POST',
      headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ model: 'it-metered', messages: [{ role: 'user', content: 'hi' }] }) });
    assert.equal(chat.status, 200, await chat.clone().text());
  }

  await page.getByRole('link', { name: 'Usage' }).click();
  const modelRow = page.locator('#per-model tbody tr', { hasText: 'it-metered' });
  for (let i = 0; i < 50 && !(await modelRow.count()); i++) {
    await new Promise((r) => setTimeout(r, 200));
    await page.reload();
    await page.locator('#account-name', { hasText: name }).waitFor();
  }
  const cells = async (locator) => (await locator.locator('td').allTextContents()).map((t) => t.trim());
  assert.deepEqual(await cells(modelRow), ['it-metered', '2', '24', '60', '84', '0.60'], 'per model');
  assert.deepEqual(await cells(page.locator('#per-key tbody tr', { hasText: 'usage-capped' })),
    ['usage-capped', '2', '24', '60', '84', '0.60'], 'per key, by the key name');
  const today = new Date().toISOString().slice(0, 10);
  const bar = page.locator(`#chart rect.bar-tokens[data-day="${today}"]`);
  assert.equal(await bar.getAttribute('data-tokens'), '84', 'today has a token bar');
  assert.ok(Number(await bar.getAttribute('height')) > 0, 'with a height');
  assert.ok(Number(await page.locator(`#chart rect.bar-spend[data-day="${today}"]`).getAttribute('height')) > 0);
  assert.equal(await page.locator('#balance').textContent(), '4.40', 'balance is the top-up less the spend');
  assert.equal(await page.locator('#spend').textContent(), '0.60');
  await page.locator('#who', { hasText: name }).waitFor();
  assert.equal(await page.locator('#who').textContent(), name);
  assert.ok(!(await page.locator('body').textContent()).includes('acct_'), 'no account id on the page');
  await page.screenshot({ path: join(shots, 'usage-desktop.png'), fullPage: true });

  await page.getByRole('link', { name: 'API Keys' }).click();
  await row.waitFor();
  await page.screenshot({ path: join(shots, 'keys-desktop.png'), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await row.waitFor();
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(scrollWidth <= 390, `the keys page is ${scrollWidth} px wide at 390 px`);
  assert.equal(await row.locator('td[data-label="Credit limit"]').textContent(), '2.5',
    'each narrow row names its columns');
  await page.screenshot({ path: join(shots, 'keys-390.png'), fullPage: true });
  await page.getByRole('link', { name: 'Usage' }).click();
  await modelRow.waitFor();
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= 390, 'usage page fits 390 px');
  await page.screenshot({ path: join(shots, 'usage-390.png'), fullPage: true });
  assert.deepEqual(consoleErrors, [], 'no script errors in the portal');
  console.log('usage e2e: ok');
} finally {
  await browser.close();
}
