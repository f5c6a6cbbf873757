import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migrate } from './migrate.ts';
import { PostgresDatabase } from './postgres-db.ts';
import { StoreError } from './store.ts';
import { bilingual } from './messages.ts';

/**
 * Sets up a database for peakpath, for operators and for tests: creates `dbName` (owned by the admin
 * URL's role, which applies the migrations) and its app role `<dbName>_app` (LOGIN, not superuser, not
 * BYPASSRLS, not the owner) with the rights the store needs and no UPDATE or DELETE on the audit trail.
 * Returns the app role's URL, for DATABASE_URL. Later migrations are applied with the owner's URL as
 * PEAKPATH_MIGRATION_URL; default privileges give the app role the tables they add.
 */
export async function setupPostgres(adminUrl: string, dbName: string): Promise<string> {
  checkName(dbName);
  const role = appRoleName(dbName);
  const password = randomBytes(18).toString('base64url');
  await withClient(adminUrl, async (client) => {
    await client.query(await formatted(client, 'CREATE DATABASE %I', dbName));
    await client.query(await formatted(client, 'CREATE ROLE %I LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE PASSWORD %L', role, password));
  });
  const ownerUrl = withDatabase(adminUrl, dbName);
  const owner = new PostgresDatabase(ownerUrl);
  try {
    await migrate(owner);
  } finally {
    await owner.close();
  }
  await withClient(ownerUrl, async (client) => {
    const [ownerRole] = (await client.query<{ name: string }>('SELECT current_user AS name')).rows;
    for (const statement of [
      ['GRANT CONNECT ON DATABASE %I TO %I', dbName, role],
      ['GRANT USAGE ON SCHEMA public TO %I', role],
      ['GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO %I', role],
      ['REVOKE UPDATE, DELETE, TRUNCATE ON audit_log, peakpath_migrations FROM %I', role],
      ['REVOKE INSERT ON peakpath_migrations FROM %I', role],
      ['ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO %I', ownerRole!.name, role],
    ] as const) {
      const [template, ...names] = statement;
      await client.query(await formatted(client, template, ...names));
    }
  });
  const url = new URL(ownerUrl);
  url.username = role;
  url.password = password;
  return url.toString();
}

/** Drops a database made by setupPostgres and its app role (tests; operators retiring a workspace). */
export async function dropPostgres(adminUrl: string, dbName: string): Promise<void> {
  checkName(dbName);
  await withClient(adminUrl, async (client) => {
    await client.query(await formatted(client, 'DROP DATABASE IF EXISTS %I WITH (FORCE)', dbName));
    await client.query(await formatted(client, 'DROP ROLE IF EXISTS %I', appRoleName(dbName)));
  });
}

export const appRoleName = (dbName: string): string => `${dbName}_app`;

/** A URL naming another database on the same server. */
export function withDatabase(url: string, dbName: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${dbName}`;
  return parsed.toString();
}

function checkName(dbName: string): void {
  if (!/^[a-z_][a-z0-9_]{0,50}$/.test(dbName)) {
    throw new StoreError('invalid', bilingual(`dbName：应为小写字母、数字和下划线（以字母或下划线开头，最多 51 个字符），收到 ${JSON.stringify(dbName)}`, `dbName: expected lower-case letters, digits and underscores (starting with a letter or underscore, at most 51 characters), got ${JSON.stringify(dbName)}`));
  }
}

/** DDL takes no parameters: identifiers and literals are quoted by the server's own format(). */
async function formatted(client: pg.Client, template: string, ...values: string[]): Promise<string> {
  const placeholders = values.map((_, index) => `$${index + 2}::text`).join(', ');
  const { rows } = await client.query<{ sql: string }>(`SELECT format($1${placeholders === '' ? '' : `, ${placeholders}`}) AS sql`, [template, ...values]);
  return rows[0]!.sql;
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
