import pg from 'pg';

/**
 * A new, uniquely named database on the PostgreSQL server of `serverUrl`, dropped by `drop`: empty,
 * or a copy of the database `template` (which nobody may be connected to meanwhile).
 */
export async function createScratchPostgres(serverUrl: string, template?: string): Promise<{ name: string; url: string; drop: () => Promise<void> }> {
  const name = `plugipay_test_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ''}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
