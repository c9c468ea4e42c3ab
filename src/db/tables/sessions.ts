import type { Kysely, Selectable } from 'kysely'
import type { Database, SessionsTable } from '../schema.js'

export type SessionRow = Selectable<SessionsTable>

export async function insertSession(db: Kysely<Database>, s: SessionRow): Promise<void> {
  await db.insertInto('sessions').values(s).execute()
}

/** The session and its user, if the session exists, has not expired and the user is active. */
export const findLiveSession = (db: Kysely<Database>, id: string, now: string) =>
  db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id as session_id',
      'sessions.expires_at',
      'sessions.last_seen_at',
      'users.id',
      'users.email',
      'users.name',
      'users.role',
      'users.locale',
    ])
    .where('sessions.id', '=', id)
    .where('sessions.expires_at', '>', now)
    .where('users.disabled', '=', 0)
    .executeTakeFirst()

export async function touchSession(db: Kysely<Database>, id: string, lastSeen: string, expires: string) {
  await db
    .updateTable('sessions')
    .set({ last_seen_at: lastSeen, expires_at: expires })
    .where('id', '=', id)
    .execute()
}

export async function deleteSession(db: Kysely<Database>, id: string) {
  await db.deleteFrom('sessions').where('id', '=', id).execute()
}

export async function deleteUserSessions(db: Kysely<Database>, userId: number) {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute()
}

export async function deleteExpiredSessions(db: Kysely<Database>, now: string) {
  await db.deleteFrom('sessions').where('expires_at', '<=', now).execute()
}
