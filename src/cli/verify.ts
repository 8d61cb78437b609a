import type { Command } from './main.js';
import { CliError } from './cli-error.js';

export const verifyCommand: Command = {
  summary: 'not built yet',
  async run() {
    throw new CliError('the verify command is not built yet', 1);
  },
};
