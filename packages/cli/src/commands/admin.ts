import { resolve } from 'node:path';
import { generatePassword, hashPassword, MIN_PASSWORD_LENGTH } from '@peakpath/server';
import { openStoreFromEnv, StoreError } from '@peakpath/store';
import type { Lang } from '@peakpath/core';
import type { CommandOutput } from '../output.ts';

export interface AdminOptions {
  readonly data: string;
  readonly lang: Lang;
  /** The password; generated and printed once when absent. Read from PEAKPATH_PASSWORD so it stays out of the shell history. */
  readonly password?: string | undefined;
  readonly name?: string | undefined;
}

/** Reads the password from PEAKPATH_PASSWORD or generates one (printed once). */
function chosenPassword(lang: Lang): { password: string; generated: boolean } | { error: string } {
  const given = process.env['PEAKPATH_PASSWORD'];
  if (given === undefined) return { password: generatePassword(), generated: true };
  if (given.length < MIN_PASSWORD_LENGTH) return { error: lang === 'zh' ? `PEAKPATH_PASSWORD：密码至少 ${MIN_PASSWORD_LENGTH} 个字符` : `PEAKPATH_PASSWORD: at least ${MIN_PASSWORD_LENGTH} characters` };
  return { password: given, generated: false };
}

/**
 * `peakpath admin create <email>` (the first administrator of an empty workspace, instead of the one
 * `serve` generates) and `peakpath admin set-password <email>`: run on the server's machine with the
 * server's database (DATABASE_URL or the data folder; a PGlite folder is locked while a server runs).
 * The way back in when a password is lost.
 */
export async function adminCommand(action: 'create' | 'set-password', email: string, options: AdminOptions): Promise<CommandOutput> {
  const chosen = chosenPassword(options.lang);
  const zh = options.lang === 'zh';
  if ('error' in chosen) return { status: 2, stderr: `${chosen.error}\n` };
  const store = await openStoreFromEnv(process.env, resolve(options.data));
  try {
    const passwordHash = await hashPassword(chosen.password);
    const address = email.toLowerCase();
    if (action === 'create') {
      // The store lets anyone create the first user only: later accounts are made by an admin (POST /api/users).
      if ((await store.countUsers()) > 0) return {
          status: 2,
          stderr: zh
            ? 'admin create：工作区已有用户；请由管理员通过 POST /api/users 添加账户，或使用 `peakpath admin set-password`\n'
            : 'admin create: the workspace has users already; an administrator adds accounts with POST /api/users, or use `peakpath admin set-password`\n',
        };
      await store.createUser({ kind: 'public' }, { email: address, name: options.name ?? address, passwordHash, admin: true });
    } else {
      const user = await store.userByEmail(address);
      if (!user) return { status: 2, stderr: zh ? `没有邮箱为 ${address} 的用户\n` : `no user with email ${address}\n` };
      // Whoever runs this has the database itself: the change is made as the user, who may set their own password.
      await store.setPasswordHash({ kind: 'user', userId: user.id, admin: user.admin }, user.id, passwordHash);
    }
    const shown = chosen.generated ? (zh ? `密码：${chosen.password}（仅显示一次）\n` : `password: ${chosen.password} (shown once)\n`) : '';
    const done = zh ? `${action === 'create' ? '已创建管理员' : '已设置密码'}：${address}` : `${action === 'create' ? 'created administrator' : 'password set'}: ${address}`;
    return { status: 0, stdout: `${done}\n${shown}` };
  } catch (error) {
    if (error instanceof StoreError) return { status: 2, stderr: `${error.message}\n` };
    throw error;
  } finally {
    await store.close();
  }
}
