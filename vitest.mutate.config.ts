/**
 * The vitest configuration `npm run mutate` runs under Stryker: the project's own, less what
 * cannot notice a mutant. Stryker mutates the TypeScript sources in its sandbox; `dist/` is not
 * mutated, so the build in the global setup is skipped, and so are the tests that only exercise
 * `dist/` (the real binary, the package's export map) or an outside tool (Prism, Redocly): they
 * would cost the dry run minutes and could kill no mutant. The behaviour suite runs over the
 * engine door alone: the doors are not mutated, and a mutant of the engine changes every door's
 * answer alike, so the Express and Node doors would triple its cost and kill nothing more.
 *
 * `MUTATE_TESTS` (comma-separated globs) runs only those test files, for one source file on a
 * busy machine: `MUTATE_TESTS=test/world/calendar.test.ts npm run mutate -- --mutate
 * src/world/calendar.ts`. The score is then a lower bound: a mutant the other files would
 * have killed counts as survived.
 */
import { configDefaults, defineConfig } from 'vitest/config';
import base from './vitest.config.js';

/** Tests that run the built binary or the packed exports, or spawn Prism or Redocly. */
const NEEDS_DIST_OR_A_TOOL = [
  'test/cli/first-use.test.ts',
  'test/cli/parent-exit.test.ts',
  'test/cli/verify.test.ts',
  'test/contract/jest-project.test.ts',
  'test/contract/vitest-export.test.ts',
  'test/fixtures/golden-fixtures.test.ts',
  'test/fixtures/symlink.test.ts',
  'test/reliability/prototype-names.test.ts',
  'test/reliability/redaction.test.ts',
  'test/server/real-port.test.ts',
  'test/spec/openapi-valid.test.ts',
  'test/spec/prism-proxy.test.ts',
  'test/spec/prism-smoke.test.ts',
  'test/conformance/prism.test.ts',
  'test/architecture/browser-bundle.test.ts',
  'test/architecture/package-exports.test.ts',
  'test/cli/serve-workers-state.test.ts',
  'test/console/console-watch.test.ts',
  'test/deploy/deploy-files.test.ts',
  'test/mapping/mapping-test-command.test.ts',
  'test/mapping/serve-mapping.test.ts',
  'test/msw/browser.test.ts',
  'test/scale-out/scale-out.test.ts',
  'test/world-file/fixtures-world.test.ts',
  'test/world-file/serve-world.test.ts',
  'test/world-file/world-command.test.ts',
];

/** The test files `MUTATE_TESTS` names, when set. */
const ONLY = process.env.MUTATE_TESTS?.split(',').filter((glob) => glob !== '');

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    globalSetup: [],
    env: { ...base.test?.env, INTERACTIONS_KIT_TEST_DOORS: 'engine' },
    ...(ONLY === undefined ? {} : { include: ONLY }),
    exclude: [...configDefaults.exclude, ...NEEDS_DIST_OR_A_TOOL],
  },
});
