/**
 * The page of the browser test: registers the MSW worker with the kit's handlers, then sends
 * the same-bytes table and the full walk to https://api.truto.one with the page's own fetch.
 * Bundled by the test with esbuild for the browser; `MOCK_OPTIONS` is defined at build time.
 */
import { setupWorker } from 'msw/browser';
import { createHandlers } from '../../src/msw.js';
import {
  SAME_BYTES_REQUESTS,
  sendSameBytes,
  walkSameBytes,
  type SameBytesAnswer,
} from '../helpers/same-bytes-requests.js';

declare const MOCK_OPTIONS: { seed: number; now: string };

const TRUTO = 'https://api.truto.one';

/** What the test calls in the page. */
export interface BrowserPage {
  ready: Promise<unknown>;
  runTable(): Promise<SameBytesAnswer[]>;
  runWalk(): Promise<SameBytesAnswer[]>;
}

const worker = setupWorker(...createHandlers(MOCK_OPTIONS));
const page: BrowserPage = {
  ready: worker.start({ serviceWorker: { url: '/mockServiceWorker.js' }, onUnhandledRequest: 'error', quiet: true }),
  async runTable() {
    const answers: SameBytesAnswer[] = [];
    for (const request of SAME_BYTES_REQUESTS) answers.push(await sendSameBytes(TRUTO, request));
    return answers;
  },
  runWalk: () => walkSameBytes(TRUTO),
};
(globalThis as unknown as { kitPage: BrowserPage }).kitPage = page;
