// Data: the world's numbers as pictures, drawn from the Gong API's own answers. One stats
// request per one-day window gives each chosen user's values day by day; one over the whole
// window gives their totals and, for every user of the account, the distribution.
import { COLORS, histogram, lineChart } from './chart.js';
import { getJson, h, shellQuote, show } from './dom.js';
import { MOCK_BASE } from './paths.js';
import { lastMonth } from './start-page.js';

export const METRICS = ['Interactivity', 'Longest Customer Story', 'Longest Monologue', 'Patience', 'Question Rate'];
const MAX_DAYS = 92;
const MAX_USERS = 8;
const PARALLEL = 6;

function nextDay(day) {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

function statsRequest(account, token, filter, cursor) {
  return {
    url: `/gong/${account}/v2/stats/interaction`,
    init: {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(cursor === undefined ? { filter } : { cursor, filter }),
    },
  };
}

/** The curl line of a stats request, to paste or to see what produced a point. */
export function statsCurl(account, filter) {
  const body = JSON.stringify({ filter });
  return `curl -X POST -H 'Authorization: Bearer any-token' -H 'content-type: application/json' --data ${shellQuote(body)} ${shellQuote(`${MOCK_BASE}/gong/${account}/v2/stats/interaction`)}`;
}

/** Stats of a window as a map userId -> { metric: value }; Gong's 404 is a window with no stats. */
async function stats(account, token, filter, { allPages = false } = {}) {
  const found = new Map();
  let cursor;
  for (let page = 0; page < 50; page++) {
    const { url, init } = statsRequest(account, token, filter, cursor);
    const answer = await getJson(url, init);
    if (answer.status === 404) break;
    if (answer.status !== 200)
      throw new Error(`${answer.status}: ${(answer.body?.errors ?? [JSON.stringify(answer.body)]).join('; ')}`);
    for (const person of answer.body.peopleInteractionStats)
      found.set(
        person.userId,
        Object.fromEntries(person.personInteractionStats.map((stat) => [stat.name, stat.value])),
      );
    cursor = answer.body.records.cursor;
    if (!allPages || cursor === undefined) break;
  }
  return found;
}

async function inTurn(items, work) {
  const results = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(PARALLEL, items.length) }, async () => {
      while (next < items.length) {
        const at = next++;
        results[at] = await work(items[at]);
      }
    }),
  );
  return results;
}

async function listUsers(account, token) {
  const users = [];
  let cursor;
  for (let page = 0; page < 5; page++) {
    const answer = await getJson(
      `/gong/${account}/v2/users${cursor === undefined ? '' : `?cursor=${encodeURIComponent(cursor)}`}`,
      {
        headers: { authorization: `Bearer ${token}` },
      },
    );
    if (answer.status !== 200) throw new Error(`users: ${answer.status} ${JSON.stringify(answer.body)}`);
    users.push(...answer.body.users);
    cursor = answer.body.records.cursor;
    if (cursor === undefined) break;
  }
  return users;
}

export function renderData(main) {
  const account = h('select', { name: 'account' });
  const token = h('input', { name: 'token', type: 'text', value: 'any-token', size: '12' });
  const from = h('input', { name: 'from', type: 'date' });
  const to = h('input', { name: 'to', type: 'date' });
  const users = h('select', { name: 'users', multiple: true, size: '6' });
  const draw = h('button', { type: 'submit' }, 'Draw');
  const status = h('p', { class: 'note', role: 'status' });
  const pick = h(
    'div',
    { class: 'panel', id: 'data-point', 'aria-live': 'polite' },
    h('p', { class: 'note' }, 'Choose a point to see the request that gives it.'),
  );
  const charts = h('div', { class: 'charts', id: 'data-charts' });
  const form = h(
    'form',
    { class: 'pickers' },
    h('label', {}, 'Account', account),
    h('label', {}, `Users (up to ${MAX_USERS})`, users),
    h('label', {}, 'From (inclusive)', from),
    h('label', {}, 'To (exclusive)', to),
    h('label', {}, 'Token', token),
    draw,
  );
  main.append(
    h('h2', {}, 'Data'),
    h(
      'p',
      { class: 'note' },
      "Each point is one user's value on one day: the Gong API's answer for that one-day window, in the account's time zone.",
    ),
    form,
    status,
    pick,
    charts,
  );

  const loadUsers = async () => {
    status.textContent = 'Loading users…';
    const list = await listUsers(account.value, token.value);
    show(
      users,
      ...list.map((user, index) =>
        h('option', { value: user.id, selected: index < 3 }, `${user.firstName} ${user.lastName} (${user.id})`),
      ),
    );
    status.textContent = `${list.length} users${list.length >= 500 ? ' (the first 500)' : ''}.`;
  };

  const onPick = ({ label, day, metric, value }) => {
    const filter = {
      fromDate: day,
      toDate: nextDay(day),
      userIds: [...users.selectedOptions].map((option) => option.value),
    };
    show(
      pick,
      h('h3', {}, `${label}: ${metric} on ${day} is ${value}`),
      h('p', {}, 'The request that gives it (the stats of that one-day window):'),
      h('pre', { 'data-request': '' }, statsCurl(account.value, filter)),
    );
  };

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const chosen = [...users.selectedOptions]
      .slice(0, MAX_USERS)
      .map((option, index) => ({ id: option.value, label: option.textContent, color: COLORS[index] }));
    const days = [];
    for (let day = from.value; day < to.value && days.length < MAX_DAYS; day = nextDay(day)) days.push(day);
    if (chosen.length === 0 || days.length === 0)
      return void (status.textContent = 'Choose at least one user and a window of a day or more.');
    draw.disabled = true;
    status.textContent = `Asking the Gong API for ${days.length} days…`;
    try {
      const userIds = chosen.map((user) => user.id);
      const [daily, totals, everyone] = await Promise.all([
        inTurn(days, (day) => stats(account.value, token.value, { fromDate: day, toDate: nextDay(day), userIds })),
        stats(account.value, token.value, { fromDate: days[0], toDate: nextDay(days.at(-1)), userIds }),
        stats(account.value, token.value, { fromDate: days[0], toDate: nextDay(days.at(-1)) }, { allPages: true }),
      ]);
      show(
        charts,
        ...METRICS.map((metric) => {
          const series = chosen.map((user) => ({
            user: user.id,
            label: user.label,
            color: user.color,
            values: daily.map((day) => day.get(user.id)?.[metric]),
          }));
          const marks = chosen.map((user) => ({
            label: user.label,
            color: user.color,
            value: totals.get(user.id)?.[metric],
          }));
          return h(
            'figure',
            { 'data-metric': metric },
            h('figcaption', {}, metric),
            lineChart({ metric, days, series, onPick }),
            h(
              'table',
              { 'aria-label': `${metric}: the window's totals` },
              h('thead', {}, h('tr', {}, h('th', {}, 'user'), h('th', {}, 'window total'))),
              h(
                'tbody',
                {},
                ...marks.map((mark) =>
                  h(
                    'tr',
                    {},
                    h('td', {}, h('span', { class: 'swatch', 'data-color': mark.color }), mark.label),
                    h('td', { 'data-total': mark.label }, mark.value === undefined ? 'no stats' : String(mark.value)),
                  ),
                ),
              ),
            ),
            h('p', { class: 'note' }, `Every user of the account over the window (${everyone.size}):`),
            histogram({ metric, values: [...everyone.values()].map((user) => user[metric]), marks }),
          );
        }),
      );
      // The swatches' colours are set through the DOM: the policy allows no inline style attribute.
      for (const swatch of charts.querySelectorAll('.swatch')) swatch.style.background = swatch.dataset.color;
      status.textContent = `${days.length} days, ${chosen.length} users, ${everyone.size} users in the distribution.`;
    } catch (error) {
      status.textContent = `The Gong API refused: ${error.message}`;
    } finally {
      draw.disabled = false;
    }
  });

  (async () => {
    const [accounts, info] = await Promise.all([getJson('/__admin/accounts'), getJson('/__admin/console/info')]);
    const list = accounts.body.accounts.filter((item) => item.userCount > 0);
    show(account, ...list.map((item) => h('option', { value: item.id }, `${item.name} (${item.behavior})`)));
    const window = lastMonth(info.body.now);
    from.value = window.from;
    to.value = window.to;
    account.addEventListener('change', () => loadUsers().catch((error) => (status.textContent = String(error))));
    if (list.length > 0) await loadUsers();
  })().catch((error) => (status.textContent = String(error)));
}
