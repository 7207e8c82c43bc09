import pg from "pg";

/**
 * Everything about a database's public schema that Prisma Migrate manages:
 * columns, constraints, indexes and enums, as sorted plain data so two
 * databases can be compared with toEqual.
 */
export async function readCatalog(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const skip = "_prisma_migrations";
    const columns = await client.query(
      `select table_name, column_name, data_type, udt_name, is_nullable, column_default
         from information_schema.columns where table_schema = 'public' and table_name <> $1
        order by table_name, column_name`,
      [skip],
    );
    const constraints = await client.query(
      `select conrelid::regclass::text as table_name, conname, pg_get_constraintdef(oid) as def
         from pg_constraint where connamespace = 'public'::regnamespace and conrelid::regclass::text <> $1
        order by 1, 2`,
      [skip],
    );
    const indexes = await client.query(
      `select tablename, indexname, indexdef from pg_indexes
        where schemaname = 'public' and tablename <> $1 order by 1, 2`,
      [skip],
    );
    const enums = await client.query(
      `select t.typname, array_agg(e.enumlabel order by e.enumsortorder) as labels
         from pg_type t join pg_enum e on e.enumtypid = t.oid
         join pg_namespace n on n.oid = t.typnamespace where n.nspname = 'public'
        group by t.typname order by 1`,
    );
    return { columns: columns.rows, constraints: constraints.rows, indexes: indexes.rows, enums: enums.rows };
  } finally {
    await client.end();
  }
}

/** Runs a SQL script (several statements) against `url`. */
export async function runSql(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
