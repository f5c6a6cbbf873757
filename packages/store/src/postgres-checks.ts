import type { PostgresDatabase } from './postgres-db.ts';
import { StoreError } from './store.ts';
import { bilingual } from './messages.ts';

/**
 * Row-level security binds only roles that are neither superuser, nor BYPASSRLS, nor the tables' owner;
 * and the audit chain is append-only only if the role may not UPDATE or DELETE it. The store refuses to
 * run on PostgreSQL otherwise, and says how to make the right role.
 */
export async function checkAppRole(db: PostgresDatabase): Promise<void> {
  const [role] = await db.query<{ name: string; superuser: boolean; bypass: boolean; owns: boolean; audit_update: boolean; audit_delete: boolean }>(
    `SELECT current_user AS name, r.rolsuper AS superuser, r.rolbypassrls AS bypass,
       EXISTS (SELECT 1 FROM pg_tables t WHERE t.schemaname = 'public' AND t.tablename IN ('documents', 'audit_log') AND t.tableowner = current_user) AS owns,
       coalesce(has_table_privilege(current_user, to_regclass('public.audit_log'), 'UPDATE'), false) AS audit_update,
       coalesce(has_table_privilege(current_user, to_regclass('public.audit_log'), 'DELETE'), false) AS audit_delete
     FROM pg_roles r WHERE r.rolname = current_user`,
  );
  if (role === undefined) throw new Error('current_user has no row in pg_roles');
  const faults: string[] = [];
  if (role.superuser) faults.push('superuser');
  if (role.bypass) faults.push('BYPASSRLS');
  if (role.owns) faults.push('owner of the tables');
  if (role.audit_update || role.audit_delete) faults.push('may UPDATE or DELETE audit_log');
  if (faults.length === 0) return;
  const fix = [
    `CREATE ROLE peakpath_app LOGIN PASSWORD '…' NOSUPERUSER NOBYPASSRLS;`,
    `GRANT CONNECT ON DATABASE <db> TO peakpath_app; GRANT USAGE ON SCHEMA public TO peakpath_app;`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO peakpath_app;`,
    `REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM peakpath_app;`,
  ].join('\n');
  throw new StoreError(
    'unsafe-role',
    bilingual(
      `数据库角色 ${role.name} 不安全（${faults.join('，')}）：行级安全对它不起作用，或它能改写审计记录。请用应用专用角色连接（DATABASE_URL），用拥有者角色迁移（PEAKPATH_MIGRATION_URL），例如：\n${fix}\n（或运行 setupPostgres，见 docs/workspace-storage.md）`,
      `The database role ${role.name} is unsafe (${faults.join(', ')}): row-level security does not bind it, or it could rewrite the audit trail. Connect as an app role (DATABASE_URL) and migrate as the owner (PEAKPATH_MIGRATION_URL), e.g.:\n${fix}\n(or run setupPostgres; see docs/workspace-storage.md)`,
    ),
  );
}
