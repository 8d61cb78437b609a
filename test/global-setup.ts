/**
 * Builds dist/ once before the suite, so tests that run the real `interactions-kit` binary
 * test the code in this tree, not an older build.
 */
import { execFileSync } from 'node:child_process';

export default function buildOnce(): void {
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], {
    stdio: 'inherit',
  });
  // As `npm run build` does: the msw entry is shipped as one file.
  execFileSync(process.execPath, ['scripts/bundle-msw-entry.mjs'], { stdio: 'inherit' });
}
