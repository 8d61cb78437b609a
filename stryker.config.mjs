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
 *   src/unified/query-values.ts:132 EqualityOperator `i < path.length` -> `i <= path.length`: the
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
 *   src/world/calendar.ts:62 EqualityOperator `year < 0` -> `year <= 0`: year 0 is written plainly
 *     (0000), so the expanded form never sees it.
 *   src/world/calendar.ts:99 and :101 (the offset cache: a hit -> `false`, and every mutant of
 *     the bound check): the cache only spares asking Intl again; asking always, or starting over
 *     at any size, gives the same offsets.
 *   src/world/calendar.ts:110 ConditionalExpression `match === null` -> `false`: this Node's ICU
 *     writes a zero offset as GMT+00:00, so no offset text fails the pattern here; other ICU
 *     versions write GMT alone, which is what the line is for.
 *   src/world/calendar.ts:125-131 (startOfDay's fast path and its candidates: :125 `late` read at
 *     midnight - 18 h, every mutant of the :126 condition, :126 `localMidnight + early`, :130
 *     `localMidnight + first`, :131 `localMidnight + second`): the fast path is a shortcut the
 *     general search agrees with, and `early` and `late` already are the offsets on either side
 *     of a change; they differ only where the offset changes twice within 36 hours of a midnight.
 *   src/world/calendar.ts:137 `instant < start` -> `false` or `<=`: the Set lists `early` first,
 *     and where midnight happens twice the first one is on the offset before the change, `early`.
 *   src/world/calendar.ts:143 `localMidnight - max` -> `+ max`: the halving's lower end moves
 *     later only east of UTC; a jump across midnight that starts before it is in Intl's data
 *     for 1900-2030 only at Toronto and Nassau on 1919-03-31 (searched over every zone), west.
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
