/**
 * How the engine reads a request's path: the way Express's router does, so every door routes
 * alike. Mount points and routes match whatever the case, a route with one trailing slash too.
 */

/** A request URL split at its `?`. */
export interface SplitUrl {
  /** The path as sent, not decoded. */
  path: string;
  /** The query string without `?` ('' when none). */
  rawQuery: string;
}

/** Splits a request target; an absolute-form target (`http://host/path`) gives its path. */
export function splitUrl(url: string): SplitUrl {
  let target = url;
  if (!target.startsWith('/')) {
    try {
      const parsed = new URL(target);
      target = parsed.pathname + parsed.search;
    } catch {
      // `*` and other oddities stay as they are: no route will match them.
    }
  }
  const q = target.indexOf('?');
  return q === -1 ? { path: target, rawQuery: '' } : { path: target.slice(0, q), rawQuery: target.slice(q + 1) };
}

/**
 * The rest of `path` below a mount point (`/unified`): '' or a path starting with `/`; undefined
 * when the path is not below it.
 *
 * @example
 * belowMount('/Unified/x', '/unified'); // '/x'
 * belowMount('/unifiedx', '/unified'); // undefined
 */
export function belowMount(path: string, mount: string): string | undefined {
  if (path.length < mount.length || path.slice(0, mount.length).toLowerCase() !== mount) return undefined;
  const rest = path.slice(mount.length);
  return rest === '' || rest.startsWith('/') ? rest : undefined;
}

/**
 * Whether the path below a mount is `route`, in any case, with or without one trailing slash.
 *
 * @example
 * isRoute('/V2/users/', '/v2/users'); // true
 */
export function isRoute(rest: string, route: string): boolean {
  const lower = rest.toLowerCase();
  return lower === route || lower === `${route}/`;
}

/** The path below a mount as a router names it: `/` for the mount itself. */
export function routerPath(rest: string): string {
  return rest === '' ? '/' : rest;
}

/** The admin API's mount point. */
export const ADMIN_MOUNT = '/__admin';

/** Whether a request goes to the admin API (doors check who may ask before the engine answers). */
export function isAdminUrl(url: string): boolean {
  return belowMount(splitUrl(url).path, ADMIN_MOUNT) !== undefined;
}

/**
 * A query string read as `querystring.parse` reads it (Express's "simple" parser): `+` is a
 * space, a repeated key gives a list, a malformed escape stays as sent.
 */
export function parseSimpleQuery(rawQuery: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = Object.create(null) as Record<string, string | string[]>;
  if (rawQuery === '') return out;
  for (const pair of rawQuery.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const key = decodeLoosely(eq === -1 ? pair : pair.slice(0, eq));
    const value = eq === -1 ? '' : decodeLoosely(pair.slice(eq + 1));
    const seen = out[key];
    if (seen === undefined) out[key] = value;
    else if (Array.isArray(seen)) seen.push(value);
    else out[key] = [seen, value];
  }
  return out;
}

function decodeLoosely(text: string): string {
  const spaced = text.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    // Decode what can be decoded, keep the rest, as querystring.unescape does.
    return spaced.replace(/(%[0-9a-fA-F]{2})+/g, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return run;
      }
    });
  }
}

/** A header's value as one string (the first of a list), or undefined. */
export function headerText(value: string | readonly string[] | undefined): string | undefined {
  return typeof value === 'string' ? value : value?.[0];
}
