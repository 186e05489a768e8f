// db/group.ts: the calls of one event-loop turn go in one statement, each answered with its own
// result; a statement that fails is retried call by call, so only the bad call fails.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Group } from '../src/db/group.js';

describe('Group', () => {
  it('runs the calls made in one turn together, each settled with its own output', async () => {
    const runs: number[][] = [];
    const group = new Group(async (inputs: number[]) => {
      runs.push(inputs);
      return inputs.map((n) => n * 10);
    });
    const outputs = await Promise.all([1, 2, 3, 4].map((n) => group.add(n)));
    assert.deepEqual(outputs, [10, 20, 30, 40]);
    assert.deepEqual(runs, [[1, 2, 3, 4]]);
  });

  it('takes the calls that arrive while a statement runs in the next one, at most `most` at a time', async () => {
    const runs: number[][] = [];
    let release: () => void = () => undefined;
    const group = new Group(async (inputs: number[]) => {
      runs.push(inputs);
      if (runs.length === 1) await new Promise<void>((resolve) => (release = resolve));
      return inputs;
    }, 2);
    const first = group.add(0);
    await new Promise((resolve) => setImmediate(resolve));
    const later = [1, 2, 3].map((n) => group.add(n));
    release();
    assert.deepEqual(await Promise.all([first, ...later]), [0, 1, 2, 3]);
    assert.deepEqual(runs, [[0], [1, 2], [3]]);
  });

  it('fails only the call whose input the statement refuses', async () => {
    const group = new Group(async (inputs: number[]) => {
      if (inputs.includes(2)) throw new Error('refused: 2');
      return inputs;
    });
    const settled = await Promise.allSettled([1, 2, 3].map((n) => group.add(n)));
    assert.deepEqual(
      settled.map((result) => (result.status === 'fulfilled' ? result.value : (result.reason as Error).message)),
      [1, 'refused: 2', 3],
    );
  });
});
