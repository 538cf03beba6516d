'use strict';
// The portal's only script: plain DOM, no framework, nothing loaded from elsewhere. Data is always written with
// textContent, never as HTML, so nothing a user typed (a key name, say) can run as script. URLs are relative so the
// portal works under any context root, not only at /.

const api = async (method, path, body) => {
  const headers = { 'Accept': 'application/json' };
  if (method !== 'GET') headers['X-AltLLM-Portal'] = '1'; // CSRF: a custom header cannot be sent cross-site
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, { method, headers, credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  const data = text ? JSON.parse(text) : null;
  if (!response.ok) {
    const error = new Error(data && data.error ? data.error.message : 'HTTP ' + response.status);
    error.status = response.status;
    throw error;
  }
  return data;
};

const el = (tag, text, cls) => {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (cls) node.className = cls;
  return node;
};

const show = (node, message) => { node.textContent = message; node.hidden = !message; };
const when = (seconds) => seconds ? new Date(seconds * 1000).toLocaleString() : '—';
const perMillion = (price) => (Number(price) * 1e6).toFixed(2);
// A missing or null limit means none: say so in words instead of showing null, -1 or a blank.
const orUnlimited = (value) => (value === null || value === undefined || value === '' || Number(value) < 0
  ? 'unlimited' : String(value));

// On a narrow screen, .stack tables show each row as a card; each cell then carries its column's name.
const labelCells = (table) => {
  const names = [...table.querySelectorAll('thead th')].filter((th) => !th.hidden).map((th) => th.textContent);
  table.querySelectorAll('tbody tr').forEach((row) => [...row.cells].forEach((cell, i) => {
    cell.dataset.label = names[i] || '';
  }));
};

async function signinPage() {
  const form = document.getElementById('signin');
  const error = document.getElementById('signin-error');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    show(error, '');
    try {
      await api('POST', 'api/session',
        { account: form.account.value.trim(), password: form.password.value });
      location.assign('keys.html');
    } catch (e) {
      show(error, e.status === 401 ? 'Wrong account or password.' : e.message);
    }
  });
}

// The signed-in user for pages behind sign-in, with the header's name and sign-out wired; null after redirecting.
async function signedIn() {
  let me;
  try {
    me = await api('GET', 'api/session');
  } catch (e) {
    location.assign('index.html');
    return null;
  }
  document.getElementById('who').textContent = me.admin ? 'admin' : me.account.name;
  document.getElementById('signout').addEventListener('click', async () => {
    await api('DELETE', 'api/session');
    location.assign('index.html');
  });
  return me;
}

async function keysPage() {
  const me = await signedIn();
  if (!me) return;
  const models = (await api('GET', '../v1/models')).data;
  const box = document.getElementById('key-models');
  for (const model of models) {
    const label = el('label');
    const check = el('input');
    check.type = 'checkbox';
    check.value = model.id;
    label.append(check, document.createTextNode(model.id));
    box.append(label);
  }
  if (me.admin) {
    document.getElementById('account-field').hidden = false;
    document.querySelectorAll('.admin-only').forEach((n) => { n.hidden = false; });
    const select = document.getElementById('key-account');
    me.accountNames = new Map();
    for (const account of (await api('GET', 'api/accounts')).data) {
      me.accountNames.set(account.id, account.name);
      const option = el('option', account.name);
      option.value = account.id;
      select.append(option);
    }
  }
  document.getElementById('create').addEventListener('submit', (event) => createKey(event, me));
  document.getElementById('copy-key').addEventListener('click', copyKey);
  document.getElementById('dismiss-key').addEventListener('click', () => {
    document.getElementById('new-key-value').textContent = '';
    document.getElementById('new-key').hidden = true;
  });
  await listKeys(me);
}

async function createKey(event, me) {
  event.preventDefault();
  const error = document.getElementById('create-error');
  show(error, '');
  const ticked = [...document.querySelectorAll('#key-models input:checked')].map((c) => c.value);
  const request = {
    name: document.getElementById('key-name').value.trim(),
    models: ticked.length ? ticked : null,
    rate_limit: { requests_per_minute: Number(document.getElementById('key-rpm').value),
      tokens_per_minute: Number(document.getElementById('key-tpm').value) },
  };
  const expires = document.getElementById('key-expires').value;
  if (expires) request.expires_at = Math.floor(Date.parse(expires + 'T23:59:59Z') / 1000);
  const credit = document.getElementById('key-credit').value;
  if (credit) request.credit_limit = credit;
  if (me.admin) request.account = document.getElementById('key-account').value;
  try {
    const created = await api('POST', 'api/keys', request);
    document.getElementById('new-key-value').textContent = created.key;
    document.getElementById('new-key').hidden = false;
    document.getElementById('create').reset();
    await listKeys(me);
  } catch (e) {
    show(error, e.message);
  }
}

async function copyKey() {
  const value = document.getElementById('new-key-value').textContent;
  const button = document.getElementById('copy-key');
  try {
    await navigator.clipboard.writeText(value);
    button.textContent = 'Copied';
  } catch (e) {
    const range = document.createRange();
    range.selectNodeContents(document.getElementById('new-key-value'));
    getSelection().removeAllRanges();
    getSelection().addRange(range);
    button.textContent = 'Selected: press Ctrl+C';
  }
}

async function listKeys(me) {
  const keys = (await api('GET', 'api/keys')).data;
  const body = document.querySelector('#keys tbody');
  body.replaceChildren();
  document.getElementById('keys-empty').hidden = keys.length > 0;
  for (const key of keys) {
    const row = el('tr');
    row.dataset.keyId = key.id;
    const limits = key.rate_limit || {};
    const cells = [key.name, null, me.admin ? me.accountNames.get(key.account) || key.account : undefined,
      key.models ? key.models.join(', ') : 'all',
      orUnlimited(limits.requests_per_minute) + ' · ' + orUnlimited(limits.tokens_per_minute),
      orUnlimited(key.credit_limit), key.expires_at ? when(key.expires_at) : 'never', when(key.created_at), when(key.last_used_at), key.revoked ? 'revoked' : 'active'];
    cells.forEach((text, i) => {
      if (text === undefined) return;
      const cell = el('td', i === 1 ? undefined : text);
      if (i === 1) cell.append(el('code', key.prefix + '…'));
      row.append(cell);
    });
    const action = el('td');
    if (!key.revoked) {
      const revoke = el('button', 'Revoke', 'danger');
      revoke.setAttribute('aria-label', 'Revoke key ' + key.name);
      revoke.addEventListener('click', async () => {
        if (!confirm('Revoke "' + key.name + '"? Clients using it stop working within seconds.')) return;
        await api('DELETE', 'api/keys/' + encodeURIComponent(key.id));
        await listKeys(me);
      });
      action.append(revoke);
    } else {
      row.classList.add('revoked');
    }
    row.append(action);
    body.append(row);
  }
  labelCells(document.getElementById('keys'));
}

async function modelsPage() {
  const body = document.querySelector('#models tbody');
  for (const model of (await api('GET', '../v1/models')).data) {
    const row = el('tr');
    const name = el('td');
    name.append(el('strong', model.name), el('br'), el('code', model.id));
    const pricing = model.pricing || {};
    let price = '—';
    if (pricing.per_second) {
      price = Object.entries(pricing.per_second).map(([res, p]) => `${res}: ${p}/s`).join(', ');
    } else if (pricing.prompt !== undefined) {
      price = `in ${perMillion(pricing.prompt)} · out ${perMillion(pricing.completion || 0)} per 1M tokens`;
    }
    row.append(name, el('td', model.description), el('td', model.context_length || '—'), el('td', price),
      el('td', (model.supported_features || []).join(', ')));
    body.append(row);
  }
  await builtinTools();
}

// The tools the gateway runs itself (GET /v1/provider), with the JSON Schema of their arguments.
async function builtinTools() {
  const tools = (await api('GET', '../v1/provider')).builtin_tools || [];
  const body = document.querySelector('#tools tbody');
  document.getElementById('no-tools').hidden = tools.length > 0;
  for (const tool of tools) {
    const row = el('tr');
    const name = el('td');
    name.append(el('code', tool.name));
    const schema = el('td');
    schema.append(el('pre', JSON.stringify(tool.parameters, null, 2), 'schema'));
    row.append(name, el('td', tool.description), schema);
    body.append(row);
  }
}

async function videosPage() {
  if (!(await signedIn())) return;
  const filter = document.getElementById('status-filter');
  filter.addEventListener('change', () => listVideos(filter.value));
  await listVideos('');
}

async function listVideos(status) {
  const tasks = (await api('GET', 'api/videos' + (status ? '?status=' + encodeURIComponent(status) : ''))).data;
  const body = document.querySelector('#videos tbody');
  body.replaceChildren();
  document.getElementById('videos-empty').hidden = tasks.length > 0;
  for (const task of tasks) {
    const row = el('tr');
    row.dataset.taskId = task.id;
    const cost = task.charged_credits !== null
      ? task.charged_credits + (task.credit_state === 'refunded' ? ' (refunded ' + task.estimated_credits + ')' : '')
      : task.estimated_credits + ' (held)';
    const statusCell = el('td', task.status, 'status');
    if (task.error) statusCell.append(el('br'), el('span', task.error.message, 'error'));
    row.append(el('td', when(task.created_at)), el('td', task.model), el('td', task.prompt),
      statusCell, el('td', task.progress === null ? '—' : task.progress + '%', 'progress'),
      el('td', cost, 'cost'));
    const media = el('td');
    if (task.video_url) {
      const player = el('video');
      player.controls = true;
      player.preload = 'none';
      player.width = 240;
      player.src = task.video_url;
      const link = el('a', 'Download');
      link.href = task.video_url;
      link.download = task.id + '.mp4';
      media.append(player, el('br'), link);
    } else {
      media.textContent = '—';
    }
    row.append(media);
    body.append(row);
  }
}

const pages = { signin: signinPage, keys: keysPage, videos: videosPage, models: modelsPage,
  usage: () => usagePage() }; // usagePage is in usage.js
pages[document.body.dataset.page]().catch((e) => console.error(e));
