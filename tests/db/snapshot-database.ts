import pg from "pg";

/** Every row of every application table, in a stable order: two equal snapshots mean nothing changed. */
export async function snapshotDatabase(url: string): Promise<Record<string, unknown[]>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = (
      await client.query<{ table_name: string }>(
        `select table_name from information_schema.tables
         where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> '_prisma_migrations'
         order by table_name`,
      )
    ).rows.map((row) => row.table_name);
    const snapshot: Record<string, unknown[]> = {};
    for (const table of tables) {
      const rows = (await client.query(`select * from "${table}"`)).rows.map((row) => JSON.stringify(row)).sort();
      snapshot[table] = rows;
    }
    return snapshot;
  } finally {
    await client.end();
  }
}
