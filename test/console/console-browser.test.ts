/**
 * The console in a real browser: headless Chromium (the system's, driven by playwright-core;
 * nothing is downloaded) at 1280x800 against a mock on loopback. Every page loads with no
 * console error and no request leaving loopback (each request is intercepted, and any other is
 * refused and noted); the journal shows a request made after it opened; the Data page's points
 * are the Gong API's own values; the reference lists the unified operation and its "Try it
 * out" gets a 200; a hostile request shows as text and runs nothing. Screenshots of every page
 * are written to a folder that is printed. Without a Chromium the suite is skipped, and its
 * name says how to install one.
 */
import { mkdtempSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp, createRequestListener } from '../../src/server/create-app.js';
import { findChromium, INSTALL_CHROMIUM } from '../helpers/find-chromium.js';
import { ACCOUNT, AUTH, NOW, october, unifiedUrl } from '../helpers/mock.js';

const CHROMIUM = findChromium();
if (CHROMIUM === undefined)
  console.warn(
    `The console's browser tests are skipped: no Chromium found (CHROMIUM_PATH, chromium on the PATH). ${INSTALL_CHROMIUM}`,
  );

// CI installs Chromium first (.ci/run), so there a missing one is a failure, never a skip.
it.runIf(process.env.CI !== undefined && process.env.CI !== '')('CI has a Chromium for the console tests', () => {
  expect(CHROMIUM, `no Chromium found: ${INSTALL_CHROMIUM}`).toBeDefined();
});
/** Gong answers a window without stats with a 404 (see FACTS), and Chromium logs every 4xx a page fetches. */
const EMPTY_DAY = /\/gong\/[^/]+\/v2\/stats\/interaction$/;

describe.skipIf(CHROMIUM === undefined)(
  `the console in headless Chromium (skipped when no Chromium is found: ${INSTALL_CHROMIUM})`,
  () => {
    let server: Server | undefined;
    /** A parent Express app that mounts the mock at /mock, as a user's own server would. */
    let parent: Server | undefined;
    let origin = '';
    let parentOrigin = '';
    let browser: Browser | undefined;
    let context: BrowserContext | undefined;
    const artifacts = mkdtempSync(join(tmpdir(), 'interactions-kit-console-'));
    /** Requests the page tried to send anywhere but the mock. */
    const leaks: string[] = [];
    /** Console errors and uncaught exceptions, per page. */
    const errors: string[] = [];

    beforeAll(async () => {
      server = createServer(createRequestListener({ seed: 42, now: NOW, validateResponses: true }));
      await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
      origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const outer = express();
      outer.use('/mock', createApp({ seed: 42, now: NOW }));
      parent = createServer(outer);
      await new Promise<void>((resolve) => parent!.listen(0, '127.0.0.1', resolve));
      parentOrigin = `http://127.0.0.1:${(parent.address() as AddressInfo).port}`;
      browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
      context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      await context.route('**/*', (route) => {
        const url = route.request().url();
        if (url.startsWith(`${origin}/`) || url.startsWith(`${parentOrigin}/mock`)) return route.continue();
        leaks.push(url);
        return route.abort();
      });
    });

    afterAll(async () => {
      await browser?.close();
      for (const listening of [server, parent])
        await new Promise<void>((resolve) => {
          if (listening === undefined) return resolve();
          listening.close(() => resolve());
          listening.closeAllConnections();
        });
      console.log(`The console's screenshots are in ${artifacts}`);
    });

    async function open(path: string, at = origin): Promise<Page> {
      const page = await context!.newPage();
      page.on('console', (message) => {
        if (message.type() !== 'error') return;
        const where = message.location().url;
        if (/status of 404/.test(message.text()) && EMPTY_DAY.test(new URL(where || 'x:/').pathname)) return;
        errors.push(`${path}: ${message.text()} (${where})`);
      });
      page.on('pageerror', (error) => errors.push(`${path}: ${error.message}`));
      page.on('dialog', (dialog) => {
        errors.push(`${path}: a dialog opened: ${dialog.message()}`);
        void dialog.dismiss();
      });
      await page.goto(`${at}${path}`);
      return page;
    }

    /** A screenshot of the viewport, or of the whole page (the journal's detail runs below the fold). */
    async function shoot(page: Page, name: string, fullPage = false) {
      await page.screenshot({ path: join(artifacts, `console-${name}.png`), fullPage });
    }

    function clean() {
      expect(errors).toEqual([]);
      expect(leaks).toEqual([]);
    }

    it('Start: what is running, the base URLs and a curl per account', async () => {
      const page = await open('/');
      await page.locator('table tbody tr').first().waitFor();
      const text = await page.locator('main').innerText();
      expect(text).toContain('seed');
      expect(text).toContain(`${origin}/unified/conversational-intelligence/interactions`);
      expect(text).toContain(`integrated_account_id=${ACCOUNT}`);
      await shoot(page, 'start');
      await page.close();
      clean();
    });

    it('Journal: a request made after it opened appears, live, within 2 s', async () => {
      const page = await open('/__admin/console/#journal');
      await page.getByText('(live)').waitFor();
      const probe = `probe-${Date.now()}`;
      await (await fetch(`${origin}${unifiedUrl(october({ limit: '2', note: probe }))}`, { headers: AUTH })).text();
      const row = page.locator('#journal-rows tr', { hasText: probe });
      await row.waitFor({ timeout: 2000 });
      await row.click();
      const detail = await page.locator('#journal-detail').innerText();
      expect(detail).toContain('/unified/conversational-intelligence/interactions');
      expect(detail).toContain(probe);
      expect(detail).toContain('Response: 200');
      expect(await page.locator('#journal-response-body').innerText()).toMatch(/^\{\n {2}"result": \[/);
      expect(await page.locator('#journal-detail pre[data-curl]').innerText()).toMatch(
        /^curl -H 'authorization: Bearer \[REDACTED\]' 'http:/,
      );
      await shoot(page, 'journal', true);
      await page.close();
      clean();
    });

    it('Data: a known user’s daily points and window totals are the Gong API’s own values', async () => {
      const page = await open('/__admin/console/#data');
      await page.locator('select[name=users] option').first().waitFor();
      expect(await page.inputValue('input[name=from]')).toBe('2026-10-01');
      await page.getByRole('button', { name: 'Draw' }).click();
      const points = page.locator('figure[data-metric="Patience"] circle');
      await points.first().waitFor({ timeout: 20_000 });
      const shown = await points.evaluateAll((circles) =>
        circles.map((circle) => ({
          user: circle.getAttribute('data-user') ?? undefined,
          day: circle.getAttribute('data-day') ?? undefined,
          value: circle.getAttribute('data-value') ?? undefined,
        })),
      );
      const user = shown[0]!.user!;
      const mine = shown.filter((point) => point.user === user);
      expect(mine.length).toBeGreaterThan(5);
      for (const point of mine) {
        const next = new Date(Date.parse(`${point.day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
        const api = await gongStats({ fromDate: point.day!, toDate: next, userIds: [user] });
        expect({ day: point.day, value: Number(point.value) }).toEqual({
          day: point.day,
          value: api.get(user)?.Patience,
        });
      }
      const totals = await gongStats({ fromDate: '2026-10-01', toDate: '2026-11-01', userIds: [user] });
      const total = await page
        .locator('figure[data-metric="Patience"] tbody tr', { hasText: user })
        .locator('td')
        .nth(1)
        .innerText();
      expect(Number(total)).toBe(totals.get(user)?.Patience);
      await points.first().click();
      expect(await page.locator('#data-point pre[data-request]').innerText()).toContain(`"fromDate":"${mine[0]!.day}"`);
      await shoot(page, 'data');
      await page.close();
      clean();
    });

    it('API reference: lists the unified operation, and its "Try it out" gets a 200 from this mock', async () => {
      const page = await open('/__admin/console/reference');
      const operation = page.locator('#operations-Unified-listInteractions');
      await operation.waitFor({ timeout: 20_000 });
      expect(await operation.innerText()).toContain('/unified/conversational-intelligence/interactions');
      await shoot(page, 'reference');
      await page
        .getByRole('button', { name: /Authorize/ })
        .first()
        .click();
      await page.locator('.modal-ux input').first().fill('any-token');
      await page.locator('.modal-ux button.authorize').first().click();
      await page.locator('.modal-ux button.btn-done').first().click();
      await operation.locator('.opblock-summary-control').click();
      // "Try it out" is on from the start (tryItOutEnabled): the fields are ready to fill.
      await operation.locator('tr[data-param-name="integrated_account_id"] input').fill(ACCOUNT);
      await operation.locator('tr[data-param-name="start_time"] input').fill('2026-10-01T00:00:00Z');
      await operation.locator('tr[data-param-name="end_time"] input').fill('2026-11-01T00:00:00Z');
      const [response] = await Promise.all([
        page.waitForResponse((res) => res.url().includes('/unified/conversational-intelligence/interactions')),
        operation.getByRole('button', { name: 'Execute' }).click(),
      ]);
      expect(response.status()).toBe(200);
      expect(new URL(response.url()).origin).toBe(origin);
      await operation.locator('.live-responses-table tbody .response-col_status').first().waitFor();
      expect(await operation.locator('.live-responses-table tbody .response-col_status').first().innerText()).toContain(
        '200',
      );
      await page.close();
      clean();
    });

    it('hostile input shows as text and runs nothing', async () => {
      const hostile = [
        '<script>window.pwned="script"</script>',
        '<img src=x onerror="window.pwned=\'img\'">',
        'javascript:window.pwned="link"',
      ];
      for (const [at, text] of hostile.entries())
        await (
          await fetch(
            `${origin}${unifiedUrl(october())}&hostile${at}=${encodeURIComponent(text)}&${encodeURIComponent(text)}=1`,
            {
              headers: { ...AUTH, 'x-note': text, referer: 'javascript:alert(1)' },
            },
          )
        ).text();
      // Not encoded at all, as a careless client sends it (fetch would encode it).
      await new Promise<void>((resolve, reject) =>
        request(
          `${origin}/unified/conversational-intelligence/interactions?q=<img/src=x/onerror=window.pwned=4>`,
          { headers: AUTH },
          (res) => res.resume().on('end', resolve),
        )
          .on('error', reject)
          .end(),
      );
      const page = await open('/__admin/console/#journal');
      const rows = page.locator('#journal-rows tr');
      // The journal keeps the query with `<` and `>` escaped; the detail decodes it, as text.
      const raw = page.locator('#journal-rows tr', { hasText: 'onerror=window.pwned=4' });
      await raw.waitFor();
      await raw.click();
      expect(await page.locator('#journal-detail').innerText()).toContain('<img/src=x/onerror=window.pwned=4>');
      for (let at = 0; at < (await rows.count()); at++) await rows.nth(at).click();
      for (const [at, text] of hostile.entries()) {
        await page
          .locator('#journal-rows tr', { hasText: `hostile${at}=` })
          .first()
          .click();
        expect(await page.locator('#journal-detail').innerText(), `hostile text ${at}`).toContain(text);
        expect(await page.locator('#journal-headers').innerText(), `hostile header ${at}`).toContain(text);
      }
      expect(
        await page.locator('#journal-rows img, #journal-detail img, main script, main a[href^="javascript"]').count(),
      ).toBe(0);
      expect(await page.evaluate(() => (globalThis as { pwned?: string }).pwned)).toBeUndefined();
      await shoot(page, 'journal-hostile');
      await page.close();
      clean();
    });

    it('a response’s headers and the start of its body show as text, hostile ones too; violations show', async () => {
      const hostile = '<img src=x onerror=window.pwned=1>';
      // The 400 quotes the bad value back: the response body carries the hostile text.
      await (
        await fetch(`${origin}${unifiedUrl(october({ start_time: hostile }))}`, {
          headers: { ...AUTH, 'x-note': '<script>window.pwned=2</script>' },
        })
      ).text();
      await (
        await fetch(`${origin}${unifiedUrl(october({ truto_response_format: 'stream', note: 'streamed' }))}`, {
          headers: AUTH,
        })
      ).text();
      // A method the contract does not document: --validate-responses finds the 405 a violation.
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
      try {
        await (
          await fetch(`${origin}${unifiedUrl(october({ note: 'put' }))}`, { method: 'PUT', headers: AUTH })
        ).text();
      } finally {
        warn.mockRestore();
      }
      const page = await open('/__admin/console/#journal');
      const bad = page.locator('#journal-rows tr', { hasText: 'onerror' }).first();
      await bad.waitFor();
      await bad.click();
      const detail = page.locator('#journal-detail');
      expect(await detail.innerText()).toContain('Response: 400');
      expect(await page.locator('#journal-response-headers').innerText()).toContain('application/json');
      const body = await page.locator('#journal-response-body').innerText();
      expect(body).toContain('"statusCode": 400');
      expect(body).toContain(hostile);
      expect(await page.locator('#journal-headers').innerText()).toContain('<script>window.pwned=2</script>');
      await shoot(page, 'journal-response');
      await page.locator('#journal-rows tr', { hasText: 'note=streamed' }).first().click();
      expect(await detail.innerText()).toContain('Its first 4 KB only');
      expect(await page.locator('#journal-response-headers').innerText()).toContain('application/x-ndjson');
      expect(await page.locator('#journal-response-body').innerText()).toMatch(/^\{"id":/);
      await page.locator('#journal-rows tr', { hasText: 'note=put' }).first().click();
      expect(await detail.innerText()).toContain('Response: 405');
      expect(await detail.locator('li.status-bad').first().innerText()).toMatch(/documented/);
      expect(await page.locator('main img, main script').count()).toBe(0);
      expect(await page.evaluate(() => (globalThis as { pwned?: number }).pwned)).toBeUndefined();
      await page.close();
      clean();
    });

    it('under a parent app’s mount point (/mock): every page, the live journal and the reference’s server carry the prefix', async () => {
      const start = await open('/mock', parentOrigin);
      await start.locator('table tbody tr').first().waitFor();
      expect(new URL(start.url()).pathname).toBe('/mock/');
      expect(await start.locator('main').innerText()).toContain(
        `${parentOrigin}/mock/unified/conversational-intelligence/interactions`,
      );
      await start.close();
      const journal = await open('/mock/__admin/console/#journal', parentOrigin);
      await journal.getByText('(live)').waitFor();
      const probe = `mounted-${Date.now()}`;
      await (
        await fetch(`${parentOrigin}/mock${unifiedUrl(october({ limit: '1', note: probe }))}`, { headers: AUTH })
      ).text();
      const row = journal.locator('#journal-rows tr', { hasText: probe });
      await row.waitFor({ timeout: 2000 });
      await row.click();
      expect(await journal.locator('#journal-detail pre[data-curl]').innerText()).toContain(
        `'${parentOrigin}/mock/unified/conversational-intelligence/interactions?`,
      );
      await journal.close();
      const data = await open('/mock/__admin/console/#data', parentOrigin);
      await data.locator('select[name=users] option').first().waitFor();
      await data.close();
      const reference = await open('/mock/__admin/console/reference', parentOrigin);
      await reference.locator('#operations-Unified-listInteractions').waitFor({ timeout: 20_000 });
      expect(await reference.locator('.servers select').innerText()).toContain(`${parentOrigin}/mock`);
      await reference.close();
      clean();
    });

    /** The Gong API's stats of a window, per user, asked from outside the browser. */
    async function gongStats(filter: { fromDate: string; toDate: string; userIds: string[] }) {
      const response = await fetch(`${origin}/gong/${ACCOUNT}/v2/stats/interaction`, {
        method: 'POST',
        headers: { ...AUTH, 'content-type': 'application/json' },
        body: JSON.stringify({ filter }),
      });
      const found = new Map<string, Record<string, number>>();
      if (response.status === 404) return found;
      const body = (await response.json()) as {
        peopleInteractionStats: { userId: string; personInteractionStats: { name: string; value: number }[] }[];
      };
      for (const person of body.peopleInteractionStats)
        found.set(
          person.userId,
          Object.fromEntries(person.personInteractionStats.map((stat) => [stat.name, stat.value])),
        );
      return found;
    }
  },
  180_000,
);
