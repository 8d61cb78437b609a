/**
 * The proxy door (`serve --proxy URL`): forwards every API request to the target with the
 * client's own headers (its token included, which is never logged or journaled), and pipes the
 * target's answer back unchanged: status, headers and body, a stream as a stream (`pipe`, so a
 * slow client slows the target's socket rather than filling memory). Once an answer is done it
 * is validated against the contract; violations go to the log and, with the exchange, to the
 * journal. `/__admin` is the world's, so the journal can be read as ever.
 */
import { request as httpRequest, type IncomingMessage, type RequestListener, type ServerResponse } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import { describeViolations, loadContract, type Contract, type Diagnostic } from '../contract/index.js';
import type { Engine } from '../engine/create-engine.js';
import type { EngineAnswer } from '../engine/engine-request.js';
import type { JournalViolation } from '../engine/journal.js';
import { isAdminUrl } from '../engine/route-path.js';
import { fixtureHeaders } from '../fixtures/fixture-file.js';
import { redactText, redactUrl } from '../redact.js';
import { sendJson } from '../server/send.js';
import { unifiedError } from '../unified/unified-error.js';
import { queryRecordOf } from '../reality/redact-exchange.js';
import type { ProxyRecorder } from './proxy-recorder.js';

/**
 * The proxy door's settings.
 *
 * @example
 * proxyDoor({ target: 'https://api.truto.one', engine, admin: nodeDoor(engine, door) });
 */
export interface ProxyDoorSettings {
  /** The target's base URL; a request's path and query are appended to it. */
  target: string;
  /** Its journal receives every proxied exchange. */
  engine: Engine;
  /** Answers `/__admin` (the world's door). */
  admin: RequestListener;
  /** The contract answers are validated against. Default: the package's openapi.yaml. */
  contract?: Contract;
  /** Saves each exchange (`--record DIR`). */
  recorder?: ProxyRecorder;
  /** Where violations are told. Default console.warn. */
  log?: (line: string) => void;
  /** Body bytes kept for validation and recording; past them the answer is still piped whole. Default 64 MiB. */
  maxCaptureBytes?: number;
}

/** Headers of one connection, not of the message (RFC 9110 7.6.1), and the target's own host. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'host',
]);

function forwardedHeaders(headers: IncomingMessage['headers']): Record<string, string | string[]> {
  const kept: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !HOP_BY_HOP.has(name)) kept[name] = value;
  }
  return kept;
}

/** Headers any HTTP server adds, which the journal keeps of no door's answer. */
const TRANSPORT = new Set(['content-length', 'date']);

/**
 * The target's answer in the engine's terms, for the journal's response headers and preview
 * (the same entry fields every door fills).
 */
function targetAnswer(status: number, headers: Record<string, string>, body: string): EngineAnswer {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers))
    if (!HOP_BY_HOP.has(name) && !TRANSPORT.has(name)) kept[name] = value;
  return { status, headers: kept, body, cacheable: false, delayMs: 0 };
}

function flat(headers: IncomingMessage['headers']): Record<string, string> {
  const record: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) record[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return record;
}

function decoded(bytes: Buffer, encoding: string | undefined): Buffer {
  switch (encoding?.trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return gunzipSync(bytes);
    case 'deflate':
      return inflateSync(bytes);
    case 'br':
      return brotliDecompressSync(bytes);
    default:
      return bytes;
  }
}

function validate(
  contract: Contract,
  method: string,
  url: string,
  status: number,
  headers: Record<string, string>,
  body: string,
): Diagnostic[] {
  try {
    return contract.validateResponse({ method, path: url, status, headers, body });
  } catch (error) {
    return [{ pointer: '', rule: 'validator-error', message: `the response could not be validated: ${String(error)}` }];
  }
}

/**
 * The request listener of a proxy to `settings.target`.
 *
 * @example
 * http.createServer(proxyDoor({ target: 'http://127.0.0.1:4011', engine, admin })).listen(4010);
 */
export function proxyDoor(settings: ProxyDoorSettings): RequestListener {
  const { engine, admin, recorder, log = (line) => console.warn(line), maxCaptureBytes = 64 * 1024 * 1024 } = settings;
  const contract = settings.contract ?? loadContract();
  const base = new URL(settings.target);
  const basePath = base.pathname.replace(/\/+$/, '');
  const send = base.protocol === 'https:' ? httpsRequest : httpRequest;

  return function handleProxy(req: IncomingMessage, res: ServerResponse) {
    const url = req.url ?? '/';
    if (isAdminUrl(url)) return admin(req, res);
    const method = req.method ?? 'GET';
    const started = performance.now();
    const time = new Date().toISOString();
    /** Journals the exchange; `response`, the target's headers and decoded body, when they were read whole. */
    const journal = (
      status: number,
      violations: JournalViolation[],
      response?: { headers: Record<string, string>; body: string },
    ) =>
      engine
        .record({
          method,
          url,
          status,
          scenario: undefined,
          time,
          durationMs: Math.round((performance.now() - started) * 100) / 100,
          violations,
          ...(response === undefined ? {} : { answer: targetAnswer(status, response.headers, response.body) }),
        })
        .catch((error: unknown) =>
          console.error(`interactions-kit: the journal could not record ${method} ${redactUrl(url)}: ${String(error)}`),
        );

    const upstream = send(
      {
        protocol: base.protocol,
        hostname: base.hostname,
        port: base.port,
        method,
        path: `${basePath}${url}`,
        headers: { ...forwardedHeaders(req.headers), host: base.host },
      },
      (answer) => {
        const status = answer.statusCode ?? 502;
        const headers: Record<string, string | string[]> = {};
        for (const [name, value] of Object.entries(answer.headers)) {
          if (value !== undefined && !HOP_BY_HOP.has(name)) headers[name] = value;
        }
        res.writeHead(status, answer.statusMessage, headers);
        const chunks: Buffer[] = [];
        let captured = 0;
        answer.on('data', (chunk: Buffer) => {
          captured += chunk.length;
          if (captured <= maxCaptureBytes) chunks.push(chunk);
        });
        answer.on('end', () => {
          if (captured > maxCaptureBytes) {
            log(
              `interactions-kit proxy: ${method} ${redactUrl(url)}: answer over ${maxCaptureBytes} bytes, not validated`,
            );
            void journal(status, []);
            return;
          }
          const answerHeaders = flat(answer.headers);
          let body: string;
          try {
            body = decoded(Buffer.concat(chunks), answerHeaders['content-encoding']).toString('utf8');
          } catch (error) {
            log(`interactions-kit proxy: ${method} ${redactUrl(url)}: the body could not be decoded: ${String(error)}`);
            void journal(status, [{ pointer: '/body', rule: 'content-encoding', message: String(error) }]);
            return;
          }
          const diagnostics = validate(contract, method, url, status, answerHeaders, body);
          if (diagnostics.length > 0)
            log(
              `interactions-kit proxy: ${method} ${redactUrl(url)} broke the contract:\n${redactText(describeViolations(diagnostics))}`,
            );
          void journal(
            status,
            diagnostics.map(({ pointer, rule, message }) => ({ pointer, rule, message: redactText(message) })),
            { headers: answerHeaders, body },
          );
          if (recorder !== undefined) {
            const { 'content-encoding': _encoding, 'content-length': _length, ...kept } = answerHeaders;
            const path = url.split('?')[0] ?? url;
            const query = queryRecordOf(url);
            try {
              recorder.add(
                {
                  description: `proxied: ${method} ${path}`,
                  request: {
                    method: method as 'GET',
                    path,
                    ...(Object.keys(query).length === 0 ? {} : { query }),
                    url,
                    headers: flat(forwardedHeaders(req.headers) as IncomingMessage['headers']),
                  },
                  response: { status, headers: fixtureHeaders(kept) },
                },
                body,
              );
            } catch (error) {
              log(`interactions-kit proxy: the exchange could not be recorded: ${(error as Error).message}`);
            }
          }
        });
        // pipe: the target's socket is read only as fast as the client takes the bytes.
        answer.pipe(res);
        res.on('close', () => {
          if (!res.writableFinished) answer.destroy();
        });
      },
    );
    // A client gone before the target answered: nothing is left to wait for.
    res.on('close', () => {
      if (!res.headersSent) upstream.destroy();
    });
    upstream.on('error', (error: NodeJS.ErrnoException) => {
      const reason = error.code ?? error.message;
      if (res.destroyed) return;
      if (res.headersSent) return void res.destroy();
      const failure = unifiedError(
        502,
        `interactions-kit proxy: no answer from ${redactUrl(settings.target)}: ${reason}`,
      );
      sendJson(res, failure.status, failure.headers, failure.body);
      void journal(502, []);
    });
    req.pipe(upstream);
  };
}
