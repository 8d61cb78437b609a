/**
 * The replay door (`serve --replay DIR`): a node:http listener that answers every recorded
 * request with the recorded status, headers and body bytes. Anything else gets the 404 that
 * names its near misses, or, with a fallback (`--replay-fallback world`), the world's answer.
 * The admin API is the fallback listener's (the world's), so health and accounts still answer.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { isAdminUrl } from '../engine/route-path.js';
import { sendBytes } from '../node-http/send.js';
import type { Replay } from './replay-recording.js';

/**
 * The replay door's settings.
 *
 * @example
 * replayDoor({ replay, world: createRequestListener(), fallback: true });
 */
export interface ReplayDoorSettings {
  replay: Replay;
  /** The world's listener: serves `/__admin`, and unrecorded requests when `fallback` is set. */
  world: RequestListener;
  /** Answer unrecorded requests from the world instead of a 404. Default false. */
  fallback?: boolean;
}

/**
 * The request listener of a recording.
 *
 * @example
 * http.createServer(replayDoor({ replay: createReplay(readRecording('rec')), world })).listen(4010);
 */
export function replayDoor(settings: ReplayDoorSettings): RequestListener {
  const { replay, world, fallback = false } = settings;
  return function handleReplay(req: IncomingMessage, res: ServerResponse) {
    const url = req.url ?? '/';
    const method = req.method ?? 'GET';
    if (isAdminUrl(url)) return world(req, res);
    const found = replay.find(method, url, req.headers);
    if (!('exchange' in found) && fallback) return world(req, res);
    const answer = replay.answer(method, url, req.headers);
    // A body the client sent is not read; drain it so the connection can be reused.
    req.resume();
    sendBytes(res, answer.status, answer.headers, answer.body);
  };
}
