/**
 * Bad unified requests, each with the status and message it must get: every parameter wrong
 * in every way it can be. Shared by the server's tests and the reliability battery.
 */
import { ACCOUNT, OCTOBER, UNIFIED_PATH, october } from './mock.js';

const valid = october();
const without = (name: string) => Object.entries(valid).filter(([key]) => key !== name);
const withParam = (name: string, value: string): [string, string][] => [...without(name), [name, value]];
const extra = (...pairs: [string, string][]): [string, string][] => [...Object.entries(valid), ...pairs];

export interface BadRequest {
  name: string;
  /** Query pairs, or a raw path+query when the encoding itself is the problem. */
  query?: [string, string][];
  path?: string;
  headers?: Record<string, string>;
  status: number;
  message: RegExp;
}

export const BAD_UNIFIED_REQUESTS: BadRequest[] = [
  // authentication
  { name: 'no Authorization header', query: extra(), headers: {}, status: 401, message: /Missing bearer token/ },
  {
    name: 'empty Authorization header',
    query: extra(),
    headers: { Authorization: '' },
    status: 401,
    message: /Missing bearer token/,
  },
  {
    name: 'Basic instead of Bearer',
    query: extra(),
    headers: { Authorization: 'Basic dTpw' },
    status: 401,
    message: /Bearer <api token>/,
  },
  {
    name: 'Bearer without a token',
    query: extra(),
    headers: { Authorization: 'Bearer ' },
    status: 401,
    message: /Bearer/,
  },
  // required parameters
  {
    name: 'nothing at all',
    query: [],
    status: 400,
    message: /Missing required query parameters: integrated_account_id, start_time, end_time/,
  },
  {
    name: 'missing integrated_account_id',
    query: without('integrated_account_id'),
    status: 400,
    message: /Missing required query parameters: integrated_account_id$/,
  },
  {
    name: 'missing start_time',
    query: without('start_time'),
    status: 400,
    message: /Missing required query parameters: start_time$/,
  },
  {
    name: 'missing end_time',
    query: without('end_time'),
    status: 400,
    message: /Missing required query parameters: end_time$/,
  },
  {
    name: 'empty start_time',
    query: withParam('start_time', ''),
    status: 400,
    message: /Missing required query parameters: start_time/,
  },
  // integrated_account_id
  {
    name: 'malformed account id',
    query: withParam('integrated_account_id', 'acme'),
    status: 400,
    message: /integrated_account_id: must be a UUID/,
  },
  {
    name: 'account id with a trailing character',
    query: withParam('integrated_account_id', `${ACCOUNT}x`),
    status: 400,
    message: /integrated_account_id: must be a UUID/,
  },
  {
    name: 'unknown account',
    query: withParam('integrated_account_id', '0b0e9a4c-3f7e-4f55-9a55-1d3c54a0c1aa'),
    status: 404,
    message: /integrated_account_id: no integrated account/,
  },
  {
    name: 'account id given twice',
    query: extra(['integrated_account_id', ACCOUNT]),
    status: 400,
    message: /integrated_account_id: given 2 times/,
  },
  {
    name: 'account id in brackets',
    query: [...without('integrated_account_id'), ['integrated_account_id[]', ACCOUNT]],
    status: 400,
    message: /takes a single value/,
  },
  // start_time / end_time
  {
    name: 'start_time not a date',
    query: withParam('start_time', 'yesterday'),
    status: 400,
    message: /start_time: must be an ISO 8601 date-time/,
  },
  {
    // A date (2026-10-01) is read as UTC; one written without zero padding is not a date.
    name: 'start_time date without padding',
    query: withParam('start_time', '2026-10-1'),
    status: 400,
    message: /start_time: must be an ISO 8601 date-time/,
  },
  {
    // Without an offset (2026-10-01T00:00:00) it is read as UTC; without seconds it is refused.
    name: 'start_time without seconds',
    query: withParam('start_time', '2026-10-01T00:00'),
    status: 400,
    message: /start_time: must be an ISO 8601/,
  },
  {
    name: 'start_time month 13',
    query: withParam('start_time', '2026-13-01T00:00:00Z'),
    status: 400,
    message: /start_time: must be an ISO 8601/,
  },
  {
    name: 'start_time February 30',
    query: withParam('start_time', '2026-02-30T00:00:00Z'),
    status: 400,
    message: /start_time: must be an ISO 8601/,
  },
  {
    name: 'end_time hour 24',
    query: withParam('end_time', '2026-11-01T24:00:00Z'),
    status: 400,
    message: /end_time: must be an ISO 8601/,
  },
  {
    name: 'end_time as epoch seconds',
    query: withParam('end_time', '1793491200'),
    status: 400,
    message: /end_time: must be an ISO 8601/,
  },
  {
    name: 'end before start',
    query: withParam('end_time', '2026-09-01T00:00:00Z'),
    status: 400,
    message: /end_time: must be after start_time/,
  },
  {
    name: 'end equal to start',
    query: withParam('end_time', OCTOBER.start_time),
    status: 400,
    message: /end_time: must be after start_time/,
  },
  {
    name: 'end_time after the current day (Gong refuses it)',
    query: withParam('end_time', '2027-01-01T00:00:00Z'),
    status: 422,
    message: /toDate: must not be after the current day/,
  },
  // limit
  {
    name: 'limit 0',
    query: extra(['limit', '0']),
    status: 400,
    message: /limit: must be a whole number from 1 to 100, got "0"/,
  },
  { name: 'limit -1', query: extra(['limit', '-1']), status: 400, message: /limit: must be a whole number/ },
  { name: 'limit 101', query: extra(['limit', '101']), status: 400, message: /limit: .*got "101"/ },
  { name: 'limit 1e9', query: extra(['limit', '1e9']), status: 400, message: /limit: .*got "1e9"/ },
  { name: 'limit text', query: extra(['limit', 'ten']), status: 400, message: /limit: .*got "ten"/ },
  { name: 'limit 2.5', query: extra(['limit', '2.5']), status: 400, message: /limit: / },
  {
    name: 'limit as an array',
    query: extra(['limit[]', '5']),
    status: 400,
    message: /limit\[\]: limit takes a single value/,
  },
  { name: 'limit twice', query: extra(['limit', '5'], ['limit', '6']), status: 400, message: /limit: given 2 times/ },
  // booleans and enums
  {
    name: 'truto_ignore_limit yes',
    query: extra(['truto_ignore_limit', 'yes']),
    status: 400,
    message: /truto_ignore_limit: must be true or false/,
  },
  {
    name: 'truto_ignore_remote_data 1',
    query: extra(['truto_ignore_remote_data', '1']),
    status: 400,
    message: /truto_ignore_remote_data: must be true or false/,
  },
  {
    name: 'unknown format',
    query: extra(['truto_response_format', 'xml']),
    status: 400,
    message: /truto_response_format: must be one of unified, raw, normalized, stream, debug/,
  },
  {
    name: 'format in capitals',
    query: extra(['truto_response_format', 'RAW']),
    status: 400,
    message: /truto_response_format/,
  },
  // key_by and exclude_fields
  {
    name: 'truto_key_by unknown field',
    query: extra(['truto_key_by', 'colour']),
    status: 400,
    message: /truto_key_by: "colour" is not a field/,
  },
  {
    name: 'truto_key_by an object field',
    query: extra(['truto_key_by', 'metrics']),
    status: 400,
    message: /truto_key_by: "metrics"/,
  },
  {
    name: 'truto_key_by a unified field on raw',
    query: extra(['truto_key_by', 'id'], ['truto_response_format', 'raw']),
    status: 400,
    message: /userId, userEmailAddress/,
  },
  {
    name: 'exclude __proto__',
    query: extra(['truto_exclude_fields[]', '__proto__']),
    status: 400,
    message: /truto_exclude_fields: "__proto__" is not a field name/,
  },
  {
    name: 'exclude a non-name',
    query: extra(['truto_exclude_fields', 'a b']),
    status: 400,
    message: /truto_exclude_fields: "a b"/,
  },
  {
    name: 'exclude with a nested bracket',
    query: extra(['truto_exclude_fields[a][b]', 'x']),
    status: 400,
    message: /truto_exclude_fields\[a\]\[b\]/,
  },
  // users
  {
    name: 'users with an empty id',
    query: extra(['users[][id]', '']),
    status: 400,
    message: /users\[\]\[id\]: a user id must not be empty/,
  },
  {
    name: 'users object without an id',
    query: extra(['users[0][name]', 'Jon']),
    status: 400,
    message: /users\[0\]: has no id/,
  },
  {
    name: 'users index given twice',
    query: extra(['users[0][id]', '1'], ['users[0][id]', '2']),
    status: 400,
    message: /users\[0\] is given twice/,
  },
  {
    name: 'users nested too deep',
    query: extra(['users[0][id][x]', '1']),
    status: 400,
    message: /users\[0\]\[id\]\[x\]: a user's id is one value/,
  },
  {
    name: 'users as a comma list (not an encoding any client sends)',
    query: extra(['users', '1,2']),
    status: 400,
    message: /users: unknown form; send users\[\]\[id\]=123 or users\[0\]\[id\]=123/,
  },
  {
    name: 'users[id] (not an encoding any client sends)',
    query: extra(['users[id]', '1']),
    status: 400,
    message: /users\[id\]: unknown form/,
  },
  {
    name: 'users id not numeric (Gong refuses it)',
    query: extra(['users[][id]', 'jon']),
    status: 422,
    message: /userIds: every id must be a string of 1 to 20 digits/,
  },
  {
    name: 'users __proto__ key',
    query: extra(['users[__proto__][id]', '1']),
    status: 400,
    message: /users\[__proto__\]\[id\]: unknown form/,
  },
  // remote_query
  {
    name: 'remote_query without a key',
    query: extra(['remote_query', 'x']),
    status: 400,
    message: /remote_query takes keys/,
  },
  {
    name: 'remote_query __proto__',
    query: extra(['remote_query[__proto__][polluted]', 'yes']),
    status: 400,
    message: /"__proto__" is not allowed/,
  },
  {
    name: 'remote_query constructor',
    query: extra(['remote_query[constructor][prototype]', 'yes']),
    status: 400,
    message: /"constructor" is not allowed/,
  },
  {
    name: 'remote_query conflicting keys',
    query: extra(['remote_query[a]', '1'], ['remote_query[a][b]', '2']),
    status: 400,
    message: /conflicts/,
  },
  {
    name: 'remote_query a bad Gong date',
    query: extra(['remote_query[filter][fromDate]', 'soon']),
    status: 422,
    message: /filter.fromDate: must be a date/,
  },
  // cursors
  {
    name: 'garbage cursor',
    query: extra(['next_cursor', 'garbage']),
    status: 400,
    message: /next_cursor: not a cursor this API returned/,
  },
  {
    name: 'base64 of JSON that is not a cursor',
    query: extra(['next_cursor', `${Buffer.from('{"a":1}').toString('base64url')}.abc`]),
    status: 400,
    message: /next_cursor: /,
  },
  { name: 'huge cursor', query: extra(['next_cursor', 'A'.repeat(5000)]), status: 400, message: /next_cursor: / },
  // encodings and sizes
  {
    name: 'bad percent-encoding',
    path: `${UNIFIED_PATH}?integrated_account_id=%E0%A4%A&start_time=x`,
    status: 400,
    message: /malformed percent-encoding/,
  },
  {
    name: 'a key that is only brackets',
    path: `${UNIFIED_PATH}?[a]=1`,
    status: 400,
    message: /malformed parameter name/,
  },
  {
    name: 'an oversized query string',
    query: extra(['remote_query[padding]', 'x'.repeat(9000)]),
    status: 400,
    message: /query string: .*at most 8192/,
  },
];
