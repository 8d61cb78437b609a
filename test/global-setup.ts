/**
 * Builds dist/ once before the suite, so tests that run the real `interactions-kit` binary
 * test the code in this tree, not an older build: the compiled code, the msw entry as one file,
 * and the console's pages and scripts beside it, as `npm run build` makes them (tsc copies no
 * .html or .js of theirs).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';

export default function buildOnce(): void {
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], {
    stdio: 'inherit',
  });
  // As `npm run build` does: the msw entry is shipped as one file.
  execFileSync(process.execPath, ['scripts/bundle-msw-entry.mjs'], { stdio: 'inherit' });
  rmSync('dist/console/web', { recursive: true, force: true });
  cpSync('src/console/web', 'dist/console/web', { recursive: true });
}
