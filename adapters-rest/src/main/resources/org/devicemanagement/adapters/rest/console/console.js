// The emulator's web console: plain JavaScript, no build step, talking only to the control API
// (/_emulator/...). It polls GET /_emulator/changes twice a second and reads more only when one of
// its counters moved, so an idle console costs the server one small answer per poll.
'use strict';

const API = '/_emulator';
const POLL_MS = 500;
const KNOWN_STATES = new Set(['managed', 'retirePending', 'retireIssued', 'wipePending', 'wipeIssued',
  'deletePending', 'wipeFailed', 'retireFailed']);
const FAULT_PRESETS = {
  throttle: {
    match: { method: 'POST', path: '/*/users/*/removeAllDevicesFromManagement' },
    respond: { status: 429, retryAfter: 2 },
    times: 3,
  },
  unavailable: { respond: { status: 503 }, times: 1 },
  slow: { respond: { status: 504, delayMs: 3000 }, probability: 0.5 },
};

const view = {
  tenant: null,
  requests: null,
  search: '',
  skip: 0,
  top: 25,
  total: 0,
  userId: null,
  userLabel: '',
  journal: [],
  requestId: null,
  virtual: false,
};

const $ = (id) => document.getElementById(id);

function el(tag, attributes, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'class') element.className = value;
    else if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children) {
    if (child === undefined || child === null) continue;
    element.append(child instanceof Node ? child : String(child));
  }
  return element;
}

async function call(method, path, body) {
  const init = { method, headers: { Accept: 'application/json' } };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const response = await fetch(API + path, init);
  if (response.status === 204) return null;
  const json = await response.json().catch(() => null);
  if (!response.ok) {
    const error = json && json.error;
    throw new Error(error ? `${response.status} ${error.code}: ${error.message}` : `HTTP ${response.status}`);
  }
  return json;
}

function showMessage(text) {
  const message = $('message');
  message.textContent = text || '';
  message.hidden = !text;
}

async function act(what) {
  try {
    showMessage('');
    await what();
    await refresh(true);
  } catch (e) {
    showMessage(e.message);
  }
}

function formatTime(iso) {
  if (!iso) return '';
  return iso.replace('T', ' ').replace(/(\.\d{3})\d*Z$/, '$1Z');
}

function stateBadge(state, count) {
  const known = KNOWN_STATES.has(state) ? state : 'other';
  return el('span', { class: `badge state-${known}`, 'data-state': state },
    count === undefined ? state : `${state}: ${count}`);
}

// ---- the clock

function showClock(clock) {
  $('clock-now').textContent = formatTime(clock.now);
  $('clock-now').setAttribute('datetime', clock.now);
  view.virtual = clock.mode === 'virtual';
  $('clock-mode').textContent = view.virtual ? '(virtual: moves when advanced)' : '(system: real time)';
  for (const button of document.querySelectorAll('[data-by]')) {
    button.disabled = !view.virtual;
    button.title = view.virtual ? '' : 'Only a virtual clock can be advanced (serve --clock virtual)';
  }
}

// ---- users and their devices

async function loadUsers() {
  const query = new URLSearchParams({ top: view.top, skip: view.skip });
  if (view.search) query.set('search', view.search);
  const page = await call('GET', `/users?${query}`);
  if (page.value.length === 0 && view.skip > 0 && page.total > 0) {
    view.skip = Math.max(0, page.total - view.top);
    return loadUsers();
  }
  view.total = page.total;
  const rows = page.value.map((user) => {
    const open = el('button', {
      type: 'button', class: 'link open-user', 'aria-controls': 'user-devices',
      onclick: () => selectUser(user.id, user.displayName || user.userPrincipalName),
    }, user.displayName || user.userPrincipalName);
    const states = el('td', { class: 'states' },
      ...Object.entries(user.managementStates).map(([state, count]) => stateBadge(state, count)));
    return el('tr', { 'data-user-id': user.id, 'data-upn': user.userPrincipalName, class: user.id === view.userId ? 'selected' : null },
      el('td', {}, open, el('span', { class: 'upn' }, user.userPrincipalName)),
      el('td', { class: 'number device-count' }, user.managedDevices),
      states);
  });
  $('users').tBodies[0].replaceChildren(...rows);
  const first = page.total === 0 ? 0 : view.skip + 1;
  $('users-range').textContent = page.total === 0
    ? 'No user matches.'
    : `${first}–${view.skip + page.value.length} of ${page.total}`;
  $('users-previous').disabled = view.skip === 0;
  $('users-next').disabled = view.skip + page.value.length >= page.total;
}

function selectUser(id, label) {
  view.userId = id;
  view.userLabel = label;
  for (const row of $('users').tBodies[0].rows) {
    row.classList.toggle('selected', row.dataset.userId === id);
  }
  act(loadDevices);
}

function actionResults(device) {
  const results = device.deviceActionResults || [];
  if (results.length === 0) return '–';
  return el('ul', { class: 'plain' }, ...results.map((result) =>
    el('li', {}, `${result.actionName}: ${result.actionState} (since ${formatTime(result.startDateTime)})`)));
}

async function loadDevices() {
  const section = $('user-devices');
  if (!view.userId) {
    section.hidden = true;
    return;
  }
  let devices;
  try {
    devices = (await call('GET', `/users/${encodeURIComponent(view.userId)}/managedDevices`)).value;
  } catch (e) {
    if (e.message.startsWith('404')) {
      view.userId = null;
      section.hidden = true;
      return;
    }
    throw e;
  }
  section.hidden = false;
  $('devices-title').textContent = `Devices of ${view.userLabel}`;
  const rows = devices.map((device) => el('tr', { 'data-device-id': device.id, 'data-state': device.managementState },
    el('td', {}, device.deviceName, el('span', { class: 'upn' }, `${device.operatingSystem} · ${device.id}`)),
    el('td', { class: 'state' }, stateBadge(device.managementState)),
    el('td', {}, actionResults(device)),
    el('td', { class: 'last-sync' }, formatTime(device.lastSyncDateTime)),
    el('td', {}, device.checkInInterval),
    el('td', {}, el('button', {
      type: 'button', class: 'check-in',
      'aria-label': `Check ${device.deviceName} in now`,
      onclick: () => act(() => call('POST', `/managedDevices/${encodeURIComponent(device.id)}/checkIn`)),
    }, 'Check in now'))));
  $('devices').tBodies[0].replaceChildren(...rows);
  $('devices').hidden = devices.length === 0;
  $('devices-empty').hidden = devices.length !== 0;
}

// ---- the request journal

function statusMatches(status, filter) {
  if (!filter) return true;
  const wanted = filter.trim().toLowerCase();
  if (/^\dxx$/.test(wanted)) return String(status)[0] === wanted[0];
  return String(status) === wanted;
}

function callerText(caller) {
  if (!caller) return '–';
  return caller.upn || caller.oid || caller.appid || caller.type;
}

async function loadJournal() {
  view.journal = (await call('GET', '/requests?limit=500')).value;
  showJournal();
}

function showJournal() {
  const statusFilter = $('journal-status').value;
  const pathFilter = $('journal-path').value.trim().toLowerCase();
  const shown = view.journal.filter((entry) => statusMatches(entry.status, statusFilter)
    && (!pathFilter || entry.path.toLowerCase().includes(pathFilter)));
  const rows = shown.slice(0, 200).map((entry) => el('tr', {
    'data-request-id': entry.requestId, class: entry.requestId === view.requestId ? 'selected' : null,
    onclick: () => showRequest(entry.requestId),
  },
  el('td', {}, el('button', {
    type: 'button', class: 'link', 'aria-controls': 'request-details',
    onclick: (event) => { event.stopPropagation(); showRequest(entry.requestId); },
  }, formatTime(entry.time).slice(11))),
  el('td', {}, entry.method),
  el('td', { class: 'path' }, entry.path + (entry.query ? `?${entry.query}` : '')),
  el('td', { class: `status status-${String(entry.status)[0]}` }, entry.status),
  el('td', {}, callerText(entry.caller)),
  el('td', { class: 'number' }, Number(entry.durationMs).toFixed(1))));
  $('requests').tBodies[0].replaceChildren(...rows);
  $('requests-empty').hidden = rows.length !== 0;
  $('requests-empty').textContent = view.journal.length === 0 ? 'No request yet.' : 'No request matches the filter.';
}

function showRequest(requestId) {
  const entry = view.journal.find((candidate) => candidate.requestId === requestId);
  if (!entry) return;
  view.requestId = requestId;
  const fields = [
    ['Time', formatTime(entry.time)], ['Method', entry.method], ['Path', entry.path],
    ['Query', entry.query || '–'], ['Status', entry.status], ['Duration', `${entry.durationMs} ms`],
    ['request-id', entry.requestId], ['client-request-id', entry.clientRequestId],
  ];
  const list = $('request-fields');
  list.replaceChildren(...fields.flatMap(([name, value]) => [el('dt', {}, name), el('dd', {}, value)]),
    el('dt', {}, 'Caller'), el('dd', {}, entry.caller ? el('pre', {}, JSON.stringify(entry.caller, null, 2)) : 'no token accepted'));
  $('request-details').hidden = false;
  for (const row of $('requests').tBodies[0].rows) {
    row.classList.toggle('selected', row.dataset.requestId === requestId);
  }
  $('request-close').focus();
}

// ---- audit events

function actorText(actor) {
  return actor.userPrincipalName || actor.applicationDisplayName || actor.applicationId || actor.type;
}

async function loadAudit() {
  const events = (await call('GET', '/auditEvents?top=20')).value;
  const items = events.map((event) => el('li', { 'data-event-id': event.id },
    el('div', {}, el('strong', {}, event.activity), ' ',
      el('span', { class: event.activityResult === 'Success' ? '' : 'failure' }, event.activityResult)),
    el('div', { class: 'meta' }, `${formatTime(event.activityDateTime)} · ${actorText(event.actor)} · ${event.displayName}`),
    event.resources.length === 0 ? null : el('table', { class: 'grid' },
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Device'), el('th', { scope: 'col' }, 'Property'),
        el('th', { scope: 'col' }, 'Before'), el('th', { scope: 'col' }, 'After'))),
      el('tbody', {}, ...event.resources.flatMap((resource) => (resource.modifiedProperties.length === 0
        ? [el('tr', {}, el('td', {}, resource.displayName), el('td', {}, '–'), el('td', {}), el('td', {}))]
        : resource.modifiedProperties.map((property) => el('tr', {},
          el('td', {}, resource.displayName), el('td', {}, property.displayName),
          el('td', {}, property.oldValue ?? '–'), el('td', {}, property.newValue ?? '–')))))))));
  $('audit-events').replaceChildren(...items);
  $('audit-empty').hidden = items.length !== 0;
}

// ---- faults

async function loadFaults() {
  const faults = (await call('GET', '/faults')).value;
  const rows = faults.map((fault) => el('tr', { 'data-fault-id': fault.id },
    el('td', {}, `${fault.match.method || 'any'} ${fault.match.path}`),
    el('td', {}, `${fault.respond.status} ${fault.respond.code}`
      + (fault.respond.delayMs ? ` after ${fault.respond.delayMs} ms` : '')
      + (fault.probability !== null ? ` (p=${fault.probability})` : '')),
    el('td', { class: 'number' }, fault.times === null ? '∞' : fault.times),
    el('td', { class: 'number' }, fault.answered),
    el('td', {}, el('button', {
      type: 'button', 'aria-label': `Remove the fault on ${fault.match.path}`,
      onclick: () => act(() => call('DELETE', `/faults/${encodeURIComponent(fault.id)}`)),
    }, 'Remove'))));
  $('fault-list').tBodies[0].replaceChildren(...rows);
  $('fault-list').hidden = rows.length === 0;
  $('faults-empty').hidden = rows.length !== 0;
}

// ---- live updates

let polling = null;

async function refresh(force) {
  const changes = await call('GET', '/changes');
  showClock(changes.clock);
  const tenantMoved = force || changes.tenant !== view.tenant;
  const requestsMoved = force || changes.requests !== view.requests;
  const work = [];
  if (tenantMoved) work.push(loadUsers(), loadDevices(), loadAudit());
  if (tenantMoved || requestsMoved) work.push(loadJournal(), loadFaults());
  await Promise.all(work);
  // Only once everything read is shown: a failed read is retried at the next poll.
  view.tenant = changes.tenant;
  view.requests = changes.requests;
}

async function poll() {
  try {
    await refresh(false);
    $('live').textContent = `Live · ${new Date().toLocaleTimeString()}`;
    $('live').classList.remove('offline');
  } catch (e) {
    $('live').textContent = `Not connected: ${e.message}`;
    $('live').classList.add('offline');
  } finally {
    polling = setTimeout(poll, POLL_MS);
  }
}

function debounce(action, ms) {
  let timer = null;
  return () => {
    clearTimeout(timer);
    timer = setTimeout(action, ms);
  };
}

function start() {
  for (const button of document.querySelectorAll('[data-by]')) {
    button.addEventListener('click', () => act(() => call('POST', '/clock/advance', { by: button.dataset.by })));
  }
  $('reset').addEventListener('click', () => {
    if (window.confirm('Reset the emulator? The tenant, clock, journal and faults go back to the start.')) {
      view.skip = 0;
      act(() => call('POST', '/reset'));
    }
  });
  $('search-form').addEventListener('submit', (event) => event.preventDefault());
  $('search').addEventListener('input', debounce(() => {
    view.search = $('search').value.trim();
    view.skip = 0;
    act(loadUsers);
  }, 200));
  $('users-previous').addEventListener('click', () => {
    view.skip = Math.max(0, view.skip - view.top);
    act(loadUsers);
  });
  $('users-next').addEventListener('click', () => {
    view.skip += view.top;
    act(loadUsers);
  });
  $('journal-filter').addEventListener('submit', (event) => event.preventDefault());
  $('journal-status').addEventListener('input', showJournal);
  $('journal-path').addEventListener('input', showJournal);
  $('request-close').addEventListener('click', () => {
    $('request-details').hidden = true;
    view.requestId = null;
    showJournal();
  });
  $('fault-form').addEventListener('submit', (event) => {
    event.preventDefault();
    act(() => call('POST', '/faults', FAULT_PRESETS[$('fault-preset').value]));
  });
  $('faults-clear').addEventListener('click', () => act(() => call('DELETE', '/faults')));
  poll();
}

document.addEventListener('DOMContentLoaded', start);
