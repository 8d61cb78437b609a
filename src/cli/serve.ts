import type { Command } from './main.js';
import { CliError } from './cli-error.js';

export const serveCommand: Command = {
  summary: 'not built yet',
  async run() {
    throw new CliError('the serve command is not built yet', 1);
  },
};
