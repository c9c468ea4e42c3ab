import type { Kysely, Selectable } from 'kysely'
import { nowIso } from '../dialect.js'
import type { Database, FeedKind, FeedsTable } from '../schema.js'

export type FeedRow = Selectable<FeedsTable>

export interface NewFeed {
  sourceId: number
  url: string
  kind: FeedKind
  format?: string | null
  title?: string | null
  selector?: string | null
  intervalMinutes?: number
}

export async function upsertFeed(db: Kysely<Database>, f: NewFeed): Promise<FeedRow> {
  const existing = await db.selectFrom('feeds').selectAll().where('url', '=', f.url).executeTakeFirst()
  if (existing) return existing
  const now = nowIso()
  return db
    .insertInto('feeds')
    .values({
      source_id: f.sourceId,
      url: f.url,
      kind: f.kind,
      format: f.format ?? null,
      title: f.title ?? null,
      selector: f.selector ?? null,
      interval_minutes: f.intervalMinutes ?? 30,
      enabled: 1,
      next_check_at: now,
      failures: 0,
      items_seen: 0,
      created_at: now,
      etag: null,
      last_modified: null,
      last_checked_at: null,
      last_success_at: null,
      last_error: null,
      last_error_code: null,
      last_error_grade: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
}

export const findFeed = (db: Kysely<Database>, id: number) =>
  db.selectFrom('feeds').selectAll().where('id', '=', id).executeTakeFirst()

export const listFeeds = (db: Kysely<Database>, sourceId?: number) => {
  let q = db.selectFrom('feeds').selectAll()
  if (sourceId !== undefined) q = q.where('source_id', '=', sourceId)
  return q.orderBy('id').execute()
}

/** Enabled feeds whose next check is due (all enabled ones with `force`). */
export const dueFeeds = (
  db: Kysely<Database>,
  opts: { now: string; force?: boolean; sourceId?: number | undefined },
) => {
  let q = db.selectFrom('feeds').selectAll().where('enabled', '=', 1)
  if (!opts.force) q = q.where('next_check_at', '<=', opts.now)
  if (opts.sourceId !== undefined) q = q.where('source_id', '=', opts.sourceId)
  return q.orderBy('next_check_at').execute()
}

export async function recordFeedSuccess(
  db: Kysely<Database>,
  id: number,
  r: {
    etag: string | null
    lastModified: string | null
    format?: string | null
    title?: string | null
    itemsSeen: number
    nextCheckAt: string
  },
) {
  const now = nowIso()
  await db
    .updateTable('feeds')
    .set((eb) => ({
      etag: r.etag,
      last_modified: r.lastModified,
      ...(r.format ? { format: r.format } : {}),
      ...(r.title ? { title: r.title } : {}),
      last_checked_at: now,
      last_success_at: now,
      next_check_at: r.nextCheckAt,
      failures: 0,
      last_error: null,
      last_error_code: null,
      last_error_grade: null,
      items_seen: eb('items_seen', '+', r.itemsSeen),
    }))
    .where('id', '=', id)
    .execute()
}

/** Stores a feed's validators once the entries of the response they came with are all processed. */
export async function recordFeedValidators(
  db: Kysely<Database>,
  id: number,
  v: { etag: string | null; lastModified: string | null },
) {
  await db
    .updateTable('feeds')
    .set({ etag: v.etag, last_modified: v.lastModified })
    .where('id', '=', id)
    .execute()
}

export async function recordFeedFailure(
  db: Kysely<Database>,
  id: number,
  e: { message: string; code: string; grade: string; weight: number; nextCheckAt: string },
) {
  await db
    .updateTable('feeds')
    .set((eb) => ({
      last_checked_at: nowIso(),
      next_check_at: e.nextCheckAt,
      failures: eb('failures', '+', e.weight),
      last_error: e.message.slice(0, 1000),
      last_error_code: e.code,
      last_error_grade: e.grade,
    }))
    .where('id', '=', id)
    .execute()
}
