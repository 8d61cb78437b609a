/**
 * NDJSON streams over a real socket: a client that stops reading stops the making of pages
 * (backpressure), reading again resumes it, and a client that goes away ends it, with the
 * pages' generator closed.
 */
import { once } from 'node:events';
import { createServer, get, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { Interaction } from '../../src/schema-types.js';
import { sendStream } from '../../src/node-http/send.js';
import { interactionLines } from '../../src/unified/interaction-json.js';
import { toInteraction } from '../../src/unified/map-interaction-stats.js';

const WINDOW = {
  fromDateTime: '2026-10-01T00:00:00-07:00',
  toDateTime: '2026-11-01T00:00:00-07:00',
  timeZone: 'America/Los_Angeles',
};
const RECORD = toInteraction(
  { userId: '1', userEmailAddress: 'a@b.c', personInteractionStats: [{ name: 'Patience', value: 1.2 }] },
  WINDOW,
);
/** About 50 KB a page: a few hundred pages would fill any socket buffer. */
const PAGE: Interaction[] = Array.from({ length: 200 }, () => RECORD);

/** Pages without end, counting how many were asked for and whether the stream closed them. */
function endlessPages() {
  const state = { made: 0, closed: false };
  function* pages(): Generator<Interaction[]> {
    try {
      for (;;) {
        state.made++;
        yield PAGE;
      }
    } finally {
      state.closed = true;
    }
  }
  return { state, pages: pages() };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `made` stops growing (the writer is held back by the socket), or 3 s pass. */
async function settled(state: { made: number }): Promise<number> {
  let last = -1;
  for (let i = 0; i < 30 && state.made !== last; i++) {
    last = state.made;
    await sleep(100);
  }
  return state.made;
}

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

async function streamTo(pages: Iterable<Interaction[]>): Promise<IncomingMessage> {
  // Each page's lines made only when the writer asks for them, as the engine's streams are.
  const lines = (function* () {
    for (const records of pages) yield interactionLines(records);
  })();
  server = createServer((_req, res) => void sendStream(res, 200, { 'content-type': 'application/x-ndjson' }, lines));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const response = get(`http://127.0.0.1:${port}/`);
  const [res] = (await once(response, 'response')) as [IncomingMessage];
  return res;
}

describe('NDJSON streams and a slow or vanishing client', () => {
  it('stop making pages while the client does not read, and go on when it reads again', async () => {
    const { state, pages } = endlessPages();
    const res = await streamTo(pages);
    res.pause();
    const held = await settled(state);
    // Socket buffers hold some pages; an endless stream without backpressure would be far past this.
    expect(held).toBeLessThan(400);
    await sleep(300);
    expect(state.made).toBe(held);

    let received = 0;
    res.on('data', (chunk: Buffer) => (received += chunk.length));
    res.resume();
    await sleep(300);
    expect(state.made).toBeGreaterThan(held);
    expect(received).toBeGreaterThan(0);
    res.destroy();
  });

  it('end when the client goes away: no page is made after, and the pages are closed', async () => {
    const { state, pages } = endlessPages();
    const res = await streamTo(pages);
    res.pause();
    const held = await settled(state);
    res.destroy();
    await sleep(300);
    expect(state.closed).toBe(true);
    // Not one page more than the socket held back: the one being waited on is never followed.
    expect(state.made).toBe(held);
  });
});
