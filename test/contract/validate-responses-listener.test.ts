/**
 * `validateResponses` checks each answer once it is sent, in a `finish` listener, where a
 * throw is an uncaught exception that ends the process. Whatever the validator does, the answer
 * is journalled with a violation and the process goes on. And what it checks is what was sent:
 * a stream's whole text, not an empty body (an empty NDJSON body would validate).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Contract } from '../../src/contract/index.js';
import { createEngine, type Engine } from '../../src/engine/create-engine.js';
import { nodeDoor } from '../../src/server/node-door.js';
import { AUTH, NOW, october, unifiedUrl } from '../helpers/mock.js';

let server: Server | undefined;
afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

/** The Node door validating with `contract`, on a loopback port. */
async function serve(engine: Engine, contract: Contract): Promise<string> {
  server = createServer(nodeDoor(engine, { validateResponses: true, adminFromAnywhere: false, contract }));
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('the validateResponses listener', () => {
  it('turns a validator that throws into a reported violation', async () => {
    const contract = {
      validateResponse: () => {
        throw new TypeError('schema is invalid');
      },
    } as unknown as Contract;
    const engine = createEngine({ now: NOW });
    const base = await serve(engine, contract);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      expect((await fetch(`${base}${unifiedUrl(october())}`, { headers: AUTH })).status).toBe(200);
      await vi.waitFor(async () => expect((await engine.journal.list()).requests).toHaveLength(1));
      expect((await engine.journal.list()).requests[0]?.violations).toEqual([
        { pointer: '', rule: 'validator-error', message: 'the response could not be validated: schema is invalid' },
      ]);
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('schema is invalid'));
    } finally {
      warn.mockRestore();
    }
  });

  it('validates the bytes sent: a stream whole, a page as it is', async () => {
    const seen: Array<{ path: string; body: string }> = [];
    const contract = {
      validateResponse: ({ path, body }: { path: string; body: string | Uint8Array }) => {
        seen.push({ path, body: typeof body === 'string' ? body : new TextDecoder().decode(body) });
        return [];
      },
    } as unknown as Contract;
    const base = await serve(createEngine({ now: NOW }), contract);
    const sent: string[] = [];
    for (const format of ['stream', 'unified']) {
      const res = await fetch(`${base}${unifiedUrl(october({ truto_response_format: format }))}`, { headers: AUTH });
      sent.push(await res.text());
    }
    await vi.waitFor(() => expect(seen).toHaveLength(2));
    expect(sent[0]!.split('\n').length).toBeGreaterThan(200);
    expect(seen.map((s) => s.body)).toEqual(sent);
  });
});
