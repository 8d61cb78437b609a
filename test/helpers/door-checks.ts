/**
 * What the door-run test files share: a GET whose answer is held against the contract and read
 * as JSON, and a fresh mock behind one named door for a case that needs other options.
 */
import type { AppOptions } from '../../src/server/options.js';
import { expectContract } from './contract.js';
import { DOORS, type Door, type DoorResponse } from './doors.js';
import { AUTH } from './mock.js';

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

/** Runs `use` with a fresh mock of `options` behind the door called `name`, then closes it. */
export async function withDoor<T>(name: string, options: AppOptions, use: (door: Door) => Promise<T>): Promise<T> {
  const door = await (DOORS[name] as (options: AppOptions) => Promise<Door>)(options);
  try {
    return await use(door);
  } finally {
    await door.close();
  }
}
