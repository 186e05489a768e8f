// The columns a table is written with, named once: the single-row INSERT and the grouped one (one
// array per column, through unnest) are both made from the same list, so they cannot drift apart.

/** A table's columns as written, each with its PostgreSQL type. */
export type Columns = readonly (readonly [name: string, type: string])[];

const names = (columns: Columns): string => columns.map(([name]) => name).join(', ');

/** `INSERT INTO table (a, b) VALUES ($1, $2)`: one row, its values in the columns' order. */
export const insertOne = (table: string, columns: Columns): string =>
  `INSERT INTO ${table} (${names(columns)}) VALUES (${columns.map((_, n) => `$${n + 1}`).join(', ')})`;

/** Many rows from one array per column, the arrays being parameters `$from` onwards. */
export const insertMany = (table: string, columns: Columns, from: number): string =>
  `INSERT INTO ${table} (${names(columns)}) SELECT * FROM unnest(${columns.map(([, type], n) => `$${from + n}::${type}[]`).join(', ')})`;
