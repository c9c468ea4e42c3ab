import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.js'
import { recordAudit } from '../db/tables/audit-log.js'
import { deleteUserSessions } from '../db/tables/sessions.js'
import { findUserById, type UserRow, updateUser } from '../db/tables/users.js'
import { AppError } from '../shared/errors.js'
import type { Actor } from './create-user.js'
import { hashPassword } from './passwords.js'
import { localeField, nameField, passwordField, roleField } from './schemas.js'
import { parseInput } from './validate.js'

async function load(db: Kysely<Database>, id: number): Promise<UserRow> {
  const u = await findUserById(db, id)
  if (!u) throw new AppError('NOT_FOUND', `No user with id ${id}`)
  return u
}

/** Changing a role ends the user's sessions at once, so the new rights apply on the next request. */
export async function setUserRole(db: Kysely<Database>, id: number, role: unknown, by: Actor): Promise<void> {
  const next = parseInput(roleField, role)
  await db.transaction().execute(async (trx) => {
    const u = await load(trx, id)
    if (u.role === 'admin' && next !== 'admin') await assertAnotherAdmin(trx, id)
    await updateUser(trx, id, { role: next })
    await deleteUserSessions(trx, id)
    await recordAudit(trx, {
      ...by,
      action: 'user.set_role',
      entity: 'user',
      entityId: id,
      before: { role: u.role },
      after: { role: next },
    })
  })
}

export async function setUserPassword(
  db: Kysely<Database>,
  id: number,
  password: unknown,
  by: Actor,
): Promise<void> {
  const pw = parseInput(passwordField, password)
  const password_hash = await hashPassword(pw)
  await db.transaction().execute(async (trx) => {
    await load(trx, id)
    await updateUser(trx, id, { password_hash })
    await deleteUserSessions(trx, id)
    await recordAudit(trx, { ...by, action: 'user.reset_password', entity: 'user', entityId: id })
  })
}

export async function setUserDisabled(
  db: Kysely<Database>,
  id: number,
  disabled: boolean,
  by: Actor,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const u = await load(trx, id)
    if (disabled && u.role === 'admin') await assertAnotherAdmin(trx, id)
    await updateUser(trx, id, { disabled: disabled ? 1 : 0 })
    if (disabled) await deleteUserSessions(trx, id)
    await recordAudit(trx, {
      ...by,
      action: disabled ? 'user.disable' : 'user.enable',
      entity: 'user',
      entityId: id,
      before: { disabled: u.disabled },
      after: { disabled: disabled ? 1 : 0 },
    })
  })
}

export async function updateProfile(
  db: Kysely<Database>,
  id: number,
  input: { name: unknown; locale: unknown },
  by: Actor,
) {
  const name = parseInput(nameField, input.name)
  const locale = parseInput(localeField, input.locale)
  await db.transaction().execute(async (trx) => {
    const u = await load(trx, id)
    await updateUser(trx, id, { name, locale })
    await recordAudit(trx, {
      ...by,
      action: 'user.update_profile',
      entity: 'user',
      entityId: id,
      before: { name: u.name, locale: u.locale },
      after: { name, locale },
    })
  })
}

/** The last active admin cannot be demoted or disabled: the office would lose its keys. */
async function assertAnotherAdmin(db: Kysely<Database>, exceptId: number) {
  const other = await db
    .selectFrom('users')
    .select('id')
    .where('role', '=', 'admin')
    .where('disabled', '=', 0)
    .where('id', '!=', exceptId)
    .executeTakeFirst()
  if (!other)
    throw new AppError('CONFLICT', 'This is the last active admin', {
      fields: [{ field: 'role', key: 'field.last_admin' }],
    })
}
