/**
 * The console's static files: its own pages and scripts (plain ES modules in `web/`, copied
 * next to this file by the build), Swagger UI from the swagger-ui-dist package, and the
 * package's OpenAPI document. All from disk next to the code: no CDN, nothing fetched.
 * Read once and kept; each name is looked up in a table or matched strictly, so no request can
 * name a file outside them. The pages' URLs are relative (a parent app may mount the mock below
 * a prefix), written as seen from the console's mount, `/__admin/console/`.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A file the console serves. */
export interface ConsoleFile {
  type: string;
  body: Uint8Array;
}

const TYPES: Readonly<Record<string, string>> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  json: 'application/json; charset=utf-8',
  png: 'image/png',
};

const WEB_DIR = fileURLToPath(new URL('./web/', import.meta.url));
/** The package's root: two levels up from src/console and from dist/console alike. */
const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The Swagger UI files the reference page loads, and nothing else of that package. */
const SWAGGER_UI_FILES = new Set(['swagger-ui.css', 'swagger-ui-bundle.js']);
/** A file name of the console's own: lower-case words and one known extension. */
const WEB_NAME = /^\/assets\/([a-z0-9-]+\.(?:js|css|html|png))$/;

let swaggerUiDir: string | undefined;
function swaggerUi(): string {
  swaggerUiDir ??= dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/swagger-ui-bundle.js'));
  return swaggerUiDir;
}

function fileOf(route: string): { path: string; name: string } | undefined {
  if (route === '') return { path: join(WEB_DIR, 'index.html'), name: 'index.html' };
  if (route === '/reference') return { path: join(WEB_DIR, 'reference.html'), name: 'reference.html' };
  if (route === '/favicon.png') return { path: join(swaggerUi(), 'favicon-32x32.png'), name: 'favicon.png' };
  if (route === '/openapi.json') return { path: join(PACKAGE_ROOT, 'openapi.json'), name: 'openapi.json' };
  const web = WEB_NAME.exec(route);
  if (web !== null) return { path: join(WEB_DIR, web[1] as string), name: web[1] as string };
  const swagger = /^\/swagger-ui\/([a-z.-]+)$/.exec(route);
  if (swagger !== null && SWAGGER_UI_FILES.has(swagger[1] as string))
    return { path: join(swaggerUi(), swagger[1] as string), name: swagger[1] as string };
  return undefined;
}

const kept = new Map<string, ConsoleFile | null>();
/** The root page's key among the kept files: no route looks like it (routes are '' or start with '/'). */
const ROOT_PAGE = 'root page';

/**
 * The home page as served at the mock's root (`/`, or a parent app's mount point): the same page
 * with its relative URLs (not its `#` links) reaching below the console's mount.
 *
 * @example
 * new TextDecoder().decode(consoleRootPage()?.body).includes('src="__admin/console/assets/main.js"'); // true
 */
export function consoleRootPage(): ConsoleFile | undefined {
  const found = kept.get(ROOT_PAGE);
  if (found !== undefined) return found ?? undefined;
  const page = consoleFile('');
  if (page === undefined) return undefined;
  const html = new TextDecoder().decode(page.body).replace(/ (href|src)="(?!#)/g, ' $1="__admin/console/');
  const root = { type: page.type, body: new TextEncoder().encode(html) };
  kept.set(ROOT_PAGE, root);
  return root;
}

/**
 * The file a console route names, or undefined when there is none.
 *
 * @example
 * consoleFile('')?.type; // 'text/html; charset=utf-8'
 * consoleFile('/assets/../../secret'); // undefined
 */
export function consoleFile(route: string): ConsoleFile | undefined {
  const found = kept.get(route);
  if (found !== undefined) return found ?? undefined;
  const file = fileOf(route);
  let result: ConsoleFile | null = null;
  if (file !== undefined) {
    try {
      const extension = file.name.slice(file.name.lastIndexOf('.') + 1);
      result = { type: TYPES[extension] ?? 'application/octet-stream', body: readFileSync(file.path) };
    } catch {
      result = null;
    }
  }
  // Unknown names are not kept: a client could otherwise fill the table with them.
  if (result !== null) kept.set(route, result);
  return result ?? undefined;
}
