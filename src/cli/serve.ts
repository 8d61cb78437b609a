/**
 * `interactions-kit serve`: the mock on a real port. Parses flags, builds the app with
 * `createApp`, listens, prints where it is and how to call it, and closes cleanly on
 * SIGINT/SIGTERM.
 */
import cluster from 'node:cluster';
import { REDACTED, redactHeader } from '../redact.js';
import { safeStoreUrl } from '../store/safe-store-url.js';
import { DEFAULT_ACCOUNT_ID } from '../world/account-spec.js';
import { createWorld } from '../world/world.js';
import { WorldFileError } from '../world-file/located-problem.js';
import { loadWorldFile } from '../world-file/load-world-file.js';
import type { Command } from './command.js';
import { runPrimary, runWorker } from './serve-cluster.js';
import { parseServeFlags, SERVE_HELP, type ServeFlags } from './serve-flags.js';
import { openServeStore } from './serve-store.js';
import { nextStopSignal, startServer } from './start-server.js';
import { watchServedWorld } from './watch-world.js';
import { mappingProblems } from './check-mappings.js';

/**
 * The banner printed on start: where the mock is, its accounts, and a curl to paste. A token
 * given with --token is a secret and the banner lands in CI logs, so it is shown redacted.
 */
export function banner(url: string, flags: ServeFlags): string {
  const token = flags.app.tokens?.[0];
  const authorization = token === undefined ? 'Bearer any-token' : redactHeader('authorization', `Bearer ${token}`);
  const { world: document, seed } = flags.app;
  const world = createWorld({
    ...(typeof document === 'object' ? { document } : {}),
    ...(seed === undefined ? {} : { seed }),
  });
  const from = flags.worldFile === undefined ? '' : `, world ${flags.worldFile}`;
  // The curl to paste names an account that answers: the default one if the world has it.
  const tryAccount =
    world.account(DEFAULT_ACCOUNT_ID) ??
    world.accounts.find((account) => (account.behavior ?? 'healthy') === 'healthy' && account.userCount > 0);
  return [
    `interactions-kit mock listening on ${url} (seed ${world.seed}${from})`,
    `  console: ${url}/  (open it in a browser: the API reference, the live journal, the data)`,
    `  unified: ${url}/unified/conversational-intelligence/interactions`,
    `  gong:    ${url}/gong/{integrated_account_id}/v2/stats/interaction and /v2/users`,
    `  admin:   ${url}/__admin/accounts, ${url}/__admin/health`,
    ...(flags.store.driver === 'redis'
      ? [`  store:   ${safeStoreUrl(flags.store.url)} (state shared with every instance using it)`]
      : []),
    '',
    'Accounts (integrated_account_id):',
    ...world.accounts.map(
      (account) =>
        `  ${account.id}  ${account.name}, ${account.userCount} users, ${account.timeZone}${account.id === DEFAULT_ACCOUNT_ID ? ' (default)' : ''}`,
    ),
    ...(world.accounts.length === 0
      ? ['  (none: the world file states no accounts, so every request gets a 404)']
      : []),
    ...(tryAccount === undefined
      ? []
      : [
          '',
          'Try:',
          `  curl -H 'Authorization: ${authorization}' '${url}/unified/conversational-intelligence/interactions?integrated_account_id=${tryAccount.id}&start_time=2026-10-01T00:00:00Z&end_time=2026-11-01T00:00:00Z&limit=2'`,
          ...(token === undefined ? [] : [`  (with one of your --token values in place of ${REDACTED})`]),
        ]),
  ].join('\n');
}

/** Reads --world into the app options; prints every problem and returns 1 when it cannot. */
function readWorldFile(flags: ServeFlags): number | undefined {
  if (flags.worldFile === undefined) return undefined;
  try {
    const seed = flags.app.seed;
    flags.app.world = loadWorldFile(flags.worldFile, seed === undefined ? {} : { seed });
  } catch (error) {
    if (!(error instanceof WorldFileError)) throw error;
    const count = error.problems.length;
    console.error(`interactions-kit serve: the world file has ${count} problem${count === 1 ? '' : 's'}; not serving`);
    console.error(error.message);
    return 1;
  }
  return undefined;
}

export const serveCommand: Command = {
  summary: 'run the mock server',
  async run(args) {
    const flags = parseServeFlags(args);
    if (flags === 'help') {
      console.log(SERVE_HELP);
      return 0;
    }
    const failed = readWorldFile(flags);
    if (failed !== undefined) return failed;
    const problems = await mappingProblems({
      server: typeof flags.app.mapping === 'object' ? flags.app.mapping : undefined,
      files: flags.mappingFiles,
      world: typeof flags.app.world === 'object' ? flags.app.world : undefined,
      worldFile: flags.worldFile,
    });
    if (problems.length > 0) {
      const count = problems.length;
      console.error(
        `interactions-kit serve: ${count} mapping expression${count === 1 ? '' : 's'} cannot run; not serving`,
      );
      for (const problem of problems) console.error(problem);
      return 1;
    }
    if (cluster.isWorker) return runWorker(flags);
    if (flags.workers > 1) return runPrimary(flags, banner);
    const store = await openServeStore(flags);
    flags.app.store = store;
    let running;
    try {
      running = await startServer(flags);
    } catch (error) {
      await store.close?.();
      throw error;
    }
    if (flags.logLevel !== 'silent') console.log(banner(running.url, flags));
    if (flags.logLevel !== 'silent' && running.reality !== undefined) console.log(`  ${running.reality}`);
    const stopWatching = watchServedWorld(flags, running);
    const signal = await nextStopSignal();
    stopWatching();
    await running.close();
    await store.close?.();
    if (flags.logLevel !== 'silent') console.log(`interactions-kit: ${signal}, stopped`);
    return 0;
  },
};
