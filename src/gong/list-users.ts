/**
 * `GET /v2/users`: the company's users, 100 a page, with Gong's cursor; avatars (synthetic
 * users standing for Gong's own staff) only when `includeAvatars` is true.
 */
import type { MockContext } from '../mock-context.js';
import type { GongUser, GongUsersResponse } from '../schema-types.js';
import { fingerprint } from '../signing.js';
import type { WorldAccount } from '../world/world.js';
import { gongPage, pageOfCursor } from './gong-paging.js';
import { gongError, gongSuccess, type GongResult } from './gong-result.js';
import { requestIdWith } from './request-id.js';

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

/**
 * A users request's parameters, as Gong names them.
 *
 * @example
 * ```ts
 * listUsers(context, account, { cursor: records.cursor, includeAvatars: true });
 * ```
 */
export interface UsersQuery {
  /** The `cursor` of the previous page; absent for the first. */
  cursor?: string | undefined;
  /** `includeAvatars=true` lists the users' avatar URLs too. Default false. */
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
  const requestId = requestIdWith(
    context.signer,
    String(context.world.seed),
    account.id,
    'users',
    query.cursor ?? '',
    String(includeAvatars),
  );
  const scope = {
    keys: context,
    world: context.world.fingerprint,
    account: account.id,
    fingerprint: fingerprint(context, `${account.id}:users:${includeAvatars}`),
  };
  const position = pageOfCursor(scope, query.cursor);
  if ('problem' in position) return gongError(400, requestId, [position.problem]);
  const all = account.users().map((user) => user.gong);
  const listed = includeAvatars ? [...all, ...avatars(account)] : all;
  const page = gongPage(scope, listed.length, position.page);
  if (page === undefined) return gongError(400, requestId, ['cursor: points past the last page']);
  return gongSuccess({ requestId, records: page.records, users: listed.slice(page.start, page.end) });
}
