/**
 * The console's Node handler: its pages, scripts and Swagger UI as static files, the Start
 * page's facts, and the journal's event stream. Mounted by the Node door before the engine
 * (files and a long-lived stream need Node; the engine knows nothing of them). Who may reach
 * it is the Node door's loopback rule; the Host check is the admin API's own.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Engine } from '../engine/create-engine.js';
import { adminHostRefusal } from '../engine/allowed-host.js';
import { headerText, splitUrl } from '../engine/route-path.js';
import { sendBytes, sendJson } from '../server/send.js';
import { consoleFile, consoleRootPage } from './console-files.js';
import { consoleHeaders } from './console-headers.js';
import { consoleInfo, type ConsoleDoorSettings } from './console-info.js';
import { consoleRoute, isConsoleRoot, slashRedirect } from './console-paths.js';
import { streamJournal } from './journal-events.js';

/** Answers a request when it is the console's; false leaves it to the engine. */
export type ConsoleHandler = (req: IncomingMessage, res: ServerResponse) => boolean;

/**
 * The console over an engine.
 *
 * @example
 * const console = consoleDoor(engine, { validateResponses: false, adminFromAnywhere: false });
 * if (!console(req, res)) answerFromEngine(req, res);
 */
export function consoleDoor(engine: Engine, door: ConsoleDoorSettings): ConsoleHandler {
  return function answerConsole(req, res) {
    const url = req.url ?? '/';
    const method = req.method ?? 'GET';
    const route = consoleRoute(url);
    const read = method === 'GET' || method === 'HEAD';
    // Anything but a read of `/` is the APIs' (`POST /` gets their 404, as before).
    if (route === undefined || (isConsoleRoot(url) && !read)) return false;
    const { origin, originHost } = engine.settings;
    const refusal = adminHostRefusal(headerText(req.headers.host), originHost, origin);
    if (refusal !== undefined) {
      sendJson(res, 403, {}, refusal);
      return true;
    }
    if (!read) {
      const message = `${method} is not allowed on the console; use GET, HEAD`;
      sendJson(res, 405, { allow: 'GET, HEAD' }, { statusCode: 405, error: 'Method Not Allowed', message });
      return true;
    }
    // Below a parent app's mount point Express keeps the URL the browser asked for as originalUrl.
    const redirect = slashRedirect(url, (req as { originalUrl?: string }).originalUrl ?? url);
    if (redirect !== undefined) {
      sendBytes(res, 302, { ...consoleHeaders('text/plain; charset=utf-8'), location: redirect }, '');
      return true;
    }
    if (route === '/events' && method === 'HEAD') {
      sendBytes(res, 200, consoleHeaders('text/event-stream; charset=utf-8'), '');
      return true;
    }
    if (route === '/events') {
      void streamJournal(engine.journal, req, res, splitUrl(url).rawQuery);
      return true;
    }
    if (route === '/info') {
      sendJson(res, 200, consoleHeaders('application/json; charset=utf-8'), consoleInfo(engine, door));
      return true;
    }
    const file = isConsoleRoot(url) ? consoleRootPage() : consoleFile(route);
    if (file === undefined) {
      const message = `No console route ${method} ${splitUrl(url).path}`;
      sendJson(res, 404, {}, { statusCode: 404, error: 'Not Found', message });
      return true;
    }
    sendBytes(res, 200, consoleHeaders(file.type), file.body);
    return true;
  };
}
