import { sql, type CreateTableBuilder, type Kysely, type RawBuilder } from 'kysely';

/**
 * Rebuilds a table with a new definition and keeps its rows: SQLite cannot add a constraint or change a
 * primary key in place, so both backends do the same — create the new table under a temporary name,
 * copy the rows that fit it, drop the old one, rename the new one. In one transaction (Postgres runs
 * migrations in one anyway; SQLite's migrator does not).
 * `columns` maps each column of the new table to the expression that fills it from the old row; `keep`
 * says which old rows fit (rows that cannot be kept — a NULL or overlong key — are left behind).
 */
export async function rebuildTable(
  db: Kysely<any>,
  table: string,
  define: (builder: CreateTableBuilder<string, never>, name: string) => CreateTableBuilder<string, any>,
  columns: Record<string, RawBuilder<unknown>>,
  keep: RawBuilder<unknown>,
  after?: (db: Kysely<any>) => Promise<void>,
): Promise<void> {
  const next = `${table}__next`;
  const body = async (trx: Kysely<any>): Promise<void> => {
    await define(trx.schema.createTable(next), next).execute();
    const names = Object.keys(columns);
    await sql`insert into ${sql.table(next)} (${sql.join(names.map((n) => sql.ref(n)))}) select ${sql.join(Object.values(columns))} from ${sql.table(table)} where ${keep}`.execute(trx);
    await trx.schema.dropTable(table).execute();
    await trx.schema.alterTable(next).renameTo(table).execute();
    await after?.(trx);
  };
  if (db.isTransaction) await body(db);
  else await db.transaction().execute(body);
}

/** The column as it was. */
export const same = (column: string): RawBuilder<unknown> => sql.ref(column);

/** `length(column) <= max`: a CHECK, and the condition an old row meets to be kept. */
export const within = (column: string, max: number): RawBuilder<unknown> => sql`length(${sql.ref(column)}) <= ${sql.lit(max)}`;

/** Every condition. */
export const all = (...conditions: Array<RawBuilder<unknown>>): RawBuilder<unknown> => sql`${sql.join(conditions, sql` and `)}`;
