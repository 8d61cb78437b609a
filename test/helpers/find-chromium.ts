/**
 * Where a Chromium is, if any: `CHROMIUM_PATH` when set, else `chromium` or `chromium-browser`
 * (Debian's names) on the PATH. Nothing is downloaded: without one, browser tests are skipped
 * and say how to install it.
 */
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** The one command that installs what the browser tests need (Debian). */
export const INSTALL_CHROMIUM = 'apt-get install chromium';

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The path of a Chromium to drive, or undefined when none is installed. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const given = env.CHROMIUM_PATH;
  if (given !== undefined && given !== '') return executable(given) ? given : undefined;
  for (const dir of (env.PATH ?? '').split(delimiter).filter((entry) => entry !== ''))
    for (const name of ['chromium', 'chromium-browser']) if (executable(join(dir, name))) return join(dir, name);
  return undefined;
}
