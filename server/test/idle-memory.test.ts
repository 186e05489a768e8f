// The idle collection (idle-memory.ts): when it collects, and that the collection it calls is V8's
// full one (the garbage of a burst is gone from the heap afterwards).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { afterWindow, fullCollection, QUIET_SHARE, WORK_BEFORE_COLLECTING_MS } from '../src/idle-memory.js';

describe('the idle collection', () => {
  it('collects once, in the first quiet window after a burst of work', () => {
    let state = { workMs: 0 };
    const decisions: boolean[] = [];
    // Busy windows (the whole window on CPU), then quiet ones.
    for (const cpuMs of [2000, 2000, 0, 0, 0]) {
      const next = afterWindow(state, cpuMs, 2000);
      decisions.push(next.collect);
      state = next.state;
    }
    assert.deepEqual(decisions, [false, false, true, false, false]);
  });

  it('does not collect while busy, nor after too little work', () => {
    assert.equal(afterWindow({ workMs: 10 * WORK_BEFORE_COLLECTING_MS }, 2000 * QUIET_SHARE, 2000).collect, false);
    assert.equal(afterWindow({ workMs: WORK_BEFORE_COLLECTING_MS - 1 }, 0, 2000).collect, false);
    assert.equal(afterWindow({ workMs: WORK_BEFORE_COLLECTING_MS }, 0, 2000).collect, true);
  });

  it('frees the garbage a burst left in the heap', () => {
    const collect = fullCollection();
    collect();
    const before = process.memoryUsage().heapUsed;
    // A burst: rows that live only in this function, garbage once it returns.
    const grown = ((): number => {
      const rows = Array.from({ length: 200_000 }, (_, n) => ({ n, text: `row ${n}` }));
      return rows.length > 0 ? process.memoryUsage().heapUsed - before : 0;
    })();
    assert.ok(grown > 5 * 1024 * 1024, `the burst left at least 5 MiB (${grown} bytes)`);
    collect();
    assert.ok(process.memoryUsage().heapUsed - before < 2 * 1024 * 1024, 'the collection freed it');
  });
});
