import type { Kysely } from 'kysely'
import { z } from 'zod'
import type { Database } from '../db/schema.js'
import { recordAudit } from '../db/tables/audit-log.js'
import { insertLocality } from '../db/tables/localities.js'
import { putSetting } from '../db/tables/settings.js'
import { countUsers, insertUser, type UserRow } from '../db/tables/users.js'
import { AppError } from '../shared/errors.js'
import { hashPassword } from './passwords.js'
import { emailField, localeField, nameField, passwordField } from './schemas.js'
import { parseInput } from './validate.js'

export const SetupInput = z
  .object({
    officeName: nameField,
    email: emailField,
    name: nameField,
    password: passwordField,
    passwordConfirm: z.string({ error: 'field.required' }),
    provinceName: nameField,
    communeName: z.string().trim().max(200, 'field.too_long').default(''),
    locale: localeField.default('vi'),
  })
  .refine((v) => v.password === v.passwordConfirm, {
    path: ['passwordConfirm'],
    message: 'field.password_mismatch',
  })

export const isSetUp = async (db: Kysely<Database>) => (await countUsers(db)) > 0

/**
 * First run: creates the first admin, the office's home locality (country → province → commune)
 * and the office name, all in one transaction. Refused once any user exists: there is no default
 * password anywhere.
 */
export async function runSetup(db: Kysely<Database>, input: unknown, ip: string | null): Promise<UserRow> {
  const data = parseInput(SetupInput, input)
  const passwordHash = await hashPassword(data.password)
  return db.transaction().execute(async (trx) => {
    if (await isSetUp(trx)) throw new AppError('SETUP_DONE', 'Setup has already been completed')
    const user = await insertUser(trx, {
      email: data.email,
      name: data.name,
      role: 'admin',
      passwordHash,
      locale: data.locale,
    })
    const country = await insertLocality(trx, {
      level: 'country',
      name: 'Việt Nam',
      nameEn: 'Viet Nam',
      code: 'VN',
      placeId: 'country:VN',
    })
    const province = await insertLocality(trx, {
      level: 'province',
      name: data.provinceName,
      parentId: country.id,
      isHome: !data.communeName,
    })
    if (data.communeName) {
      await insertLocality(trx, {
        level: 'commune',
        name: data.communeName,
        parentId: province.id,
        isHome: true,
      })
    }
    await putSetting(trx, 'office', { name: data.officeName })
    await recordAudit(trx, {
      userId: user.id,
      actor: 'setup',
      action: 'setup.complete',
      entity: 'user',
      entityId: user.id,
      after: {
        email: user.email,
        office: data.officeName,
        province: data.provinceName,
        commune: data.communeName,
      },
      ip,
    })
    return user
  })
}
