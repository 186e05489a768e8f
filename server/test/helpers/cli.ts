// Runs the CLI in-process against a database of the engine under test.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { main } from '../../src/cli.js';
import { freshDatabase } from './database.js';

/** One CLI run's result. */
export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** A place for CLI runs: a PGlite folder, or a fresh PostgreSQL schema. */
export async function cliWorkspace(): Promise<{ env: Record<string, string>; dir: string; run(args: string[], stdin?: string): Promise<CliRun>; close(): Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'login-help-cli-'));
  const fresh = await freshDatabase();
  const env: Record<string, string> = fresh.url
    ? { DATABASE_URL: `${fresh.url}?options=${encodeURIComponent(`-c search_path=${fresh.schema}`)}` }
    : { LOGIN_HELP_DATA: path.join(dir, 'data') };
  if (!fresh.url) await fresh.drop();
  return {
    env,
    dir,
    async run(args, stdin = '') {
      let out = '';
      let err = '';
      const output = { out: (text: string) => (out += `${text}\n`), err: (text: string) => (err += `${text}\n`), write: async (chunk: string) => void (out += chunk) };
      const code = await main(args, output, Readable.from([stdin]), env);
      return { code, out, err };
    },
    async close() {
      if (fresh.url) await fresh.drop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
