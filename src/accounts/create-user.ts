import type { Kysely } from 'kysely'
import { z } from 'zod'
import type { Database } from '../db/schema.js'
import { recordAudit } from '../db/tables/audit-log.js'
import { findUserByEmail, insertUser, type Role, type UserRow } from '../db/tables/users.js'
import { AppError } from '../shared/errors.js'
import { hashPassword } from './passwords.js'
import { emailField, localeField, nameField, passwordField, roleField } from './schemas.js'
import { parseInput } from './validate.js'

export const NewUserInput = z.object({
  email: emailField,
  name: nameField,
  role: roleField,
  password: passwordField,
  locale: localeField.default('vi'),
})

export interface Actor {
  userId: number | null
  actor: string
  ip?: string | null
}

/** Validates, hashes, inserts and audits a user in one transaction; nothing is written on failure. */
export async function createUser(db: Kysely<Database>, input: unknown, by: Actor): Promise<UserRow> {
  const data = parseInput(NewUserInput, input)
  const passwordHash = await hashPassword(data.password)
  return db.transaction().execute(async (trx) => {
    if (await findUserByEmail(trx, data.email)) {
      throw new AppError('CONFLICT', `A user with e-mail ${data.email} already exists`, {
        fields: [{ field: 'email', key: 'field.email_taken' }],
      })
    }
    const user = await insertUser(trx, { ...data, role: data.role as Role, passwordHash })
    await recordAudit(trx, {
      ...by,
      action: 'user.create',
      entity: 'user',
      entityId: user.id,
      after: { email: user.email, name: user.name, role: user.role },
    })
    return user
  })
}
