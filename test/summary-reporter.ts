/**
 * Ends the run with one plain line, `N passed, N failed, N skipped`, that any CI can read
 * whatever it knows of vitest's own summary.
 */
import type { Reporter, RunnerTask, RunnerTestFile } from 'vitest';

function count(tasks: readonly RunnerTask[], totals: { passed: number; failed: number; skipped: number }): void {
  for (const task of tasks) {
    if (task.type === 'suite') count(task.tasks, totals);
    else if (task.mode === 'skip' || task.mode === 'todo') totals.skipped++;
    else if (task.result?.state === 'pass') totals.passed++;
    else if (task.result?.state === 'fail') totals.failed++;
    else totals.skipped++;
  }
}

export default class SummaryLineReporter implements Reporter {
  onFinished(files: RunnerTestFile[] = [], errors: unknown[] = []): void {
    const totals = { passed: 0, failed: 0, skipped: 0 };
    count(files, totals);
    // A file that failed to load has no tests to count: count it as a failure.
    totals.failed +=
      files.filter((file) => file.result?.state === 'fail' && file.tasks.length === 0).length + errors.length;
    console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
  }
}
