import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.js'
import { recordAudit } from '../db/tables/audit-log.js'
import { clearLoginFailures, recentFailures, recordLoginFailure } from '../db/tables/login-attempts.js'
import { findUserByEmail, updateUser } from '../db/tables/users.js'
import { AppError } from '../shared/errors.js'
import { burnVerify, verifyPassword } from './passwords.js'
import { startSession } from './sessions.js'

export interface LoginPolicy {
  maxAttempts: number
  windowMinutes: number
  sessionDays: number
}

/** A whole office may sit behind one NAT address: an address gets this many times an account's budget. */
const ADDRESS_FACTOR = 5

/**
 * Checks the password and opens a session. Failures are counted per account and per address in the
 * database (so they hold across restarts and web replicas); past the limit, login is refused with
 * RATE_LIMITED even for the right password, until the window passes.
 */
export async function login(
  db: Kysely<Database>,
  input: { email: string; password: string; ip: string | null; userAgent: string | null },
  policy: LoginPolicy,
): Promise<{ token: string; userId: number; locale: string }> {
  const email = input.email.trim().toLowerCase()
  const keys = [`email:${email}`, ...(input.ip ? [`ip:${input.ip}`] : [])]
  const since = new Date(Date.now() - policy.windowMinutes * 60_000).toISOString()
  const byAccount = await recentFailures(db, [`email:${email}`], since)
  const byAddress = input.ip ? await recentFailures(db, [`ip:${input.ip}`], since) : 0
  if (byAccount >= policy.maxAttempts || byAddress >= policy.maxAttempts * ADDRESS_FACTOR) {
    throw new AppError(
      'RATE_LIMITED',
      `Too many failed logins for ${email}; wait ${policy.windowMinutes} minutes`,
      {
        details: { minutes: policy.windowMinutes },
      },
    )
  }
  const user = email ? await findUserByEmail(db, email) : undefined
  const ok =
    user && !user.disabled
      ? await verifyPassword(user.password_hash, input.password)
      : await burnVerify(input.password)
  if (!ok || !user) {
    await recordLoginFailure(db, keys, new Date().toISOString())
    throw new AppError('LOGIN_FAILED', `Wrong e-mail or password for ${email}`)
  }
  return db.transaction().execute(async (trx) => {
    await clearLoginFailures(trx, [`email:${email}`])
    await updateUser(trx, user.id, { last_login_at: new Date().toISOString() })
    const token = await startSession(trx, user.id, {
      days: policy.sessionDays,
      ip: input.ip,
      userAgent: input.userAgent,
    })
    await recordAudit(trx, {
      userId: user.id,
      actor: user.email,
      action: 'session.login',
      entity: 'user',
      entityId: user.id,
      ip: input.ip,
    })
    return { token, userId: user.id, locale: user.locale }
  })
}
