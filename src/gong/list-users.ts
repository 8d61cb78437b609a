/**
 * `GET /v2/users`: the company's users, 100 a page, with Gong's cursor; avatars (synthetic
 * users standing for Gong's own staff) only when `includeAvatars` is true.
 */
import type { MockContext } from '../mock-context.js';
import type { GongUser, GongUsersResponse } from '../schema-types.js';
import { fingerprint } from '../signing.js';
import type { WorldAccount } from '../world/world.js';
import { decodeGongCursor, encodeGongCursor, gongCursorMessage } from './gong-cursor.js';
import { gongError, gongSuccess, type GongResult } from './gong-result.js';
import { GONG_PAGE_SIZE } from './page-size.js';
import { requestIdFor } from './request-id.js';

function avatars(account: WorldAccount): GongUser[] {
  return ['Support', 'Success'].map((team, i) => ({
    id: String(900_000_000_000_000_000n + BigInt(account.key) * 10n + BigInt(i)),
    emailAddress: `gong-${team.toLowerCase()}+${account.key}@gong.io`,
    created: account.zone.formatInstant(Date.UTC(2019, 0, 1)),
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
  }));
}

export interface UsersQuery {
  cursor?: string | undefined;
  includeAvatars?: boolean | undefined;
}

/**
 * Answers a users request for an account, as Gong would.
 *
 * @example
 * listUsers(context, account, { includeAvatars: false }).body; // { requestId, records, users }
 */
export function listUsers(
  context: MockContext,
  account: WorldAccount,
  query: UsersQuery,
): GongResult<GongUsersResponse> {
  const includeAvatars = query.includeAvatars === true;
  const requestId = requestIdFor(
    String(context.world.seed),
    account.id,
    'users',
    query.cursor ?? '',
    String(includeAvatars),
  );
  const filterFingerprint = fingerprint(context.secret, `${account.id}:users:${includeAvatars}`);
  let page = 0;
  if (query.cursor !== undefined) {
    const decoded = decodeGongCursor(context.secret, query.cursor, account.id, filterFingerprint);
    if ('problem' in decoded) return gongError(400, requestId, [gongCursorMessage(decoded.problem)]);
    page = decoded.page;
  }
  const all = account.users().map((user) => user.gong);
  const users = includeAvatars ? [...all, ...avatars(account)] : all;
  const start = page * GONG_PAGE_SIZE;
  if (page > 0 && start >= users.length) return gongError(400, requestId, ['cursor: points past the last page']);
  const slice = users.slice(start, start + GONG_PAGE_SIZE);
  const more = start + GONG_PAGE_SIZE < users.length;
  return gongSuccess({
    requestId,
    records: {
      totalRecords: users.length,
      currentPageSize: slice.length,
      currentPageNumber: page,
      ...(more
        ? { cursor: encodeGongCursor(context.secret, { a: account.id, f: filterFingerprint, p: page + 1 }) }
        : {}),
    },
    users: slice,
  });
}
