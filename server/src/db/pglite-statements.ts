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

/** The messages as one buffer, in order. */
function joined(parts: readonly Uint8Array[]): Uint8Array {
  const all = new Uint8Array(parts.reduce((length, part) => length + part.length, 0));
  let at = 0;
  for (const part of parts) {
    all.set(part, at);
    at += part.length;
  }
  return all;
}

/** Runs statements with parameters on one PGlite under names; see the top of this file. */
export class PgliteStatements {
  readonly #db: PGlite;
  readonly #prepared = new Map<string, Promise<Prepared>>();
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
    const message = joined([protocol.serialize.bind({ statement: name, values }), protocol.serialize.describe({ type: 'P' }), protocol.serialize.execute(), protocol.serialize.sync()]);
    const result = await this.#db.runExclusive(() => this.#db.execProtocol(message));
    return (parse.parseResults(result.messages, this.#db.parsers)[0]?.rows ?? []) as T[];
  }

  /** The statement's preparation, begun on its first run; undefined once every name is given. */
  #named(sql: string): Promise<Prepared> | undefined {
    let prepared = this.#prepared.get(sql);
    if (prepared || this.#prepared.size >= NAMED_STATEMENTS) return prepared;
    const name = `login_help_${++this.#names}`;
    prepared = this.#db.runExclusive(async () => {
      const message = joined([protocol.serialize.parse({ name, text: sql, types: [] }), protocol.serialize.describe({ type: 'S', name }), protocol.serialize.sync()]);
      return { name, paramTypes: parse.parseDescribeStatementResults((await this.#db.execProtocol(message)).messages) };
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
