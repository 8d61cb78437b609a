// @ts-check
/**
 * Mutation testing (`npm run mutate`): StrykerJS changes the engine and the contract module one
 * small edit at a time and runs the tests that cover each edit; a mutant that no test notices
 * is a behaviour no test pins down. Not part of `npm test` or CI: a cold run takes about an
 * hour. Runs are incremental: results are kept in reports/ (gitignored) and only mutants in
 * changed code, or covered by changed tests, run again (`npm run mutate -- --force` redoes all).
 * One file: `npm run mutate -- --mutate src/unified/parse-query-string.ts`.
 *
 * Equivalent mutants: a mutant that no input can tell apart from the original is listed here,
 * `file:line mutator`, with the reason, so a surviving one is known at a glance. The sources
 * carry no `// Stryker disable` comments: the list lives in one place; check it when a line moves.
 *
 *   src/contract/validate-response.ts:61 `start === -1` -> `false` or `start === +1`: the path has
 *     already matched a documented operation, so it is never `/?...`, and one without `?` read
 *     whole as a query names no `truto_` parameter (its segments hold no `=`).
 *   src/unified/parse-query-string.ts:25 BlockStatement `catch { return undefined; }` -> `catch {}`:
 *     a function that falls off its end returns undefined too.
 *   src/unified/parse-query-string.ts:45 StringLiteral `match[2] ?? ''` -> `?? "Stryker was here!"`
 *     (no coverage): KEY's second group always takes part in a match (empty when there are no
 *     brackets), so `match[2]` is never undefined and the `''` is never read; it is for the types.
 *   src/engine/auth.ts:30-31 (decodeBase64's catch, no coverage): the Basic pattern admits only
 *     base64 characters and a length of 4n+1 loses its last one, so atob never throws there.
 *   src/engine/auth.ts:37 ConditionalExpression `header === undefined` -> `false`: the patterns
 *     read undefined as the text "undefined", which is neither Bearer nor Basic: false either way.
 *   src/engine/route-path.ts:17 ConditionalExpression `!target.startsWith('/')` -> `true`: a
 *     target starting with `/` is no absolute URL, so `new URL` throws and it stays as it is.
 *   src/engine/route-path.ts:38 ConditionalExpression `path.length < mount.length` -> `false`: a
 *     shorter path's slice is shorter than the mount too, so it differs from it anyway.
 *   src/engine/route-path.ts:73 ConditionalExpression and StringLiteral (`rawQuery === ''`): ''
 *     splits into one empty pair, which the loop skips: the same empty record.
 *   src/gong/parse-stats-request.ts:61 LogicalOperator, ConditionalExpression (`fromDate !== undefined
 *     && toDate !== undefined` -> `||` or `true`), and :61 col 33 (`toDate !== undefined` -> `true`):
 *     a comparison with undefined is false, so a missing date never adds "must be after" either way.
 *   src/gong/parse-stats-request.ts:77 LogicalOperator, ConditionalExpression: the same for the
 *     created bounds.
 *   src/gong/parse-stats-request.ts:96 ConditionalExpression `fromDate === undefined` and
 *     `toDate === undefined` -> `false`: a missing or bad date has already pushed an error, so
 *     `errors.length > 0` returns first; the two checks are there for the types.
 *   src/unified/query-values.ts:66 ConditionalExpression `first !== undefined` -> `true`: the digit
 *     test of undefined reads the text "undefined", which is no index either.
 *   src/unified/query-values.ts:165 EqualityOperator `i < path.length` -> `i <= path.length`: the
 *     last segment always ends the walk (a break or a return), so i never reaches path.length.
 *   src/unified/unified-cursor.ts:38 ConditionalExpression, UnaryOperator, StringLiteral (`body`
 *     when there is no dot: the whole cursor less a character, its first character, or a text):
 *     with no dot `sig` is '' too, so nothing is decoded whatever `body` holds.
 *   src/unified/unified-cursor.ts:39 ConditionalExpression, UnaryOperator, StringLiteral: the same
 *     for `sig`: with no dot `body` is '', so nothing is decoded whatever `sig` holds.
 *   src/unified/unified-cursor.ts:40 StringLiteral `body === ''` -> another text: an empty body
 *     decodes to '', which JSON.parse refuses: no payload either way.
 *   src/unified/unified-cursor.ts:43 ConditionalExpression `text === undefined` -> `false`:
 *     JSON.parse(undefined) throws, and the catch leaves no payload either way.
 *   src/unified/unified-cursor.ts:44 BlockStatement `catch { payload = undefined; }` -> `catch {}`:
 *     payload is still undefined there (declared without a value, the parse never assigned).
 *   src/world/calendar.ts:64 EqualityOperator `year < 0` -> `year <= 0`: year 0 is written plainly
 *     (0000), so the expanded form never sees it.
 *   src/world/calendar.ts:103 (the offsets remembered: every mutant of the bound check): they only
 *     spare asking Intl again; starting over at any size gives the same offsets.
 *   src/world/calendar.ts:111 `utcDay * MS_PER_DAY + MS_PER_DAY - 1` -> `+ 1` (the day's last
 *     millisecond -> the next day's second): a day wrongly found unsteady is answered instant by
 *     instant, from Intl, which gives the same offsets.
 *   src/world/calendar.ts:118 `!(Math.abs(epochMs) <= MAX_INSTANT_MS)` -> `<`: the instant at the
 *     bound itself is then asked of Intl directly instead of through the remembered day: the same
 *     offset.
 *   src/world/calendar.ts:129 ConditionalExpression `match === null` -> `false`: this Node's ICU
 *     writes a zero offset as GMT+00:00, so no offset text fails the pattern here; other ICU
 *     versions write GMT alone, which is what the line is for.
 *   src/world/calendar.ts:144-150 (startOfDay's fast path and its candidates: :144 `late` read at
 *     midnight - 18 h, every mutant of the :145 condition, :145 `localMidnight + early`, :149
 *     `localMidnight + first`, :150 `localMidnight + second`): the fast path is a shortcut the
 *     general search agrees with, and `early` and `late` already are the offsets on either side
 *     of a change; they differ only where the offset changes twice within 36 hours of a midnight.
 *   src/world/calendar.ts:156 `instant < start` -> `false` or `<=`: the Set lists `early` first,
 *     and where midnight happens twice the first one is on the offset before the change, `early`.
 *   src/world/calendar.ts:162 `localMidnight - max` -> `+ max`: the halving's lower end moves
 *     later only east of UTC; a jump across midnight that starts before it is in Intl's data
 *     for 1900-2030 only at Toronto and Nassau on 1919-03-31 (searched over every zone), west.
 *   src/faults/fault-rates.ts:67 StringLiteral `kind = ''` -> `"Stryker was here!"` (and `share =
 *     ''`, no coverage): both groups of the pattern always take part in a match, so the defaults are
 *     never read; they are for the types.
 *   src/faults/fault-sequences.ts:80 ConditionalExpression `typeof value !== 'number'` -> `false`:
 *     Number.isSafeInteger is false for every non-number, so the next test refuses it anyway, with the
 *     same sentence.
 *   src/faults/latency.ts:22 ConditionalExpression `s !== undefined && ...` -> `true`: the pattern
 *     test of undefined reads the text "undefined", which is no number either: NaN both ways.
 *   src/faults/request-scenario.ts:34 OptionalChaining `.get('s')?.parameters` ->
 *     `.get('s').parameters`: the text read is `s;...`, a token followed by `;`, always a well-formed
 *     preference, so `get('s')` is never undefined.
 *   src/faults/request-scenario.ts:41 ConditionalExpression `!rawQuery.includes(SCENARIO_PARAMETER)` -> `false`:
 *     the shortcut skipped, the loop over the pairs finds no pair named `__scenario` either.
 *   src/faults/request-scenario.ts:46 ConditionalExpression `eq === pair.length - 1` -> `false`, and
 *     ArithmeticOperator `- 1` -> `+ 1`: an empty `__scenario=` then decodes to '', which
 *     requestedScenario reads as no scenario, as it reads undefined.
 *   src/lru-cache.ts:52 ConditionalExpression `key !== newest` -> `true`: the key used last is already the
 *     Map's last entry (set and get both leave it there), so moving it to the end again changes no order.
 *   src/lru-cache.ts:67 ConditionalExpression `maxEntries < 1` -> `false`: an entry stored with no room for
 *     any is evicted at once by the loop below (the size is over maxEntries): nothing is kept either way.
 *   src/faults/wire-fault.ts:56 ConditionalExpression `default:` (its `return undefined` dropped): a
 *     function that falls off its end returns undefined too.
 *   src/store/memory-store.ts:65 ConditionalExpression `counter.endsAt === Infinity` -> `false`:
 *     Infinity > clock() holds for every finite clock reading, so a windowless counter is live either
 *     way.
 *   src/gong/gong-api.ts:69 ConditionalExpression `typeof cursor === 'string'` -> `true`: a stats
 *     body whose cursor is present but not a string is refused by parseStatsRequest (a 400), and
 *     handBackCursor leaves a failure as it is; without a cursor both give undefined.
 *   src/gong/gong-cursor.ts:50 StringLiteral `body = ''` and `sig = ''` -> `"Stryker was here!"` (no
 *     coverage): the line is reached only with exactly three parts, so neither default is ever used;
 *     they are for the types.
 *   src/gong/gong-cursor.ts:54 ConditionalExpression `text === undefined` -> `false`:
 *     JSON.parse(undefined) throws, and the catch leaves no payload either way.
 *   src/gong/gong-cursor.ts:55 BlockStatement `catch { payload = undefined; }` -> `catch {}`:
 *     payload is declared without a value and the throwing parse never assigned it, so it is undefined
 *     either way.
 *   src/gong/gong-cursor.ts:64 ConditionalExpression `payload === undefined` -> `false`: with no
 *     payload `p` is undefined, `typeof p?.a !== 'string'` holds and the next check answers
 *     'malformed' too.
 *   src/world/account-spec.ts:60 StringLiteral `account.name ?? ''` -> `?? "Stryker was here!"`:
 *     every account of the embedded default world states its name, so the fallback is never read (it
 *     is for the types).
 *   src/world/account-spec.ts:61 StringLiteral `account.domain ?? ''` -> `?? "Stryker was here!"`:
 *     the same for the domain.
 *   src/world/account-spec.ts:62 StringLiteral `account.timeZone ?? 'UTC'` -> `?? ""`: the same for
 *     the time zone.
 *   src/redact.ts:33 StringLiteral `text.includes('%')` -> `text.includes("")`: without a `%` the
 *     first round decodes nothing, so `decoded === text` breaks out at once: the same text.
 *   src/redact.ts:41 ConditionalExpression `if (decoded === text) break` -> `false`: a stable text
 *     decodes to itself, so the remaining rounds (at most 3) change nothing.
 *   src/redact.ts:58 ConditionalExpression `known !== undefined` -> `false`: the Map is a pure memo
 *     of judgeName, which is deterministic; judging again gives the same answer.
 *   src/redact.ts:60 ConditionalExpression (`true`, `false`) and EqualityOperator (`>`, `<`) on
 *     `judged.size >= JUDGED_NAMES`: when the memo is cleared only bounds its memory; no export can
 *     see its size, and every answer is judgeName's either way.
 *   src/redact.ts:76 Regex `/[^a-z0-9]+/` -> `/[^a-z0-9]/`: splitting at each separator instead of
 *     each run only adds empty words, which the filter drops: the same words.
 *   src/redact.ts:81 ConditionalExpression `last !== undefined` -> `true`: KEY_WORD.test(undefined)
 *     reads the text "undefined", which does not end in key(s): false either way.
 *   src/redact.ts:92 ConditionalExpression `rawQuery === ''` -> `false`, and StringLiteral `''` ->
 *     `"Stryker was here!"`: '' splits into one empty pair, which has no `=` and is kept: '' again.
 *   src/redact.ts:214 ConditionalExpression -> `false` and LogicalOperator `||` -> `&&` (the
 *     MAYBE_SECRET pre-scan): the scan is a shortcut; text it turns away holds no secret word, `%`,
 *     user-info or bearer, so the passes (run instead) change nothing.
 *   src/redact.ts:240 ConditionalExpression -> `true` and StringLiteral `'://'`, `'='`, `'Bearer'`
 *     -> `""`: redactsAnything answering true more often only runs the passes on text they leave as it
 *     is; it is a shortcut, its false answers are the ones that matter.
 *   src/redact.ts:241 and :242 ConditionalExpression `isSecretName(...)` -> `true`: the same,
 *     redactsAnything answering true where the passes then change nothing.
 *   src/redact.ts:243 BooleanLiteral `return false` -> `true`: the same, the passes run and change
 *     nothing.
 *   src/redact.ts:284 ConditionalExpression `secret !== REDACTED` -> `true`: replacing every
 *     `[REDACTED]` with `[REDACTED]` leaves the text as it is.
 *   src/unified/unified-query.ts:80 OptionalChaining `entries.get(name)?.[0]?.value` ->
 *     `?.[0].value` and `[0]`: `!entries.has(name) ||` returns first for an absent name, and a present
 *     name's list always holds its first entry (parse-query-string creates it with one).
 *   src/unified/unified-query.ts:96 ConditionalExpression (`startMs !== undefined && endMs !==
 *     undefined` -> `true`, `startMs !== undefined` -> `true`, col 32 `endMs !== undefined` -> `true`)
 *     and LogicalOperator `&&` -> `||`: a comparison with undefined is false, so a missing or bad
 *     bound never adds "must be after" either way.
 *   src/unified/unified-query.ts:119 StringLiteral `formatText ?? ''` -> `?? "Stryker was here!"`
 *     (no coverage): a format outside RESPONSE_FORMATS was sent, so formatText is never undefined
 *     there; the `''` is for the types.
 *   src/unified/map-interaction-stats.ts:40 ArrayDeclaration `?? []` -> `?? ["Stryker was here"]`: a
 *     string has no `name`, so the loop skips it: no metrics either way.
 *   src/unified/map-interaction-stats.ts:41 ConditionalExpression `typeof stat.value !== 'number'`
 *     -> `false`: Number.isFinite is false for every non-number (it does not coerce), so the next test
 *     skips it.
 *   src/unified/gong-request.ts:13 ConditionalExpression `value !== null` -> `true`: deepMerge(null,
 *     patch) is `{...null}` merged with the patch, a copy equal to the patch that replaces null
 *     anyway; a patch is never null (remote_query holds strings and objects).
 *   src/unified/format-page.ts:58 ConditionalExpression `typeof given === 'string'` -> `true`: a
 *     given cursor that is no string never equals Gong's next cursor (a string or null made undefined)
 *     under ===, so isLooping is false either way.
 *   src/unified/mapping-failure.ts:36 OptionalChaining `before[before.length - 1]?.length` ->
 *     `.length`: split always returns at least one element, so the last is never undefined.
 *   src/unified/list-interactions.ts:120 ConditionalExpression `cursor === undefined` -> `false`:
 *     seen.has(undefined) is false, and the while condition (`cursor !== undefined`) ends the walk
 *     there anyway.
 *   src/unified/list-interactions.ts:187 ConditionalExpression `query.format === 'stream'` ->
 *     `false`, and StringLiteral `'stream'` -> `""`: parseUnifiedQuery never sets a stream's limit
 *     other than LIMIT_RANGE.default (100), which is GONG_PAGE_SIZE, so the stream's page query equals
 *     the query.
 *   src/unified/list-interactions.ts:193 MethodExpression (the `.filter` removed) and
 *     ConditionalExpression `typeof c === 'string'` -> `true`: `undefined` or `null` in the Set never
 *     equals a string cursor, the only thing it is asked about.
 *   src/unified/list-interactions.ts:195 col 36 ConditionalExpression `first.nextCursor ===
 *     pageQuery.nextCursor` -> `false`: a page's next cursor encodes a position that always differs
 *     from the one it was asked with (the offset grows, or Gong's cursor changes: isLooping nulls a
 *     Gong cursor handed back), so the two are never equal.
 *   src/engine/gong-body.ts:100 Regex `/^utf-?8$/` -> `/^utf-8$/` (and the anchors dropped): line 75
 *     has already refused every charset not starting with `utf-`, and of the decoder labels starting
 *     so only `utf-8` ends in 8, so the three patterns agree on every charset that gets here.
 *   src/engine/response-preview.ts:69 ConditionalExpression `end < bytes.length` -> `true`: when the
 *     cut is at the end, `bytes[end]` is undefined and `undefined & 0xc0` is 0, so the loop does not
 *     run either way.
 *   src/engine/answer-admin.ts:55 ConditionalExpression `value !== undefined && value !== ''` ->
 *     `true`: for an absent parameter it stores undefined under its name, which every later check
 *     (`=== undefined`) and the destructuring read as absent.
 *   src/engine/answer-admin.ts:73 ConditionalExpression `cursor === undefined` -> `false`: with no
 *     cursor it passes `after: NaN`; `entry.id <= NaN` is false, so no entry is skipped, as with the
 *     default 0 (ids start at 1).
 *   src/engine/answer-gong.ts:50 ConditionalExpression `path.length < 6` -> `false`,
 *     EqualityOperator -> `<= 6`: a shorter path's six-character slice is shorter than '/gong/' and
 *     differs from it anyway; '/gong/' itself has an empty segment, which returns undefined on line 53
 *     (same reasoning as route-path.ts:38).
 *   src/engine/gong-body.ts:40 ObjectLiteral `{ type: '', charset: undefined }` -> `{}` and
 *     StringLiteral `''` -> another text: with no Content-Type the type is undefined or another text,
 *     neither is application/json, and the charset defaults to utf-8 either way: the same 400 (its
 *     text quotes the header, not the type).
 *   src/engine/gong-body.ts:41 StringLiteral `type = ''` (no coverage): split always yields a first
 *     element, so the default is never read; it is for the types.
 *   src/engine/response-preview.ts:45 ConditionalExpression `page.length > room` -> `true`,
 *     EqualityOperator -> `>=`: a page no longer than the room sliced to the room is the page itself.
 *   src/engine/response-preview.ts:65 MethodExpression `body.slice(0, RESPONSE_PREVIEW_BYTES + 1)`
 *     -> `body`: the slice only spares encoding the rest; the cut and the truncated flag come out the
 *     same (a string past 4,096 characters is past 4,096 bytes either way).
 *   src/engine/response-preview.ts:69 EqualityOperator `end < bytes.length` -> `end <=
 *     bytes.length`: end never exceeds the length, and at the length the loop does not run (see the
 *     `true` line above).
 *   src/engine/page-cache.ts:53 ConditionalExpression `bytes.byteOffset === 0` -> `true`: an array
 *     at a non-zero offset always has a buffer longer than itself, so the second test copies it
 *     anyway.
 *   src/world/account-spec.ts:58 ArrayDeclaration `DEFAULT_WORLD.accounts ?? []` -> `?? ["Stryker was here"]`:
 *     the embedded default world states its accounts, so the fallback is never read; it is for the types.
 *   src/world/date-time.ts:35 and :58 StringLiteral (`date = ''`, `hh = ''`, `mm = ''`, `ss = ''` -> another
 *     text, no coverage): the four groups are not optional, so they always take part in a match and the
 *     defaults are never read; they are for the types.
 *   src/world/date-time.ts:54 ConditionalExpression `text.length === 10` -> `true`: parseIsoDate's pattern
 *     is anchored `^\d{4}-\d{2}-\d{2}$`, exactly 10 characters, so it refuses every other length anyway.
 *   src/world/pinned-days.ts:47 StringLiteral `from = ''` -> `"Stryker was here!"` (no coverage): split
 *     always yields a first element, so the default is never read; it is for the types.
 *   src/signing.ts:110 EqualityOperator `i < expected.length` -> `<=`: the lengths are already equal there, and
 *     one step past the end reads NaN from both, `NaN ^ NaN` is 0: the difference is unchanged.
 *   src/base64url.ts:29 ArithmeticOperator `Math.ceil(length / 3) * 4` -> `length * 3`, :30 ConditionalExpression
 *     `size <= SCRATCH_BYTES` -> `false` and EqualityOperator -> `<`: the size only chooses between the scratch
 *     array and a fresh one (as large or larger); the characters written are the same.
 *   src/base64url.ts:73 ConditionalExpression `left === 3` -> `true`: with two characters left `i + 2` is the
 *     text's length, charCodeAt gives NaN, VALUE_OF[NaN] is undefined and `undefined << 6` is 0, as before.
 *   src/base64url.ts:123 ConditionalExpression `text.length * 3 > SCRATCH_BYTES` -> `true` and EqualityOperator
 *     -> `>=`: encoding through encoder.encode instead of the scratch array gives the same bytes.
 *   src/base64url.ts:139 ConditionalExpression `length <= SCRATCH_BYTES` -> `false` and EqualityOperator -> `<`:
 *     decoding into a fresh array instead of the scratch one gives the same text.
 *   src/world/daily-stats.ts:53 EqualityOperator `value < low` -> `<=` and `value > high` -> `>=`: at the bound
 *     the clamp gives the bound, which is the value.
 *   src/world/daily-stats.ts:64 `unit(...) < 0.03` -> `<=`, :67 `week < 0.08` and `week < 0.2` -> `<=`: unit is a
 *     multiple of 2^-32 and none of 0.03, 0.08, 0.2 is one (0.03 * 2^32 = 128849018.88), so no draw equals them.
 *   src/world/daily-stats.ts:111, :112, :162, :163 EqualityOperator `>` -> `>=` (the day's longest against the
 *     running maximum): when they are equal, assigning the same value changes nothing.
 *   src/world/users.ts:178 `unit(...) < 0.8` -> `<=`, :197 `< 0.7` -> `<=`, :198 `< 0.8` -> `<=`, :311 `>= 0.066`
 *     -> `>`: none of these is a multiple of 2^-32, so no draw equals them.
 *   src/world/users.ts:200 EqualityOperator `unit(mix2(key, 30)) < 0.5` -> `<=` (NOT equivalent, left): 0.5 is
 *     2^31 / 2^32, so one user key in 2^32 tells them apart; the key is mix3(seed, account key, index) and the
 *     account key hashes the seed, so no test can choose a seed that lands on it.
 *   src/world/users.ts:277 ArrayDeclaration `stated = []` -> `["Stryker was here"]` (no coverage): the only
 *     caller (world.ts) always passes the stated users; the default is for direct callers.
 *   src/world/users.ts:290 ConditionalExpression `given?.firstName === undefined || ...` -> `true`: seeding the
 *     faker for a user whose names are both stated draws nothing from it; every later user that draws seeds it
 *     again, and gongRecord seeds it itself.
 *   src/world/users.ts:316 OptionalChaining `users[managerIndex]?.id` -> `.id`: managerIndex is 0 or the index
 *     rounded down to ten, always an earlier user, so the user is always there.
 *   src/world/world.ts:177 and :178 ConditionalExpression `seed === undefined` / `userCount === undefined` ->
 *     `false`: an override of undefined is read with `??` and `=== undefined`, as an absent one.
 *   src/world/day-tables.ts (the tables are a cache of sums the day-by-day path gives exactly: whether a window
 *     is summed from a table or day by day gives the same totals): :77 and :113 every mutant of `end - first <
 *     SHORT_WINDOW_DAYS` and its block; :86 and :127 `table === undefined` -> `true` (the table is still made:
 *     how many are kept is the same); :99, :100 `>` -> `>=`: an equal maximum assigned again; :146 `users ===
 *     undefined || groupCalls === undefined` -> `&&`, or either side `false`: the calls tables are made from the
 *     users, so the two are undefined together (the pair is checked for the types); :161 `index < calls.length`
 *     -> `<=`: one step past the end reads undefined, which is not > 0.
 *   src/world/user-tables.ts:88 ConditionalExpression `day.calls !== before` -> `true`: a day without calls has
 *     its maxima reset to 0, and writing 0 where the table already holds 0 changes nothing.
 *   src/world/user-tables.ts:132, :134, :145, :146 ArrayDeclaration `[]` -> `["Stryker was here"]` (the slabs
 *     and their states, made or forgotten): the text sits at index 0, block 0, the days of 1970, and only users
 *     without pinned days have slabs: none works then (the first join day is 2019-01-01), so block 0 of a slab
 *     is never read.
 *   src/world/user-tables.ts:157 `state === FILLED` -> `false` (a filled table filled again with the same days),
 *     and `slabs[block]?.[group]` -> `slabs[block][group]`: slabs and states are made and forgotten together,
 *     so a state that says FILLED has its slab.
 *   src/world/calls-tables.ts (a cache of sums, as the day tables: what changes only when a group's table is
 *     made, or whether a window is answered from the tables or user by user, gives the same calls): :68 `i <
 *     blockDays` -> `<=` (one more day summed into an entry past the table's end, which a typed array drops);
 *     :104 `first < count` -> `<=` (a table for an empty group past the last user, which adds nothing); :105
 *     `Math.min(GROUP_USERS, count - first)` -> `Math.max`, `count + first` (more touches counted: tabled
 *     sooner); :108 `found.length * GROUP_USERS < count` -> `<=` (an account of whole groups answered user by
 *     user instead).
 *   src/gong/window-people.ts:80 ConditionalExpression `request.userIds === undefined` -> `false`: every user
 *     asked one by one, as with a filter that lets everyone in: the same people, more slowly.
 *   src/world/world-problems.ts:79 ConditionalExpression `Math.abs(a.length - b.length) > 2` -> `false`: the edit
 *     distance is at least the difference of the lengths, so the Levenshtein rows answer false for those too.
 *   src/world/world-problems.ts:99 ConditionalExpression (`true`, both sides) and LogicalOperator `&&` -> `||`:
 *     an instancePath only runs through values that exist in the document, so the node stepped from is always
 *     an object or array; the check only guards the types.
 *   src/world/world-problems.ts:106 and :112 OptionalChaining `error.parentSchema?.` -> `.`: the validator is
 *     generated verbose, so every error carries its parentSchema. (reasoned)
 *   src/world/users.ts:290 ArrayDeclaration `[]` -> `["Stryker was here"]`: a stated user without an address adds
 *     that text to the taken addresses, and no drawn address (`local@domain`) can equal it.
 *   src/world/users.ts:126 EqualityOperator `day < first` -> `<=` and :127 `day > last` -> `>=`: a Map holds each
 *     day once, so an equal day is never met again; at worst the same value is assigned.
 *   src/world/users.ts:322 ConditionalExpression `index === 0` -> `false`: user 0 is a manager (0 % 10), so its
 *     managerIndex becomes 0, `users[0]` does not exist yet while user 0 is made, and `?? null` gives null.
 *   src/world/users.ts:324 ConditionalExpression (col 47) `managerIndex === undefined` -> `false`: only user 0
 *     has no managerIndex, and `users[undefined]?.id ?? null` is null too.
 *   src/world/resolve-world-document.ts:191 ConditionalExpression `doc.now === undefined` -> `false`:
 *     parseDateTime(undefined) tests the text "undefined", which is no date-time: undefined either way.
 *   src/world/resolve-world-document.ts:31 Regex `/^-+|-+$/g` -> `/^-|-+$/g` or `/^-+|-$/g`, and :33
 *     `/-+$/` -> `/-$/`: the line before has already made every run of other characters one dash, and
 *     after the cut to 40 characters at most one dash can end the slug: one dash or a run, the same.
 *   src/world/resolve-world-document.ts:41 BlockStatement `catch { return false; }` -> `catch {}`: its
 *     only reader (`!knownZone(...)`) reads the undefined as false.
 *   src/world/resolve-world-document.ts:164 StringLiteral `overrides.userCount ?? ''` -> another text:
 *     it only has to differ from every user count, which are numbers.
 *   src/world/resolve-world-document.ts:180 ConditionalExpression `key === undefined` -> `false`: the
 *     WeakMap is then asked for undefined, under which nothing is kept (:220 keeps only a key).
 *   src/world/resolve-world-document.ts:186 ConditionalExpression `problem.path[0] === 'accounts'` ->
 *     `true`: outside the accounts a problem's path has one segment, so path[1] is undefined either way.
 *   src/world/resolve-world-document.ts:199 ArrayDeclaration `DEFAULT_WORLD.accounts ?? []` (no
 *     coverage): the embedded default world states its accounts; the fallback is for the types.
 *   src/world/resolve-world-document.ts:220 ConditionalExpression `key !== undefined` -> `true`: a
 *     mutable document is then kept under undefined, which no lookup asks for.
 *   src/mapping/compile-mapping.ts:56 and :70 `Array.isArray(node)` -> `false` (and :70's array loop ->
 *     `{}`): an array then takes the object path, and Object.values gives its elements in order.
 *   src/mapping/compile-mapping.ts:57 col 12 and :63 `typeof node/value === 'object'` -> `true`, :77 col 7
 *     and :89 `typeof ... !== 'object'` -> `false` (null still refused): a primitive has no `type` or
 *     `procedure`, and its values are characters or none, so nothing is added.
 *   src/mapping/compile-mapping.ts:59 (col 30 and 62 -> `true`, col 64 `n['lhs']` -> `n[""]`) and :61
 *     (the test, either side -> `true`, `&&` -> `||`): read only for a `bind` node, whose `lhs` JSONata
 *     always makes a variable node (anything else left of `:=` is S0212), whose value is a string.
 *   src/mapping/compile-mapping.ts:81 col 6 `n.type === 'function' || n.type === 'partial'` -> `true`,
 *     :82 `procedure?.type` -> `procedure.type`, :83 `typeof procedure.value === 'string'` -> `true`:
 *     JSONata gives only function and partial nodes a procedure, and a variable's value is its name.
 *   src/mapping/compile-mapping.ts:168 ConditionalExpression `call.position === undefined` -> `false`:
 *     every variable the text names has a position; the one procedure without (`??` calls `$exists`)
 *     is no package function.
 *   src/mapping/gong-mappings.ts:177 ConditionalExpression `runtime === undefined` -> `false`: it is
 *     undefined only when nothing states a mapping, and both loops then find no text.
 *   src/engine/create-engine.ts:141 ArrayDeclaration `document?.accounts ?? []` -> `["Stryker was here"]`:
 *     the loop then meets a string, which has no `mapping`, so nothing is added either way.
 *   src/engine/create-engine.ts:159 ConditionalExpression `loader === undefined` -> `false`: it passes
 *     `{ loader: undefined }`, which createGongMappings' destructuring default reads as no loader.
 *   src/engine/create-engine.ts:174 ArrowFunction `health = () => ({})` -> `() => undefined`: the health
 *     answer spreads it, and spreading undefined adds nothing, as spreading {} does.
 *   src/engine/create-engine.ts:179, :180 ConditionalExpression (`resolved.accounts`, `.userCount`
 *     `=== undefined`) -> `false`: createWorld then gets the key with the value undefined, which its
 *     destructuring reads as absent (`accounts === undefined`, `userCount === undefined`).
 *   src/engine/create-engine.ts:239 `preview === undefined` -> `true`: the WeakMap only spares making a
 *     repeated page's preview again; a deferred preview of the same bytes reads the same.
 *   src/engine/create-engine.ts:246 col 41 ConditionalExpression `answered.journal !== undefined` ->
 *     `true`: only the unified API answers with pages, and answer.ts journals every unified answer,
 *     so a stream always has `journal` here.
 *   src/engine/create-engine.ts:267 ConditionalExpression `sent === undefined` -> `false`:
 *     WeakMap.get(undefined) returns undefined, as the guard does.
 *   src/engine/create-engine.ts:283 LogicalOperator `head?.more ?? false` -> `head?.more && false`:
 *     tapPages sets `more` only once the head holds 4,097 characters, which previewOf marks truncated
 *     anyway (4,097 characters are more than 4,096 bytes); with no head, undefined is as false.
 *   src/engine/answer-unified.ts:88 ConditionalExpression `answer.status === 200` -> `true`: only
 *     listInteractions' 200 JSON page sets `repeatable`; its error answers leave it undefined, so
 *     `repeatable === true` is false for them either way.
 *   src/engine/answer-unified.ts:89 col 20 ConditionalExpression `scenario === undefined` -> `true`:
 *     listInteractions sets `repeatable` only when the call has no scenario
 *     (list-interactions.ts:210), so `cacheable` already implies none.
 *   src/contract/contract.ts:130 ConditionalExpression `name === undefined` -> `false`: the context
 *     then holds `schema: undefined`, which toDiagnostic reads as no schema (`context.schema ===
 *     undefined`): the same diagnostics.
 *   src/contract/contract.ts:132 MethodExpression `[...excludeFields].sort()` -> `[...excludeFields]`
 *    : an unsorted key only misses the cache and compiles
 *     the same derived schema.
 *   src/contract/find-operation.ts:50 Regex `/^\{([^}]+)\}$/` -> without `^` or without `$`: the split
 *     on `(\{[^}]+\})` puts every `{name}` in a part of its own, so no literal part holds one and
 *     the three patterns agree on every part.
 *   src/contract/find-operation.ts:91 StringLiteral (cols 26 and 54) `match[1] ?? ''` -> `?? "Stryker was
 *     here!"` (no coverage), and :119 `match[i + 2] ?? ''`: group 1 and each name's group always take
 *     part in a match (possibly empty), so the defaults are never read; they are for the types.
 *   src/contract/exclude-fields.ts:54 col 39 ConditionalExpression `nested.size > 0` -> `true`, and
 *     EqualityOperator -> `>= 0`: copying the properties map when no dotted field reaches into it
 *     gives an equal map.
 *   src/contract/exclude-fields.ts:88 col 35 ConditionalExpression `properties.result === undefined`
 *     -> `false`: an undefined result is no schema map, so line 91 returns the list schema anyway.
 *   src/contract/openapi-document.ts:128 MethodExpression `ref.slice(1).split('/')` -> `ref.split('/')`:
 *     the first segment is dropped either way (`''` after the `#`, or `#` itself), and a ref starting
 *     `#` splits the same after it.
 *   src/contract/read-openapi-document.ts:50 col 7 ConditionalExpression `typeof document !== 'object'`
 *     -> `false`: a primitive (null aside, checked next) has no `openapi` text, so the third test
 *     refuses it with the same sentence.
 *   src/contract/read-openapi-document.ts:62-75 (readDefaultJson and the JSON twin: :62 and :66 the
 *     function's and the catch's blocks -> `{}`, :73 the URL check -> `false` and its block -> `{}`,
 *     :75 `document !== undefined` -> `true`, `false`, `===`): openapi.json is the same document as openapi.yaml (a spec test keeps it
 *     fresh) and always readable where the tests run, so reading the YAML instead, or the twin, gives
 *     an equal document.
 *   src/contract/record-at-pointer.ts:21 col 25 ConditionalExpression `typeof body !== 'object'` ->
 *     `false`: a primitive body's `result` is undefined, so nothing is found either way.
 *   src/contract/record-at-pointer.ts:24 Regex `/^\d+$/` -> `/\d+$/` or `/^\d+/`: a key they admit in
 *     addition holds a non-digit, so Number(key) is NaN and result[NaN] is undefined, as refused.
 *   src/contract/schema-registry.ts:225 LogicalOperator/StringLiteral `error.message ?? \`fails
 *     "${error.keyword}"\`` (no coverage): ajv (messages left on) sets message on every error, so the
 *     fallback is never read; it is for the types.
 *   src/contract/schema-registry.ts:56 ConditionalExpression `typeof node !== 'object'` -> `false`: a
 *     string's entries are its characters, keyed by digits, and a number has none: no `x-` key either way.
 *   src/contract/schema-registry.ts:124 ConditionalExpression `typeof schema === 'boolean'` -> `true`
 *     and :126 `validate === undefined` -> `true`: the WeakMap only spares compiling an inline schema
 *     again; a fresh compile validates the same.
 *   src/contract/schema-registry.ts:174 ConditionalExpression `instancePath === ''` -> `false` and
 *     StringLiteral `''` -> another text: '' splits into [''], whose slice(1) is empty, so the walk
 *     returns the root either way.
 *   src/contract/schema-registry.ts:179 (`typeof node !== 'object' || node === null` -> `false`, `&&`,
 *     and col 37 `node === null` -> `false`): ajv's instance paths name only values it found inside
 *     objects and arrays, so the walk never meets a primitive or null before its end.
 *   src/contract/matchers.ts:49 ConditionalExpression `typeof value === 'object'` -> `true`: a primitive
 *     (null aside, checked next) has no numeric `status`, so it is no supertest response either way.
 *   src/contract/response-headers.ts:37 (`forEach` and `get` both functions: `&&` -> `||`, either test
 *     -> `true`): a header record's values are texts, numbers or lists, never functions, and a
 *     Headers or Map has both methods, so the two tests never disagree.
 *   src/contract/validate-headers.ts:17 ConditionalExpression `typeof schema !== 'object'` -> `false`,
 *     and ArrayDeclaration `[]` -> `["Stryker was here"]`: a boolean schema has no `type`, which gives
 *     [] on the next line; an extra name matches none of integer, number, boolean, array.
 *   src/contract/validate-headers.ts:19 col 51 ConditionalExpression `typeof type === 'string'` ->
 *     `true` and col 87 `[]` -> `["Stryker was here"]`: [undefined] or a made-up name matches none of
 *     the types readHeaderValue asks about.
 *   src/contract/validate-body.ts:37 ConditionalExpression `fields.length === 0` -> `false`: with no
 *     fields the derived schema is the schema itself, so the same diagnostics (as contract.ts above).
 *   src/contract/validate-body.ts:38 MethodExpression `[...fields].sort()` -> `[...fields]`: the key
 *     only names a cache entry; an unsorted key compiles the same derived schema.
 *   src/store/fallback-store.ts:77 col 16 ConditionalExpression `degradedSince === undefined` -> `true`:
 *     degrade() returns at once when an outage is already under way, its own first line.
 *   src/store/fallback-store.ts:64 OptionalChaining `.unref?.()` -> `.unref()`: Node's timers always
 *     have unref; the `?.` is for runtimes whose setInterval returns a number.
 *   src/store/redis-store.ts:92-93 (the connect promise's handlers: `() => true` -> `() => undefined`
 *     or `false`, `() => false` -> `() => undefined` or `true`): `connected`'s value is never read,
 *     only awaited (the race with connectWaitMs, and close).
 *   src/store/redis-store.ts:142 ConditionalExpression `value === null` -> `false`: Number(null) is 0.
 *   src/store/redis-store.ts:145 col 48 ConditionalExpression `maxWeight === Infinity` -> `false`: the
 *     append script's tonumber reads 'Infinity' as inf (Lua's strtod), which bounds nothing, as -1.
 *   src/store/redis-store.ts:157 and :162 ArrayDeclaration `[]` -> `["Stryker was here"]`: the use and
 *     clear scripts read no ARGV.
 *   src/store/redis-store.ts:176 col 11 `client.isReady` -> `true` and col 54 `() => client.destroy()` ->
 *     `() => undefined`, :177 `client.isOpen` -> `true`: a client that is not ready has an empty queue
 *     (no offline queue), so close() drains nothing and tears down as destroy() does; a ready client's
 *     close() does not reject; destroy() on a closed client returns at once.
 *   src/faults/prefer-header.ts:75, :83, :90, :122, :133 EqualityOperator `i < end` -> `i <= end` (and
 *     :83, :133 ConditionalExpression -> `true`), :111 `i >= end` -> `i > end` or `false`, :114
 *     `i < end` -> `true`: charCodeAt at or past the end is NaN, which is no space, token character,
 *     quote, backslash, comma, semicolon or `=`, so every loop and test ends there as at the bound.
 *   src/faults/prefer-header.ts:147 col 43 ConditionalExpression `code === COMMA` -> `false`: a comma
 *     then reads as an empty name, and skipToNextPreference steps past that same comma: one character
 *     either way.
 *   src/unified/interaction-json.ts:65 ObjectLiteral -> `{}` and StringLiteral `text: ''` -> another
 *     text: the first record's strings never equal undefined, so the window text is made before it
 *     is first read.
 *   src/unified/interaction-json.ts:52 ConditionalExpression (the whole test) -> `true`: making the
 *     window text again for every record gives the same text; the memo only spares the escaping.
 *   src/unified/interaction-json.ts:32 `Math.round(value * 100)` -> `/ 100`, :34 the memo's whole test ->
 *     `false` or its block -> `{}`, every mutant of its range test (`hundredths >= 0 && hundredths <
 *     REMEMBERED_HUNDREDTHS`), and col 64 `hundredths / 100` -> `* 100`: the memo only spares turning a
 *     number into text; its exactness test lets an entry be read only by the number it was made from,
 *     so every number still gets String(value) (0 and -0 both "0", as JSON writes them).
 *   src/unified/interaction-json.ts:136 col 82 StringLiteral `?? 'null'` -> `?? ""` (no coverage):
 *     recordJson answers undefined only for a record whose toJSON does, and such a record has already
 *     sent the whole array to JSON.stringify on the line before.
 *   src/unified/interaction-json.ts:157 col 7 `key === 'result'` -> `true`: interactionsJson writes any
 *     plain array as JSON.stringify does, so another key's array gives the same text.
 *   src/unified/interaction-template.ts:64 `i === keys.length` -> `true`: a proper prefix of the shape's
 *     keys lacks its last key, which a later check reads and undefined fails.
 *   src/unified/interaction-template.ts:72 col 61 `typeof value === 'number'` -> `true`: Number.isFinite
 *     does not coerce. :112 col 97 `stats[5]?.value` -> `stats[5].value`: isGongStatList has checked
 *     six stats; the `?.` is for the types.
 *   src/contract/matchers.ts:63 col 48 ConditionalExpression `url === undefined` -> `false`: a label is
 *     only read once the response was validated, and by then the URL is a string (a fetch Response's
 *     `url` always is; a supertest response without a path throws before any message is made).
 */
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutate.config.ts' },
  coverageAnalysis: 'perTest',
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  mutate: [
    'src/world/**/*.ts',
    'src/gong/**/*.ts',
    'src/unified/**/*.ts',
    'src/faults/**/*.ts',
    'src/contract/**/*.ts',
    'src/engine/**/*.ts',
    'src/store/**/*.ts',
    'src/mapping/**/*.ts',
    'src/redact.ts',
    'src/lru-cache.ts',
    'src/scenarios.ts',
    'src/signing.ts',
    'src/base64url.ts',
    'src/mock-context.ts',
    '!src/**/*.test.ts',
    '!src/generated/**',
  ],
  // Not needed in the sandbox: the build output and what earlier runs left.
  ignorePatterns: ['dist', 'coverage', 'bench/results', 'scratch', 'reports'],
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  // The bar is 85% per engine and contract file; a run reports, it does not fail.
  thresholds: { high: 85, low: 70, break: null },
  // The suite's own timeouts are generous (30 s); a mutant that loops is cut off well before.
  timeoutMS: 10_000,
};
