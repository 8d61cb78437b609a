/**
 * The MSW handlers in a real browser: headless Chromium (the system's, driven by
 * playwright-core; nothing is downloaded) opens a page served from loopback, which registers
 * the worker with `setupWorker(...createHandlers())` and fetches https://api.truto.one with its
 * own fetch. Every answer must be the HTTP server's bytes. On a failure the page's screenshot
 * and console log are kept, and their folder is printed. Without a Chromium the suite is
 * skipped, and its name says how to install one.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequestListener } from '../../src/server/create-app.js';
import { findChromium, INSTALL_CHROMIUM } from '../helpers/find-chromium.js';
import { NOW } from '../helpers/mock.js';
import { SAME_BYTES_REQUESTS, sendSameBytes, walkSameBytes } from '../helpers/same-bytes-requests.js';
import type { BrowserPage } from './browser-page.js';

const OPTIONS = { seed: 42, now: NOW };
const TRUTO = 'https://api.truto.one';
const CHROMIUM = findChromium();
if (CHROMIUM === undefined)
  console.warn(
    `The browser tests are skipped: no Chromium found (CHROMIUM_PATH, chromium on the PATH). ${INSTALL_CHROMIUM}`,
  );

// CI installs Chromium first (.ci/run), so there a missing one is a failure, never a skip.
it.runIf(process.env.CI !== undefined && process.env.CI !== '')('CI has a Chromium for the browser tests', () => {
  expect(CHROMIUM, `no Chromium found: ${INSTALL_CHROMIUM}`).toBeDefined();
});

const HTML = '<!doctype html><meta charset="utf-8"><title>interactions-kit</title><script src="/page.js"></script>';

/** A loopback server of the page, its bundle and MSW's worker script. */
async function servePage(dir: string): Promise<{ server: Server; origin: string }> {
  const files: Record<string, { type: string; path: string }> = {
    '/page.js': { type: 'text/javascript', path: join(dir, 'page.js') },
    '/mockServiceWorker.js': { type: 'text/javascript', path: join(dir, 'mockServiceWorker.js') },
  };
  const server = createServer((req, res) => {
    const file = files[req.url ?? ''];
    if (req.url === '/') res.writeHead(200, { 'content-type': 'text/html' }).end(HTML);
    else if (file !== undefined) res.writeHead(200, { 'content-type': file.type }).end(readFileSync(file.path));
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** The HTTP server the browser's answers are compared with, on a port of its own. */
async function httpServer(): Promise<{ server: Server; origin: string }> {
  const server = createServer(createRequestListener({ ...OPTIONS, baseUrl: TRUTO }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

function close(server: Server | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (server === undefined) return resolve();
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

describe.skipIf(CHROMIUM === undefined)(
  `MSW handlers in headless Chromium (skipped when no Chromium is found: ${INSTALL_CHROMIUM})`,
  () => {
    let dir = '';
    const consoleLog: string[] = [];
    let pages: { server: Server; origin: string } | undefined;
    let browser: Browser | undefined;
    let page: Page | undefined;
    let failed = false;

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'interactions-kit-browser-'));
      await build({
        entryPoints: [fileURLToPath(new URL('./browser-page.ts', import.meta.url))],
        bundle: true,
        platform: 'browser',
        format: 'iife',
        outfile: join(dir, 'page.js'),
        define: { MOCK_OPTIONS: JSON.stringify(OPTIONS) },
        logLevel: 'silent',
      });
      copyFileSync(
        createRequire(import.meta.url).resolve('msw/mockServiceWorker.js'),
        join(dir, 'mockServiceWorker.js'),
      );
      pages = await servePage(dir);
      browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
      page = await browser.newPage();
      page.on('console', (message) => consoleLog.push(`${message.type()}: ${message.text()}`));
      page.on('pageerror', (error) => consoleLog.push(`pageerror: ${error.message}`));
      await page.goto(pages.origin);
      await page.evaluate(() => (globalThis as unknown as { kitPage: BrowserPage }).kitPage.ready);
    });

    afterAll(async () => {
      if (failed && page !== undefined) {
        await page.screenshot({ path: join(dir, 'screenshot.png') }).catch(() => undefined);
        writeFileSync(join(dir, 'console.log'), `${consoleLog.join('\n')}\n`);
        console.error(`The browser test failed: screenshot and console log kept in ${dir}`);
      }
      await browser?.close();
      await close(pages?.server);
      if (!failed && dir !== '') rmSync(dir, { recursive: true, force: true });
    });

    /** Runs `check`, marking the suite failed (so the evidence is kept) when it throws. */
    async function keepingEvidence(check: () => Promise<void>): Promise<void> {
      try {
        await check();
      } catch (error) {
        failed = true;
        throw error;
      }
    }

    it('the page’s fetch gets the HTTP server’s bytes for every request of the table', () =>
      keepingEvidence(async () => {
        const fromBrowser = await page!.evaluate(() =>
          (globalThis as unknown as { kitPage: BrowserPage }).kitPage.runTable(),
        );
        const http = await httpServer();
        try {
          expect(fromBrowser).toHaveLength(SAME_BYTES_REQUESTS.length);
          for (const [at, request] of SAME_BYTES_REQUESTS.entries()) {
            const fromServer = await sendSameBytes(http.origin, request);
            expect({ name: request.name, ...fromBrowser[at] }).toEqual({ name: request.name, ...fromServer });
          }
        } finally {
          await close(http.server);
        }
      }));

    it('and for every page of a full walk along next_cursor', () =>
      keepingEvidence(async () => {
        const fromBrowser = await page!.evaluate(() =>
          (globalThis as unknown as { kitPage: BrowserPage }).kitPage.runWalk(),
        );
        const http = await httpServer();
        try {
          const fromServer = await walkSameBytes(http.origin);
          expect(fromServer.length).toBeGreaterThan(5);
          expect(fromBrowser).toEqual(fromServer);
        } finally {
          await close(http.server);
        }
      }));
  },
  120_000,
);
