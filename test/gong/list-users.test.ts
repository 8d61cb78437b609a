/**
 * `GET /v2/users` as data: the avatars `includeAvatars=true` adds (exactly as Gong lists its
 * own staff), the request id's inputs, and the 400s of a bad or spent cursor.
 */
import { describe, expect, it } from 'vitest';
import { listUsers } from '../../src/gong/list-users.js';
import { requestIdFor, requestIdWith } from '../../src/gong/request-id.js';
import type { MockContext } from '../../src/mock-context.js';
import type { GongUser } from '../../src/schema-types.js';
import { portableSigner } from '../../src/signing.js';
import { DEFAULT_ACCOUNT_ID } from '../../src/world/account-spec.js';
import { createWorld, type WorldAccount } from '../../src/world/world.js';

const context: MockContext = {
  world: createWorld(),
  now: () => Date.parse('2026-11-24T00:00:00Z'),
  secret: 's',
  signer: portableSigner,
};
const acme = context.world.account(DEFAULT_ACCOUNT_ID) as WorldAccount;

function avatar(id: string, team: string): GongUser {
  return {
    id,
    emailAddress: `gong-${team.toLowerCase()}+4087778603@gong.io`,
    created: '2018-12-31T16:00:00-08:00',
    active: true,
    emailAliases: [],
    trustedEmailAddress: null,
    firstName: 'Gong',
    lastName: team,
    title: null,
    phoneNumber: null,
    extension: null,
    personalMeetingUrls: [],
    managerId: null,
    meetingConsentPageUrl: null,
    spokenLanguages: [{ language: 'en-US', primary: true }],
  };
}

/** Every page of the account's users, following the cursors. */
function allPages(query: { includeAvatars?: boolean }) {
  const pages = [];
  let cursor: string | undefined;
  do {
    const result = listUsers(context, acme, { ...query, cursor });
    if (!result.ok) throw new Error(`users answered ${result.status}`);
    pages.push(result.body);
    cursor = result.body.records.cursor;
  } while (cursor !== undefined);
  return pages;
}

describe('listUsers', () => {
  it('includeAvatars=true lists Gong’s two synthetic users last, in exactly this form', () => {
    expect(acme.key).toBe(4087778603);
    const pages = allPages({ includeAvatars: true });
    expect(pages.map((page) => page.records)).toMatchObject([
      { totalRecords: 262, currentPageSize: 100, currentPageNumber: 0 },
      { totalRecords: 262, currentPageSize: 100, currentPageNumber: 1 },
      { totalRecords: 262, currentPageSize: 62, currentPageNumber: 2 },
    ]);
    const users = pages.flatMap((page) => page.users);
    expect(users.slice(0, 260)).toEqual(acme.users().map((user) => user.gong));
    expect(users.slice(260)).toEqual([
      avatar('900000040877786030', 'Support'),
      avatar('900000040877786031', 'Success'),
    ]);
  });

  it('without includeAvatars (or with it false) lists the users alone', () => {
    for (const query of [{}, { includeAvatars: false }]) {
      const pages = allPages(query);
      expect(pages.map((page) => page.records.totalRecords)).toEqual([260, 260, 260]);
      expect(pages.flatMap((page) => page.users)).toEqual(acme.users().map((user) => user.gong));
    }
  });

  it('the request id depends on the seed, account, cursor and avatars: the same query the same id', () => {
    const first = listUsers(context, acme, {});
    const again = listUsers(context, acme, { includeAvatars: false });
    const avatars = listUsers(context, acme, { includeAvatars: true });
    expect(first.body.requestId).toBe(
      requestIdWith(portableSigner, String(context.world.seed), acme.id, 'users', '', 'false'),
    );
    expect(again.body.requestId).toBe(first.body.requestId);
    expect(avatars.body.requestId).toBe(requestIdFor('42', acme.id, 'users', '', 'true'));
    const cursor = first.ok ? first.body.records.cursor : undefined;
    const second = listUsers(context, acme, { cursor });
    expect(second.body.requestId).toBe(requestIdFor('42', acme.id, 'users', cursor ?? '', 'false'));
  });

  it('a cursor is bound to includeAvatars; a bad cursor and one past the end are 400s in Gong’s words', () => {
    const first = listUsers(context, acme, { includeAvatars: true });
    const cursor = first.ok ? first.body.records.cursor : undefined;
    expect(listUsers(context, acme, { cursor, includeAvatars: false })).toEqual({
      ok: false,
      status: 400,
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: {
        requestId: requestIdFor('42', acme.id, 'users', cursor ?? '', 'false'),
        errors: [
          'cursor: the cursor belongs to a different request; send the same filter as the request that returned it',
        ],
      },
    });
    expect(listUsers(context, acme, { cursor: 'nope' }).body).toEqual({
      requestId: requestIdFor('42', acme.id, 'users', 'nope', 'false'),
      errors: ['cursor: not a cursor returned by this API'],
    });
  });

  it('an account with fewer users than a cursor’s page says the cursor points past the last page', () => {
    // The same account id with 50 users in a world of the same seed: page 1 of the big one's walk lies past its end.
    const small = createWorld({ userCount: 50 });
    const smallContext = { ...context, world: { ...small, fingerprint: context.world.fingerprint } };
    const first = listUsers(context, acme, {});
    const cursor = first.ok ? first.body.records.cursor : undefined;
    const smallAcme = small.account(DEFAULT_ACCOUNT_ID) as WorldAccount;
    expect(listUsers(smallContext, smallAcme, { cursor }).body).toEqual({
      requestId: requestIdFor('42', acme.id, 'users', cursor ?? '', 'false'),
      errors: ['cursor: points past the last page'],
    });
  });
});

describe('request ids', () => {
  it('are 19 characters of [0-9a-z], the same for the same parts, from either signer', () => {
    const id = requestIdFor('a', 'b');
    expect(id).toMatch(/^[0-9a-z]{19}$/);
    expect(requestIdWith(portableSigner, 'a', 'b')).toBe(id);
    // The parts are joined with a NUL, so moving the boundary changes the id.
    expect(requestIdFor('ab')).not.toBe(id);
    expect(requestIdFor('a\u0000b')).toBe(id);
  });

  it('each character is a digest byte modulo 36, in order', () => {
    const digest = portableSigner.sha256('x\u0000y');
    const expected = Array.from(digest.subarray(0, 19), (byte) => (byte % 36).toString(36)).join('');
    expect(requestIdFor('x', 'y')).toBe(expected);
  });
});
