/**
 * The conformance suite with Prism: against `prism mock openapi.yaml` (answers from the
 * spec's examples) and through `prism proxy openapi.yaml <mock> --errors` in front of this
 * kit's mock, where Prism checks every answer against the spec on its own.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runConformance, type ConformanceReport } from '../../src/conformance/index.js';
import { createApp, requestListener } from '../../src/server/create-app.js';
import { startPrism, type PrismServer } from '../helpers/prism.js';
import { ACCOUNT, NOW } from '../helpers/mock.js';

const WINDOW = { start: '2026-10-01T00:00:00Z', end: '2026-11-01T00:00:00Z' };
const summary = (report: ConformanceReport) =>
  report.checks.map((check) => ({
    id: check.id,
    status: check.status,
    messages: check.messages,
    diagnostics: check.diagnostics,
  }));

describe('the conformance suite with Prism', () => {
  const upstream: Server = createServer(requestListener(createApp({ now: NOW })));
  let mock: PrismServer | undefined;
  let proxy: PrismServer | undefined;

  beforeAll(async () => {
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', () => resolve()));
    const upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
    [mock, proxy] = await Promise.all([
      startPrism(),
      startPrism({ mode: 'proxy', upstream: upstreamUrl, errors: true, args: ['--validate-request=false'] }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([mock?.stop(), proxy?.stop()]);
    await new Promise<void>((resolve) => {
      upstream.close(() => resolve());
      upstream.closeAllConnections();
    });
  });

  describe('prism mock openapi.yaml', () => {
    // Prism serves the first example (`unified`) whatever the format, unless the request asks
    // for another with its `Prefer: example=<name>` header. The suite knows nothing of Prism, so
    // the test hands it a fetch that adds that header for the format each request asks for.
    const preferExample: typeof fetch = (input, init) => {
      const query = new URL(String(input)).searchParams;
      const format = query.get('truto_response_format');
      const example = query.has('truto_key_by') ? 'keyed' : format === 'stream' ? null : format;
      const headers = new Headers(init?.headers);
      if (example !== null) headers.set('prefer', `example=${example}`);
      return fetch(input, { ...init, headers });
    };
    let report: ConformanceReport;
    beforeAll(async () => {
      report = await runConformance(
        { baseUrl: mock!.url, token: 't', account: ACCOUNT, ...WINDOW },
        { fetch: preferExample },
      );
    });

    it('every answer to a schema check honours the contract, and every format passes', () => {
      const schema = report.checks.filter((check) => check.kind === 'schema');
      expect(schema.flatMap((check) => check.diagnostics)).toEqual([]);
      expect(schema.filter((check) => check.status !== 'pass').map((check) => check.id)).toEqual([
        'error-missing-start-time',
        'error-missing-end-time',
        'error-unknown-account',
        'error-bad-cursor',
      ]);
    });

    it('only the statuses a stateless mock cannot know differ', () => {
      const statusOf = (id: string) =>
        report.checks.find((check) => check.id === id)!.messages[0]?.match(/got (\d+)/)?.[1];
      // Prism answers a request that breaks the spec (a required parameter missing) with the
      // spec's 422 example: it prefers 422 to 400 for invalid requests.
      expect(statusOf('error-missing-start-time')).toBe('422');
      expect(statusOf('error-missing-end-time')).toBe('422');
      // It knows no accounts and issues no cursors, so anything well-formed gets the 200 example.
      expect(statusOf('error-unknown-account')).toBe('200');
      expect(statusOf('error-bad-cursor')).toBe('200');
    });

    it('behaviour: one page, keyed by id, but the static examples ignore exclusions', () => {
      const behaviour = Object.fromEntries(
        report.checks.filter((check) => check.kind === 'behaviour').map((check) => [check.id, check.status]),
      );
      expect(behaviour).toEqual({
        'pagination-ends': 'pass',
        'pagination-unique-records': 'pass',
        'pagination-unique-cursors': 'pass',
        'key-by': 'pass',
        // The example records carry every field; the validator flags them as it would any target's.
        'exclude-fields': 'fail',
        'ignore-remote-data': 'fail',
        'no-server-errors': 'pass',
      });
      const rules = (id: string) => [
        ...new Set(report.checks.find((check) => check.id === id)!.diagnostics.map((d) => d.rule)),
      ];
      expect(rules('exclude-fields')).toEqual(['excluded-field-present']);
      expect(rules('ignore-remote-data')).toEqual(['remote-data-present']);
    });
  });

  describe('prism proxy openapi.yaml <mock> --errors, in front of the mock', () => {
    // `--validate-request=false`: the suite sends invalid requests on purpose (no start_time, a
    // garbage cursor) and the mock must answer them; with request validation on, Prism would
    // answer them itself with its own 422. Prism still checks every answer the mock gives.
    let report: ConformanceReport;
    beforeAll(async () => {
      // Prism's security check cannot be turned off in proxy mode: a request without a token
      // never reaches the mock (see the last test), so that one check is left out here.
      report = await runConformance(
        { baseUrl: proxy!.url, token: 't', account: ACCOUNT, ...WINDOW },
        { skip: ['error-no-token'] },
      );
    });

    it('passes every check', () => {
      expect(summary(report).filter((check) => check.status !== 'pass' && check.id !== 'error-no-token')).toEqual([]);
      expect(report.summary).toMatchObject({ failed: 0, skipped: 1 });
    });

    it('Prism reported no violation on any answer (no sl-violations header, no 5xx from --errors)', () => {
      const requests = report.checks.flatMap((check) => check.requests);
      expect(requests.length).toBeGreaterThan(15);
      expect(requests.filter((request) => request.headers['sl-violations'] !== undefined)).toEqual([]);
      expect(requests.filter((request) => request.status === null || request.status >= 500)).toEqual([]);
    });

    it('a request without a token is answered by Prism itself, never forwarded', async () => {
      let unauthenticated = 0;
      const count = (req: { headers: Record<string, unknown> }) =>
        void (req.headers.authorization === undefined && unauthenticated++);
      upstream.on('request', count);
      try {
        const alone = await runConformance(
          { baseUrl: proxy!.url, token: 't', account: ACCOUNT, ...WINDOW },
          { only: ['error-no-token'] },
        );
        const check = alone.checks.find((candidate) => candidate.id === 'error-no-token')!;
        expect(check.requests[0]!.status).toBe(401);
        expect(check.diagnostics.map((d) => [d.rule, d.value])).toEqual([['content-type', 'application/problem+json']]);
        expect(unauthenticated).toBe(0);
      } finally {
        upstream.off('request', count);
      }
    });
  });
});
