/**
 * `interactions-kit/msw`: the mock as MSW 2 request handlers, for code that calls the real URL
 * (`https://api.truto.one`) in Node tests (`setupServer`) or in a browser (`setupWorker`). It
 * imports the engine and `msw`'s core only (no Node built-in, no Express), so one entry serves
 * both runtimes; `msw` is an optional peer dependency, needed only here.
 *
 * @example
 * ```ts
 * import { setupServer } from 'msw/node';
 * import { createHandlers } from 'interactions-kit/msw';
 *
 * const server = setupServer(...createHandlers({ now: '2026-11-24T00:00:00Z' }));
 * server.listen();
 * ```
 */
export { createHandlers, type HandlersJournal, type MockHandlers } from './msw/create-handlers.js';
export { TRUTO_BASE_URL, type HandlersOptions } from './msw/handlers-options.js';
export { EngineOptionsError as AppOptionsError } from './engine/engine-options.js';
export type { JournalEntry, JournalFilter, JournalResponseBody } from './engine/journal.js';
