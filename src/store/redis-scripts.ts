/**
 * The Redis store's writes as Lua scripts: Redis runs a script as one command, so an
 * increment and its window, or an append and its trimming, can never interleave with another
 * instance's. Every script sets a key's expiry in the same step, so no key lives for ever.
 */

/**
 * `incr`: KEYS[1] the counter; ARGV[1] the window in ms ('' for none), ARGV[2] the idle TTL in
 * ms of a counter without a window. Answers `{ value, pttl }`, pttl -1 without a window.
 * A window's expiry is set by its first increment only (`PEXPIRE ... NX` semantics), so the
 * window is fixed, not sliding; a windowless counter's TTL slides with every increment.
 *
 * @example
 * await client.sendCommand(['EVAL', INCR_SCRIPT, '1', 'k', '1000', '86400000']); // [1, 1000]
 */
export const INCR_SCRIPT = `
local value = redis.call('INCR', KEYS[1])
if ARGV[1] == '' then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return { value, -1 }
end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return { value, ttl }
`;

/**
 * `append`: KEYS[1] the list, KEYS[2] its total weight; ARGV[1] the item as `weight|json`,
 * ARGV[2] its weight, ARGV[3] maxItems, ARGV[4] maxWeight (-1 for none), ARGV[5] the idle TTL.
 * Pushes the item, then drops the oldest while either bound is passed. An item heavier than
 * the whole bound, or any under a bound of 0 items, is not kept.
 *
 * @example
 * await client.sendCommand(['EVAL', APPEND_SCRIPT, '2', 'l', 'l:weight', '1|"a"', '1', '10', '-1', '86400000']);
 */
export const APPEND_SCRIPT = `
local weight = tonumber(ARGV[2])
local maxItems = tonumber(ARGV[3])
local maxWeight = tonumber(ARGV[4])
if maxItems <= 0 or (maxWeight >= 0 and weight > maxWeight) then return 0 end
redis.call('RPUSH', KEYS[1], ARGV[1])
local total = tonumber(redis.call('GET', KEYS[2]) or '0') + weight
local length = redis.call('LLEN', KEYS[1])
while length > maxItems or (maxWeight >= 0 and total > maxWeight) do
  local oldest = redis.call('LPOP', KEYS[1])
  total = total - tonumber(string.match(oldest, '^([^|]*)|'))
  length = length - 1
end
redis.call('SET', KEYS[2], tostring(total), 'PX', ARGV[5])
redis.call('PEXPIRE', KEYS[1], ARGV[5])
return length
`;

/**
 * `clear`: KEYS[1] the list, KEYS[2] its total weight. Answers how many items it held.
 *
 * @example
 * await client.sendCommand(['EVAL', CLEAR_SCRIPT, '2', 'l', 'l:weight']); // 2
 */
export const CLEAR_SCRIPT = `
local length = redis.call('LLEN', KEYS[1])
redis.call('DEL', KEYS[1], KEYS[2])
return length
`;

/**
 * `listUse`: KEYS[1] the list, KEYS[2] its total weight, read together. Answers `{ items, weight }`
 * (the weight as text: Lua numbers would lose a fraction).
 *
 * @example
 * await client.sendCommand(['EVAL', USE_SCRIPT, '2', 'l', 'l:weight']); // [2, '2']
 */
export const USE_SCRIPT = `
return { redis.call('LLEN', KEYS[1]), redis.call('GET', KEYS[2]) or '0' }
`;
