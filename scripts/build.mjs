/**
 * `npm run build`, and the test suite's build before it runs: one list of steps, so the package
 * and what the tests run are built the same way.
 *   1. dist/ afresh, compiled by tsc;
 *   2. the msw entry bundled into one file (dist/msw.js, over tsc's re-exports): a test file
 *      pays that entry's cold start on every run, and Node loads ~90 small modules one by one;
 *      packages (msw, faker, @noble/hashes) stay imports of their own;
 *   3. the contract entry bundled into one file the same way, ajv and its helpers inside it: a
 *      contract test file pays `loadContract` + the first validation on every run, and ajv alone
 *      is ~100 small CommonJS modules (resolving them was half that cost). contract-error.js
 *      stays its own module, so `ContractError` is one class whichever entry throws it;
 *   4. the console's pages and scripts beside the compiled code (tsc copies no .html or .js).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { build } from 'esbuild';

rmSync('dist', { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
/** One compiled entry bundled over itself. */
const bundleInPlace = (entry, options) =>
  build({
    entryPoints: [entry],
    outfile: entry,
    allowOverwrite: true,
    bundle: true,
    format: 'esm',
    target: 'es2022',
    logLevel: 'warning',
    ...options,
  });

await bundleInPlace('dist/msw.js', { packages: 'external', platform: 'neutral' });
/** Keeps the module that declares `ContractError` out of the bundle (see 3 above). */
const contractErrorApart = {
  name: 'contract-error-apart',
  setup(build) {
    build.onResolve({ filter: /^\.\/contract-error\.js$/ }, (args) => ({ path: args.path, external: true }));
  },
};
await bundleInPlace('dist/contract/index.js', { plugins: [contractErrorApart], platform: 'node' });
cpSync('src/console/web', 'dist/console/web', { recursive: true });
