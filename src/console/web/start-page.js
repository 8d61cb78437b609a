// Start: what is running, where to call it, each account and a curl line to paste.
import { getJson, h, shellQuote } from './dom.js';
import { MOCK_BASE } from './paths.js';

const UNIFIED = '/unified/conversational-intelligence/interactions';

function curlOf(origin, account, window) {
  const url = `${origin}${UNIFIED}?integrated_account_id=${account.id}&start_time=${window.start}&end_time=${window.end}&limit=2`;
  return `curl -H 'Authorization: Bearer any-token' ${shellQuote(url)}`;
}

/** The last whole month before `now`, as the API's start_time and end_time. */
export function lastMonth(now) {
  const date = new Date(now);
  const start = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() - 1, 1));
  const end = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1));
  const day = (d) => d.toISOString().slice(0, 10);
  return { start: `${day(start)}T00:00:00Z`, end: `${day(end)}T00:00:00Z`, from: day(start), to: day(end) };
}

export function renderStart(main) {
  const body = h('div', {}, h('p', {}, 'Loading…'));
  main.append(h('h2', {}, 'What is running'), body);
  load(body).catch((error) => body.replaceChildren(h('p', { class: 'status-bad' }, String(error))));
}

async function load(body) {
  const [info, accounts] = await Promise.all([getJson('/__admin/console/info'), getJson('/__admin/accounts')]);
  const origin = MOCK_BASE;
  const facts = info.body;
  const window = lastMonth(facts.now);
  const settings = Object.entries(facts.settings).map(([name, value]) => [
    name,
    typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value),
  ]);
  body.replaceChildren(
    h(
      'dl',
      { class: 'facts' },
      ...[
        ['version', `${facts.name} ${facts.version}`],
        ['seed', String(facts.seed)],
        ['world', `${facts.world.source} (${facts.world.accounts} accounts, fingerprint ${facts.world.fingerprint})`],
        ['now', `${facts.now} (${facts.clock} clock)`],
        ...settings,
      ].flatMap(([name, value]) => [h('dt', {}, name), h('dd', {}, value)]),
    ),
    h('h2', {}, 'Base URLs to paste'),
    h(
      'dl',
      { class: 'facts' },
      h('dt', {}, 'unified API'),
      h('dd', { class: 'mono' }, `${origin}${UNIFIED}`),
      h('dt', {}, 'Gong API of an account'),
      h('dd', { class: 'mono' }, `${origin}/gong/{integrated_account_id}  (then /v2/stats/interaction, /v2/users)`),
      h('dt', {}, 'admin API'),
      h('dd', { class: 'mono' }, `${origin}/__admin/accounts, /__admin/requests, /__admin/health`),
    ),
    h('h2', {}, 'Accounts'),
    h(
      'p',
      { class: 'note' },
      `Each account's curl asks for ${window.from} to ${window.to}, two records a page. Watch it arrive in the Journal.`,
    ),
    h(
      'table',
      {},
      h(
        'thead',
        {},
        h('tr', {}, h('th', {}, 'account'), h('th', {}, 'behaviour'), h('th', {}, 'users'), h('th', {}, 'curl')),
      ),
      h(
        'tbody',
        {},
        ...accounts.body.accounts.map((account) =>
          h(
            'tr',
            {},
            h(
              'td',
              {},
              h('div', {}, account.name),
              h('div', { class: 'mono' }, account.id),
              h('div', { class: 'note' }, account.timeZone),
            ),
            h('td', {}, account.behavior),
            h('td', {}, String(account.userCount)),
            h('td', {}, h('pre', {}, curlOf(origin, account, window))),
          ),
        ),
      ),
    ),
  );
}
