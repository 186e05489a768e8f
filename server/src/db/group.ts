// Group execution over one database: the calls made in one turn of the event loop, or while a
// statement runs, go together in the next statement (at most `most` at a time), each settled
// with its own result once that statement is done. On the embedded database every statement
// waits for the one connection, so n requests then cost one statement instead of n (issue #24,
// BENCHMARKS.md).

interface Waiting<I, O> {
  input: I;
  resolve: (output: O) => void;
  reject: (error: unknown) => void;
}

/** Runs `run` over groups of inputs; `run` resolves to one output per input, in order. */
export class Group<I, O> {
  readonly #run: (inputs: I[]) => Promise<O[]>;
  readonly #most: number;
  #waiting: Waiting<I, O>[] = [];
  #running = false;

  constructor(run: (inputs: I[]) => Promise<O[]>, most = 64) {
    this.#run = run;
    this.#most = most;
  }

  /** Resolves to this input's output once the statement holding it is done. */
  add(input: I): Promise<O> {
    return new Promise((resolve, reject) => {
      this.#waiting.push({ input, resolve, reject });
      if (!this.#running) {
        // After this turn's I/O: every request whose bytes arrived in it has queued its call by
        // then. (PGlite runs a statement within one turn, so without this wait no two calls would
        // ever meet.)
        this.#running = true;
        setImmediate(() => void this.#drain());
      }
    });
  }

  async #drain(): Promise<void> {
    try {
      while (this.#waiting.length > 0) {
        const batch = this.#waiting.splice(0, this.#most);
        try {
          const outputs = await this.#run(batch.map((waiting) => waiting.input));
          batch.forEach((waiting, n) => waiting.resolve(outputs[n] as O));
        } catch (error) {
          if (batch.length === 1) {
            batch[0]?.reject(error);
            continue;
          }
          // One bad input must not fail the others: each alone, so only its own call fails.
          for (const waiting of batch) {
            await this.#run([waiting.input]).then((outputs) => waiting.resolve(outputs[0] as O), waiting.reject);
          }
        }
      }
    } finally {
      this.#running = false;
    }
  }
}

/** One Group per database and purpose (so a batch never mixes two databases). */
export function groupPer<D extends object, I, O>(make: (db: D) => Group<I, O>): (db: D) => Group<I, O> {
  const groups = new WeakMap<D, Group<I, O>>();
  return (db) => {
    let group = groups.get(db);
    if (!group) {
      group = make(db);
      groups.set(db, group);
    }
    return group;
  };
}
