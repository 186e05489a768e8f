// Why the embedded database runs named statements (issue #24): PGlite's query() makes five calls
// into its WebAssembly PostgreSQL for one statement (parse, describe, bind, describe, execute),
// and PostgreSQL parses and plans the text every time. The service's statements are fixed texts
// whose values are always bound parameters, so each is parsed and described once, under a name,
// and each run after that is one call (Bind, Describe, Execute, Sync). PostgreSQL still plans each
// run for its values (plan_cache_mode, database.ts): its generic plans cost Password Help? found a
// third of its requests a second (BENCHMARKS.md, sixth slice). Values and rows go through PGlite's own
// serializers and parsers, as its query() does.
import { parse, protocol, type PGlite } from '@electric-sql/pglite';

/** How many statements get a name; any others run through PGlite's query() (a bound, should a text ever vary). */
export const NAMED_STATEMENTS = 200;

/** A statement prepared under a name, with the types PostgreSQL gave its parameters. */
interface Prepared {
  name: string;
  paramTypes: number[];
}

/** Describe (the portal), Execute and Sync: what follows every Bind. */
const AFTER_BIND = Buffer.concat([protocol.serialize.describe({ type: 'P' }), protocol.serialize.execute(), protocol.serialize.sync()]);

/**
 * A run's messages (Bind, then AFTER_BIND), written into one buffer kept from run to run: a new
 * buffer per run, as PGlite's serializer makes, left glibc's heap 16 MiB larger after a soak
 * (BENCHMARKS.md, sixth slice).
 */
export class RunMessage {
  #bytes = new Uint8Array(16 * 1024);
  #view = new DataView(this.#bytes.buffer);
  readonly #encoder = new TextEncoder();

  /** Bind (unnamed portal, statement `name`, every value as text, text results) and AFTER_BIND. */
  bind(name: string, values: readonly (string | null)[]): Uint8Array {
    let size = 1 + 4 + 1 + name.length * 3 + 1 + 2 + 2 + 2 + AFTER_BIND.length;
    for (const value of values) size += 2 + 4 + (value === null ? 0 : value.length * 3);
    if (size > this.#bytes.length) {
      this.#bytes = new Uint8Array(Math.max(size, this.#bytes.length * 2));
      this.#view = new DataView(this.#bytes.buffer);
    }
    const bytes = this.#bytes;
    const view = this.#view;
    let at = 0;
    bytes[at++] = 0x42; // 'B'
    at += 4; // the length, written last
    bytes[at++] = 0; // the unnamed portal
    at += this.#encoder.encodeInto(name, bytes.subarray(at)).written;
    bytes[at++] = 0;
    // One format code per value, each 0 (text), as PGlite's serializer writes them; then the values.
    view.setInt16(at, values.length);
    at += 2;
    for (let n = 0; n < values.length; n++, at += 2) view.setInt16(at, 0);
    view.setInt16(at, values.length);
    at += 2;
    for (const value of values) {
      if (value === null) {
        view.setInt32(at, -1);
        at += 4;
        continue;
      }
      const { written } = this.#encoder.encodeInto(value, bytes.subarray(at + 4));
      view.setInt32(at, written);
      at += 4 + written;
    }
    view.setInt16(at, 0); // no result format codes: every column as text
    at += 2;
    view.setInt32(1, at - 1);
    bytes.set(AFTER_BIND, at);
    return bytes.subarray(0, at + AFTER_BIND.length);
  }
}

/** Runs statements with parameters on one PGlite under names; see the top of this file. */
export class PgliteStatements {
  readonly #db: PGlite;
  readonly #prepared = new Map<string, Promise<Prepared>>();
  readonly #message = new RunMessage();
  #names = 0;

  constructor(db: PGlite) {
    this.#db = db;
  }

  /**
   * Runs one statement and resolves to its rows. It runs on the connection as it is: inside a
   * transaction when one is open, so the caller decides when it may run.
   */
  async run<T>(sql: string, params: readonly unknown[]): Promise<T[]> {
    const prepared = params.length > 0 ? this.#named(sql) : undefined;
    if (!prepared) return (await this.#db.query<T>(sql, [...params])).rows;
    const { name, paramTypes } = await prepared;
    const values = params.map((value, n) => this.#serialize(value, paramTypes[n] ?? 0));
    // Written into the one reusable buffer in this turn, which PGlite copies in before it yields.
    const messages = await this.#db.runExclusive(() => this.#db.execProtocolStream(this.#message.bind(name, values)));
    return (parse.parseResults(messages, this.#db.parsers)[0]?.rows ?? []) as T[];
  }

  /** The statement's preparation, begun on its first run; undefined once every name is given. */
  #named(sql: string): Promise<Prepared> | undefined {
    let prepared = this.#prepared.get(sql);
    if (prepared || this.#prepared.size >= NAMED_STATEMENTS) return prepared;
    const name = `login_help_${++this.#names}`;
    prepared = this.#db.runExclusive(async () => {
      const message = Buffer.concat([protocol.serialize.parse({ name, text: sql, types: [] }), protocol.serialize.describe({ type: 'S', name }), protocol.serialize.sync()]);
      return { name, paramTypes: parse.parseDescribeStatementResults(await this.#db.execProtocolStream(message)) };
    });
    this.#prepared.set(sql, prepared);
    // A text PostgreSQL refuses is not kept: the next run tries again (and fails the same way).
    prepared.catch(() => this.#prepared.delete(sql));
    return prepared;
  }

  /** A value as PGlite's query() sends it: null, its type's serializer, or its text. */
  #serialize(value: unknown, type: number): string | null {
    if (value === null || value === undefined) return null;
    const serializer = this.#db.serializers[type];
    return serializer ? serializer(value) : String(value);
  }
}
