/**
 * `validateResponses` checks each answer in a `finish` listener, where a throw is an uncaught
 * exception that ends the process. Whatever the validator does, the answer is journalled with
 * a violation and the process goes on.
 */
import express from 'express';
import request from 'supertest';
import { describe, expect, it, vi } from 'vitest';
import type { Contract } from '../../src/contract/index.js';
import type { JournalLocals } from '../../src/server/journal-middleware.js';
import { validateResponsesMiddleware } from '../../src/server/validate-responses.js';

describe('the validateResponses listener', () => {
  it('turns a validator that throws into a reported violation', async () => {
    const contract = {
      validateResponse: () => {
        throw new TypeError('schema is invalid');
      },
    } as unknown as Contract;
    const seen: Array<JournalLocals['violations']> = [];
    const app = express();
    app.use((_req, res, next) => {
      // `close` comes after `finish`: the journal reads the violations then too.
      res.on('close', () => seen.push((res.locals as JournalLocals).violations));
      next();
    });
    app.use(validateResponsesMiddleware(contract));
    app.get('/x', (_req, res) => {
      res.json({ ok: true });
    });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      expect((await request(app).get('/x')).status).toBe(200);
      await vi.waitFor(() => expect(seen).toHaveLength(1));
      expect(seen[0]).toEqual([
        { pointer: '', rule: 'validator-error', message: 'the response could not be validated: schema is invalid' },
      ]);
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('schema is invalid'));
    } finally {
      warn.mockRestore();
    }
  });
});
