/**
 * What the door-run test files share: a GET whose answer is held against the contract and read
 * as JSON, and a fresh mock behind one named door for a case that needs other options.
 */
import { expect } from 'vitest';
import type { AppOptions } from '../../src/server/options.js';
import { expectContract } from './contract.js';
import { DOORS, answersOfEveryDoor, type Door, type DoorRequest, type DoorResponse } from './doors.js';
import { AUTH, walkWith, type WalkedPage } from './mock.js';

// The tests read the JSON freely, as they did supertest's `body` (typed `any` there too).
export type Json = any;

/** A door's answer with its body parsed, as supertest's `res.body`. */
export interface Parsed extends DoorResponse {
  body: Json;
}

/** GETs `path` through `door`, checks the answer against the contract, and parses its body. */
export async function getChecked(door: Door, path: string, headers: Record<string, string> = AUTH): Promise<Parsed> {
  const res = await door.send({ path, headers });
  await expectContract({ ...res, req: { method: 'GET', path } });
  return { ...res, body: JSON.parse(res.text) };
}

/** Gong's Basic credentials, as its clients send them. */
export const GONG_AUTH = { Authorization: `Basic ${btoa('key:secret')}` } as const;

/** Sends `request` through `door`, checks the answer against the contract, and parses a JSON body. */
export async function sendChecked(door: Door, request: DoorRequest): Promise<Parsed> {
  const res = await door.send(request);
  await expectDoorContract(res, request);
  return parsed(res);
}

/** Checks a door's answer to `request` against the contract. */
export async function expectDoorContract(res: DoorResponse, request: DoorRequest): Promise<void> {
  await expectContract({ ...res, req: { method: request.method ?? 'GET', path: request.path } });
}

/** A door's answer with its JSON body parsed (undefined when there is none, as for HEAD). */
export function parsed(res: DoorResponse): Parsed {
  let body: Json;
  try {
    body = JSON.parse(res.text);
  } catch {
    body = undefined;
  }
  return { ...res, body };
}

/** POSTs a Gong stats request (`body` as JSON) through `door`, checked against the contract. */
export function postStats(door: Door, account: string, body: unknown, headers: Record<string, string> = {}) {
  return sendChecked(door, {
    method: 'POST',
    path: `/gong/${account}/v2/stats/interaction`,
    headers: { ...GONG_AUTH, 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

/**
 * Sends `requests` in order to a fresh mock behind every door and expects each door's answers
 * to be the engine's, byte for byte (status, the API's headers, the body).
 */
export async function expectEveryDoorAsEngine(options: AppOptions, requests: readonly DoorRequest[]): Promise<void> {
  const answers = await answersOfEveryDoor(options, requests);
  for (const [name, list] of Object.entries(answers)) {
    if (name === 'engine') continue;
    list.forEach((answer, i) =>
      expect(answer, `${name}: ${requests[i]?.method ?? 'GET'} ${requests[i]?.path}`).toEqual(answers.engine?.[i]),
    );
  }
}

/** Runs `use` with a fresh mock of `options` behind the door called `name`, then closes it. */
export async function withDoor<T>(name: string, options: AppOptions, use: (door: Door) => Promise<T>): Promise<T> {
  const door = await (DOORS[name] as (options: AppOptions) => Promise<Door>)(options);
  try {
    return await use(door);
  } finally {
    await door.close();
  }
}

/**
 * Follows `next_cursor` from the first page to the last through `door`, each page checked
 * against the contract (see walkWith).
 */
export function walkDoor(
  door: Door,
  pairs: [string, string][],
  options: { firstCursor?: string; maxPages?: number } = {},
): Promise<WalkedPage[]> {
  return walkWith((url) => getChecked(door, url), pairs, options);
}
