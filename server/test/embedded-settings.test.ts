// The embedded database runs with buffers sized for a clinic, not a server (database.ts): what
// keeps the idle service small (BENCHMARKS.md, "Memory of the embedded default").
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { openDatabase } from '../src/db/database.js';

describe('the embedded database settings', () => {
  for (const where of ['a data folder', 'memory'] as const) {
    it(`PGlite in ${where} starts with 16 MB of shared buffers and small work memory`, async () => {
      const dir = await mkdtemp(path.join(tmpdir(), 'login-help-settings-'));
      const db = await openDatabase({ dataDir: where === 'memory' ? 'memory://' : path.join(dir, 'data') });
      try {
        const [row] = await db.query<{ shared_buffers: string; work_mem: string }>(`SELECT current_setting('shared_buffers') AS shared_buffers, current_setting('work_mem') AS work_mem`);
        assert.deepEqual(row, { shared_buffers: '16MB', work_mem: '1MB' });
      } finally {
        await db.close();
        await rm(dir, { recursive: true, force: true });
      }
    });
  }
});
