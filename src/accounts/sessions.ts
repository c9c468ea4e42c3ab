import { createHash, randomBytes } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.js'
import { deleteSession, findLiveSession, insertSession, touchSession } from '../db/tables/sessions.js'

/** Sliding sessions: refresh the expiry at most this often, so reads do not write on every request. */
const TOUCH_EVERY_MS = 5 * 60_000

export interface SessionUser {
  sessionId: string
  id: number
  email: string
  name: string
  role: string
  locale: string
}

const digest = (token: string) => createHash('sha256').update(token).digest('hex')

/** Creates a session row and returns the secret token for the cookie (only its hash is stored). */
export async function startSession(
  db: Kysely<Database>,
  userId: number,
  opts: { days: number; ip?: string | null; userAgent?: string | null },
): Promise<string> {
  const token = randomBytes(32).toString('base64url')
  const now = new Date()
  await insertSession(db, {
    id: digest(token),
    user_id: userId,
    created_at: now.toISOString(),
    last_seen_at: now.toISOString(),
    expires_at: new Date(now.getTime() + opts.days * 86_400_000).toISOString(),
    ip: opts.ip ?? null,
    user_agent: opts.userAgent?.slice(0, 300) ?? null,
  })
  return token
}

export async function resolveSession(
  db: Kysely<Database>,
  token: string,
  days: number,
): Promise<SessionUser | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null
  const now = new Date()
  const row = await findLiveSession(db, digest(token), now.toISOString())
  if (!row) return null
  if (now.getTime() - Date.parse(row.last_seen_at) > TOUCH_EVERY_MS) {
    await touchSession(
      db,
      row.session_id,
      now.toISOString(),
      new Date(now.getTime() + days * 86_400_000).toISOString(),
    )
  }
  return {
    sessionId: row.session_id,
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    locale: row.locale,
  }
}

export const endSession = (db: Kysely<Database>, sessionId: string) => deleteSession(db, sessionId)
