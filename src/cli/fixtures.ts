import type { Command } from './main.js';
import { CliError } from './cli-error.js';

export const fixturesCommand: Command = {
  summary: 'not built yet',
  async run() {
    throw new CliError('the fixtures command is not built yet', 1);
  },
};
