// The console's pages by the URL's hash: #start, #journal, #data. The API reference is a page
// of its own (reference.html), so Swagger UI's bundle loads only when it is asked for.
import { renderData } from './data-page.js';
import { renderJournal } from './journal-page.js';
import { renderStart } from './start-page.js';

const PAGES = { start: renderStart, journal: renderJournal, data: renderData };
let leave = () => {};

function route() {
  const name = location.hash.slice(1).split('?')[0] || 'start';
  const page = PAGES[name] ? name : 'start';
  for (const link of document.querySelectorAll('nav a[data-page]')) {
    if (link.dataset.page === page) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  leave();
  const main = document.getElementById('main');
  main.replaceChildren();
  leave = PAGES[page](main) ?? (() => {});
  document.title = `${page[0].toUpperCase()}${page.slice(1)} · interactions-kit console`;
}

addEventListener('hashchange', route);
route();
