/**
 * Bundles `interactions-kit/msw` into one file (dist/msw.js, over tsc's re-exports). A test
 * file pays this entry's cold start every time it runs, and Node loads ~90 small ES modules
 * one by one: as one file the entry loads in about a fifth of the time. Packages (msw, faker,
 * @noble/hashes) stay imports of their own, so they are shared with the rest of the process.
 * Run by `npm run build`, after tsc.
 */
import { build } from 'esbuild';

await build({
  entryPoints: ['dist/msw.js'],
  outfile: 'dist/msw.js',
  allowOverwrite: true,
  bundle: true,
  packages: 'external',
  platform: 'neutral',
  format: 'esm',
  target: 'es2022',
  logLevel: 'warning',
});
