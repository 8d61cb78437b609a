/**
 * Where the console lives: `/` (what a newcomer opens first) and below `/__admin/console`, so
 * the admin API's loopback rule and Host check cover it as they cover the rest of /__admin.
 */
import { belowMount, splitUrl } from '../engine/route-path.js';

/** The console's mount point; its pages, assets and event stream are below it. */
export const CONSOLE_MOUNT = '/__admin/console';

/**
 * Whether a URL is the console's front door, `/` (with or without a query).
 *
 * @example
 * isConsoleRoot('/?x=1'); // true
 * isConsoleRoot('/unified'); // false
 */
export function isConsoleRoot(url: string): boolean {
  return splitUrl(url).path === '/';
}

/** A path segment that can be sent back as a relative URL as it is (RFC 3986's pchar, no `\\`). */
const PLAIN_SEGMENT = /^[A-Za-z0-9._~%!$&'()*+,;=:@-]+$/;

/**
 * Where the browser must go when it asked for the console's home without the trailing slash,
 * so that the page's relative URLs resolve below it: `/__admin/console` goes to `./console/`,
 * and a parent app's mount point (`/mock`, which Express hands the mock as `/`) to `./mock/`.
 * `url` is the URL below any mount, `seen` the one the browser asked for (Express's
 * `originalUrl`). Undefined when the URL is not the console's home or needs no redirect.
 *
 * @example
 * slashRedirect('/__admin/console?x=1', '/__admin/console?x=1'); // './console/?x=1'
 * slashRedirect('/', '/mock'); // './mock/'
 * slashRedirect('/', '/'); // undefined
 */
export function slashRedirect(url: string, seen: string): string | undefined {
  if (consoleRoute(url) !== '') return undefined;
  const { path, rawQuery } = splitUrl(seen);
  if (path.endsWith('/')) return undefined;
  const last = path.slice(path.lastIndexOf('/') + 1);
  // Anything else (a backslash, which browsers read as a slash) could turn the URL into another host's.
  if (!PLAIN_SEGMENT.test(last)) return undefined;
  return `./${last}/${rawQuery === '' ? '' : `?${rawQuery}`}`;
}

/**
 * The console's route for a URL: '' for its home page, `/assets/app.js` and so on below the
 * mount, or undefined when the URL is not the console's.
 *
 * @example
 * consoleRoute('/'); // ''
 * consoleRoute('/__admin/console/events?after=3'); // '/events'
 * consoleRoute('/__admin/requests'); // undefined
 */
export function consoleRoute(url: string): string | undefined {
  if (isConsoleRoot(url)) return '';
  const rest = belowMount(splitUrl(url).path, CONSOLE_MOUNT);
  if (rest === undefined) return undefined;
  return rest === '/' ? '' : rest;
}
