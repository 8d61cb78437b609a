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
