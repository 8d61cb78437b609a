/**
 * Builds dist/ once before the suite, with the same steps as `npm run build`, so tests that run
 * the real `interactions-kit` binary or the packed exports test the code in this tree.
 */
import { execFileSync } from 'node:child_process';

export default function buildOnce(): void {
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
}
