// Journal: every request the mock answered, live from the server's event stream (one open
// connection, no polling), newest first. Whatever a client sent is shown as text only.
import { copyText, getJson, h, shellQuote, show } from './dom.js';
import { MOCK_BASE, mockUrl } from './paths.js';

const MAX_SHOWN = 1000;

/** Scenarios that break the connection (slow-body sends it all, slowly): the client got part of it or none. */
const WIRE_SCENARIOS = new Set(['connection-reset', 'empty-response', 'truncated-body', 'slow-body', 'no-response']);

/** Headers curl sets by itself, or that would be wrong to replay. */
const NOT_REPLAYED = new Set([
  'host',
  'content-length',
  'connection',
  'accept-encoding',
  'accept-language',
  'user-agent',
  'accept',
]);

/** A journal entry as a curl line. Redacted secrets stay redacted; the journal keeps no request bodies. */
export function curlOfEntry(entry, origin) {
  const url = `${origin}${entry.path}${entry.query === '' ? '' : `?${entry.query}`}`;
  const method = entry.method === 'GET' ? '' : ` -X ${entry.method}`;
  const given = Object.entries(entry.requestHeaders ?? { authorization: 'Bearer any-token' });
  const headers = given
    .filter(([name]) => !NOT_REPLAYED.has(name) && !name.startsWith('sec-'))
    .map(([name, value]) => ` -H ${shellQuote(`${name}: ${value}`)}`)
    .join('');
  const body = entry.method === 'POST' ? " --data '{...}'" : '';
  return `curl${method}${headers}${body} ${shellQuote(url)}`;
}

/** The query's parameters as the client encoded them, and decoded beside. */
function queryRows(query) {
  if (query === '') return [h('tr', {}, h('td', { colspan: '3', class: 'note' }, 'no query'))];
  return query.split('&').map((pair) => {
    const at = pair.indexOf('=');
    const name = at === -1 ? pair : pair.slice(0, at);
    const value = at === -1 ? '' : pair.slice(at + 1);
    let decoded;
    try {
      decoded = decodeURIComponent(value.replace(/\+/g, ' '));
    } catch {
      decoded = '(not valid percent-encoding)';
    }
    return h(
      'tr',
      {},
      h('td', { class: 'mono' }, name),
      h('td', { class: 'mono' }, value),
      h('td', { class: 'mono' }, decoded),
    );
  });
}

/** A table of headers, name and value, as text. */
function headerTable(id, headers) {
  const rows = Object.entries(headers ?? {}).map(([name, value]) =>
    h('tr', {}, h('td', { class: 'mono' }, name), h('td', { class: 'mono' }, value)),
  );
  if (rows.length === 0) rows.push(h('tr', {}, h('td', { colspan: '2', class: 'note' }, 'none journaled')));
  return h('table', {}, h('tbody', { id }, ...rows));
}

/** The body's start, indented when it is a whole JSON document; always text, never markup. */
function bodyText(entry) {
  const { text, truncated } = entry.responseBody;
  const type = entry.responseHeaders?.['content-type'] ?? '';
  if (truncated || !/^application\/json/.test(type)) return text;
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

function responseOf(entry) {
  const wire = entry.scenario !== undefined && WIRE_SCENARIOS.has(entry.scenario);
  return [
    h('h4', {}, `Response: ${entry.status}`),
    wire
      ? h(
          'p',
          { class: 'note' },
          `The ${entry.scenario} scenario broke the connection on purpose: the client got part of this response, or none of it.`,
        )
      : null,
    h('h5', {}, 'Headers (secrets redacted)'),
    headerTable('journal-response-headers', entry.responseHeaders),
    h('h5', {}, 'Body'),
    entry.responseBody === undefined
      ? h('p', { class: 'note' }, entry.method === 'HEAD' ? 'HEAD: no body was sent.' : 'No body journaled.')
      : [
          entry.responseBody.truncated ? h('p', { class: 'note' }, 'Its first 4 KB only: the body went on.') : null,
          h('pre', { id: 'journal-response-body', tabindex: '0' }, bodyText(entry)),
        ],
  ];
}

function detailOf(entry) {
  const curl = curlOfEntry(entry, MOCK_BASE);
  const copied = h('p', { class: 'note', role: 'status' });
  return [
    h('h3', {}, `#${entry.id} ${entry.method} ${entry.path}`),
    h(
      'dl',
      { class: 'facts' },
      ...[
        ['time', entry.time],
        ['status', String(entry.status)],
        ['duration', `${entry.durationMs} ms`],
        ['account', entry.account ?? '(none)'],
        ['scenario', entry.scenario ?? '(none)'],
      ].flatMap(([name, value]) => [h('dt', {}, name), h('dd', {}, value)]),
    ),
    h('h4', {}, 'Query as the client encoded it (secrets redacted)'),
    h(
      'table',
      {},
      h('thead', {}, h('tr', {}, h('th', {}, 'name'), h('th', {}, 'as sent'), h('th', {}, 'decoded'))),
      h('tbody', {}, ...queryRows(entry.query)),
    ),
    h('h4', {}, 'Request headers (secrets redacted)'),
    headerTable('journal-headers', entry.requestHeaders),
    ...responseOf(entry),
    h('h4', {}, 'Contract violations'),
    entry.violations === undefined
      ? h('p', { class: 'note' }, 'Not checked: start the server with --validate-responses to check every response.')
      : entry.violations.length === 0
        ? h('p', {}, 'None: the response satisfies the contract.')
        : h(
            'ul',
            {},
            ...entry.violations.map((v) =>
              h('li', { class: 'status-bad' }, `${v.pointer || '/'} ${v.rule}: ${v.message}`),
            ),
          ),
    h('h4', {}, 'As curl'),
    h('p', { class: 'note' }, 'Secrets stay redacted: put your own in place of [REDACTED].'),
    h('pre', { 'data-curl': '' }, curl),
    h('button', { type: 'button', class: 'secondary', onclick: () => copyText(curl, copied) }, 'Copy as curl'),
    copied,
  ];
}

export function renderJournal(main) {
  const entries = [];
  let selected;
  const path = h('input', { type: 'search', name: 'path', placeholder: '/v2/users' });
  const status = h('input', { type: 'text', name: 'status', inputmode: 'numeric', size: '5', placeholder: '400' });
  const account = h('input', { type: 'text', name: 'account', size: '38', placeholder: 'integrated_account_id' });
  const count = h('span', { class: 'note', role: 'status' });
  const live = h('span', { class: 'note' }, 'connecting…');
  const rows = h('tbody', { id: 'journal-rows' });
  const detail = h(
    'div',
    { class: 'panel', id: 'journal-detail', 'aria-live': 'polite' },
    h('p', { class: 'note' }, 'Choose a request to see its detail.'),
  );

  const matches = (entry) =>
    (path.value === '' || entry.path.includes(path.value)) &&
    (status.value.trim() === '' || String(entry.status) === status.value.trim()) &&
    (account.value.trim() === '' || entry.account === account.value.trim().toLowerCase());

  function choose(entry, row) {
    selected?.setAttribute('aria-selected', 'false');
    selected = row;
    row.setAttribute('aria-selected', 'true');
    show(detail, ...detailOf(entry));
  }

  function rowOf(entry) {
    const row = h(
      'tr',
      { tabindex: '0', 'aria-selected': 'false', 'data-id': String(entry.id) },
      h('td', {}, String(entry.id)),
      h('td', {}, entry.time.slice(11, 23)),
      h('td', {}, entry.method),
      h('td', { class: 'mono' }, entry.path, entry.query === '' ? '' : h('span', { class: 'note' }, `?${entry.query}`)),
      h('td', { class: entry.status >= 400 ? 'status-bad' : '' }, String(entry.status)),
      h('td', { class: 'mono' }, entry.account ? entry.account.slice(0, 8) : ''),
      h('td', {}, String(entry.durationMs)),
    );
    row.addEventListener('click', () => choose(entry, row));
    row.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        choose(entry, row);
      } else if (event.key === 'ArrowDown') row.nextElementSibling?.focus();
      else if (event.key === 'ArrowUp') row.previousElementSibling?.focus();
    });
    return row;
  }

  function counted() {
    count.textContent = `${rows.childElementCount} shown of ${entries.length} received`;
  }

  function redraw() {
    rows.replaceChildren(...entries.filter(matches).slice(-MAX_SHOWN).reverse().map(rowOf));
    counted();
  }

  const clear = h(
    'button',
    {
      type: 'button',
      class: 'secondary',
      onclick: async () => {
        const answer = await getJson('/__admin/requests', { method: 'DELETE' });
        entries.length = 0;
        redraw();
        show(detail, h('p', { class: 'note' }, `Cleared ${answer.body?.cleared ?? 0} entries.`));
      },
    },
    'Clear the journal',
  );
  for (const input of [path, status, account]) input.addEventListener('input', redraw);

  main.append(
    h('h2', {}, 'Journal ', live),
    h(
      'div',
      { class: 'filters' },
      h('label', {}, 'Path contains', path),
      h('label', {}, 'Status', status),
      h('label', {}, 'Account', account),
      clear,
      count,
    ),
    h(
      'div',
      { class: 'split' },
      h(
        'div',
        { class: 'scroll' },
        h(
          'table',
          { 'aria-label': 'Requests, newest first' },
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              ...['#', 'time (UTC)', 'method', 'path and query', 'status', 'account', 'ms'].map((name) =>
                h('th', { scope: 'col' }, name),
              ),
            ),
          ),
          rows,
        ),
      ),
      detail,
    ),
  );
  counted();

  const events = new EventSource(mockUrl('/__admin/console/events'));
  events.addEventListener('open', () => (live.textContent = '(live)'));
  events.addEventListener('error', () => (live.textContent = '(reconnecting…)'));
  events.addEventListener('request', (event) => {
    const entry = JSON.parse(event.data);
    entries.push(entry);
    if (entries.length > 5 * MAX_SHOWN) entries.splice(0, entries.length - MAX_SHOWN);
    if (matches(entry)) {
      rows.prepend(rowOf(entry));
      if (rows.childElementCount > MAX_SHOWN) rows.lastElementChild.remove();
    }
    counted();
  });
  return () => events.close();
}
