import type { Kysely, Selectable } from 'kysely'
import { nowIso } from '../dialect.js'
import type { Database, UsersTable } from '../schema.js'

export type UserRow = Selectable<UsersTable>
export type Role = 'admin' | 'leader' | 'editor' | 'analyst' | 'viewer'
export const ROLES: readonly Role[] = ['admin', 'leader', 'editor', 'analyst', 'viewer']

export interface NewUser {
  email: string
  name: string
  role: Role
  passwordHash: string
  locale?: string
}

export async function insertUser(db: Kysely<Database>, u: NewUser): Promise<UserRow> {
  const now = nowIso()
  return db
    .insertInto('users')
    .values({
      email: u.email.toLowerCase(),
      name: u.name,
      role: u.role,
      password_hash: u.passwordHash,
      locale: u.locale ?? 'vi',
      disabled: 0,
      created_at: now,
      updated_at: now,
      last_login_at: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
}

export const findUserByEmail = (db: Kysely<Database>, email: string) =>
  db.selectFrom('users').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst()

export const findUserById = (db: Kysely<Database>, id: number) =>
  db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst()

export const listUsers = (db: Kysely<Database>, opts: { limit?: number; offset?: number } = {}) =>
  db
    .selectFrom('users')
    .selectAll()
    .orderBy('id')
    .limit(opts.limit ?? 100)
    .offset(opts.offset ?? 0)
    .execute()

export async function countUsers(db: Kysely<Database>): Promise<number> {
  const r = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .executeTakeFirst()
  return Number(r?.n ?? 0)
}

export async function updateUser(
  db: Kysely<Database>,
  id: number,
  patch: Partial<
    Pick<UsersTable, 'name' | 'role' | 'password_hash' | 'locale' | 'disabled' | 'last_login_at'>
  >,
): Promise<void> {
  await db
    .updateTable('users')
    .set({ ...patch, updated_at: nowIso() })
    .where('id', '=', id)
    .execute()
}
