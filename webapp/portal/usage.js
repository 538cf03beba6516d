'use strict';
// The Usage page, loaded before portal.js (whose helpers api, el, show, labelCells it uses once called): a per-day
// chart drawn as plain SVG, per-key and per-model tables, the balance, and for the admin accounts and top-ups.

const SVG = 'http://www.w3.org/2000/svg';
const svg = (tag, attributes) => {
  const node = document.createElementNS(SVG, tag);
  Object.entries(attributes).forEach(([name, value]) => node.setAttribute(name, String(value)));
  return node;
};
const withText = (node, text) => { node.textContent = text; return node; };
const money = (value) => Number(value).toFixed(Number(value) !== 0 && Math.abs(Number(value)) < 0.01 ? 6 : 2);

async function usagePage() {
  const me = await signedIn();
  if (!me) return;
  const select = document.getElementById('usage-account');
  if (me.admin) {
    document.getElementById('usage-account-field').hidden = false;
    document.getElementById('admin-tools').hidden = false;
    await fillAccounts();
    select.addEventListener('change', () => showUsage(me, select.value));
    document.getElementById('new-account').addEventListener('submit', (event) => createAccount(event, me));
    document.getElementById('top-up').addEventListener('submit', (event) => topUp(event, me));
  }
  await showUsage(me, me.admin ? select.value : null);
}

async function fillAccounts(chosen) {
  const accounts = (await api('GET', 'api/accounts')).data;
  for (const id of ['usage-account', 'top-up-account']) {
    const select = document.getElementById(id);
    select.replaceChildren(...accounts.map((account) => {
      const option = el('option', account.name);
      option.value = account.id;
      return option;
    }));
    if (chosen) select.value = chosen;
  }
}

async function showUsage(me, account) {
  if (me.admin && !account) return;
  const usage = await api('GET', 'api/usage' + (account ? '?account=' + encodeURIComponent(account) : ''));
  document.getElementById('account-name').textContent = usage.account.name;
  document.getElementById('balance').textContent = money(usage.balance);
  document.getElementById('budget').textContent = usage.budget === 'unlimited'
    ? 'unlimited (may spend past its credits)' : 'prepaid (spends only credits added)';
  const total = (field) => usage.per_day.reduce((sum, day) => sum + Number(day[field]), 0);
  document.getElementById('spend').textContent = money(total('cost'));
  document.getElementById('tokens').textContent = total('total_tokens').toLocaleString();
  drawChart(usage);
  const keys = new Map((await api('GET', 'api/keys')).data.map((key) => [key.id, key.name]));
  fillTable('per-key', usage.per_key, (group) => keys.get(group) || group || '(no key)');
  fillTable('per-model', usage.per_model, (group) => group);
}

function fillTable(id, rows, name) {
  const table = document.getElementById(id);
  const body = table.querySelector('tbody');
  body.replaceChildren();
  for (const row of rows) {
    const tr = el('tr');
    tr.append(el('td', name(row.group)), el('td', row.requests), el('td', row.prompt_tokens),
      el('td', row.completion_tokens), el('td', row.total_tokens), el('td', money(row.cost)));
    body.append(tr);
  }
  if (!rows.length) {
    const empty = el('tr');
    empty.append(el('td', 'No usage in these 30 days.', 'muted'));
    body.append(empty);
  }
  labelCells(table);
}

// One pair of bars per day: tokens (left, scaled to the busiest day) and spend (right, scaled to the costliest).
function drawChart(usage) {
  const width = 720;
  const height = 220;
  const pad = 24;
  const byDay = new Map(usage.per_day.map((day) => [day.group, day]));
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img',
    'aria-label': 'Tokens and spend per day' });
  const maxTokens = Math.max(1, ...usage.per_day.map((d) => d.total_tokens));
  const maxCost = Math.max(Number.MIN_VALUE, ...usage.per_day.map((d) => Number(d.cost)));
  const slot = (width - 2 * pad) / usage.days;
  for (let i = 0; i < usage.days; i++) {
    const date = new Date((usage.from + i * 86400) * 1000).toISOString().slice(0, 10);
    const day = byDay.get(date);
    const x = pad + i * slot;
    if (day) {
      const tokens = (height - 2 * pad) * day.total_tokens / maxTokens;
      const cost = Number(day.cost) > 0 ? (height - 2 * pad) * Number(day.cost) / maxCost : 0;
      const bar = svg('rect', { x: x + 1, y: height - pad - tokens, width: slot / 2 - 1, height: tokens,
        class: 'bar-tokens', 'data-day': date, 'data-tokens': day.total_tokens });
      bar.append(withText(svg('title', {}), `${date}: ${day.total_tokens} tokens`));
      const spend = svg('rect', { x: x + slot / 2, y: height - pad - cost, width: slot / 2 - 1, height: cost,
        class: 'bar-spend', 'data-day': date, 'data-cost': day.cost });
      spend.append(withText(svg('title', {}), `${date}: spend ${money(day.cost)}`));
      chart.append(bar, spend);
    }
    // Every 7th day and the last, but no weekly label so close to the last that the two would overlap.
    if ((i % 7 === 0 && usage.days - 1 - i >= 3) || i === usage.days - 1) {
      chart.append(withText(svg('text', { x, y: height - 6, class: 'axis' }), date.slice(5)));
    }
  }
  chart.append(svg('line', { x1: pad, y1: height - pad, x2: width - pad, y2: height - pad, class: 'axis-line' }));
  document.getElementById('chart').replaceChildren(chart);
}

async function createAccount(event, me) {
  event.preventDefault();
  await adminAction(async () => {
    const body = { name: document.getElementById('account-new-name').value.trim(),
      budget: document.getElementById('account-new-budget').value };
    const password = document.getElementById('account-new-password').value;
    if (password) body.password = password;
    const account = await api('POST', 'api/accounts', body);
    event.target.reset();
    await fillAccounts(account.id);
    await showUsage(me, account.id);
    return 'Created account ' + account.name + '.';
  });
}

async function topUp(event, me) {
  event.preventDefault();
  await adminAction(async () => {
    const account = document.getElementById('top-up-account').value;
    const credit = await api('POST', 'api/accounts/' + encodeURIComponent(account) + '/credits',
      { amount: document.getElementById('top-up-amount').value });
    document.getElementById('usage-account').value = account;
    await showUsage(me, account);
    return 'Added ' + money(credit.amount) + '; balance now ' + money(credit.balance) + '.';
  });
}

async function adminAction(work) {
  const message = document.getElementById('admin-message');
  const error = document.getElementById('admin-error');
  show(message, '');
  show(error, '');
  try {
    show(message, await work());
  } catch (e) {
    show(error, e.message);
  }
}
