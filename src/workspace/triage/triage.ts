import type { Kysely } from 'kysely'
import { z } from 'zod'
import type { Actor } from '../../accounts/create-user.js'
import { parseInput } from '../../accounts/validate.js'
import { nowIso } from '../../db/dialect.js'
import type { Database, TriageStatus } from '../../db/schema.js'
import { recordAudit } from '../../db/tables/audit-log.js'

export const STATUSES: readonly TriageStatus[] = [
  'new',
  'seen',
  'needs_response',
  'in_progress',
  'responded',
  'ignored',
]

export const TriageChange = z.object({
  status: z.enum(STATUSES as [TriageStatus, ...TriageStatus[]], { error: 'field.invalid' }).optional(),
  assigneeId: z.number().int().positive().nullable().optional(),
  tags: z.array(z.string().trim().min(1).max(40, 'field.too_long')).max(20, 'field.too_many').optional(),
  notes: z.string().max(5000, 'field.too_long').optional(),
})
export type TriageChange = z.input<typeof TriageChange>

/**
 * Applies one change to the triage state of some articles (one or many: bulk actions), each
 * audited with before and after, all in one transaction.
 */
export async function updateTriage(
  db: Kysely<Database>,
  articleIds: number[],
  change: unknown,
  by: Actor,
): Promise<number> {
  const c = parseInput(TriageChange, change)
  const ids = [...new Set(articleIds)].filter((n) => Number.isInteger(n) && n > 0).slice(0, 500)
  return db.transaction().execute(async (trx) => {
    let n = 0
    for (const id of ids) {
      const before = await trx
        .selectFrom('triage_items')
        .selectAll()
        .where('article_id', '=', id)
        .executeTakeFirst()
      const exists = await trx.selectFrom('articles').select('id').where('id', '=', id).executeTakeFirst()
      if (!exists) continue
      const next = {
        status: c.status ?? before?.status ?? 'new',
        assignee_id: c.assigneeId === undefined ? (before?.assignee_id ?? null) : c.assigneeId,
        tags_json: c.tags ? JSON.stringify(c.tags) : (before?.tags_json ?? '[]'),
        notes: c.notes ?? before?.notes ?? '',
        updated_at: nowIso(),
        updated_by: by.userId,
      }
      await trx
        .insertInto('triage_items')
        .values({ article_id: id, ...next })
        .onConflict((oc) => oc.column('article_id').doUpdateSet(next))
        .execute()
      await recordAudit(trx, {
        ...by,
        action: 'triage.update',
        entity: 'article',
        entityId: id,
        before: before
          ? {
              status: before.status,
              assignee_id: before.assignee_id,
              tags: JSON.parse(before.tags_json),
              notes: before.notes,
            }
          : { status: 'new' },
        after: {
          status: next.status,
          assignee_id: next.assignee_id,
          tags: JSON.parse(next.tags_json),
          notes: next.notes,
        },
      })
      n++
    }
    return n
  })
}

export interface QueueFilter {
  status?: TriageStatus | 'open' | undefined
  assigneeId?: number | undefined
  /** only this watchlist's matches; otherwise every watchlist's and the sensitive topics' */
  watchlistId?: number | undefined
  limit: number
  offset: number
}

/**
 * Articles on a watchlist (recorded by the matching pass) or on a sensitive topic (queued as soon as
 * analysis tags them, before the next pass), with their triage state, newest first.
 */
export function triageQueue(db: Kysely<Database>, f: QueueFilter) {
  let q = db
    .selectFrom('articles')
    .innerJoin('sources', 'sources.id', 'articles.source_id')
    .leftJoin('triage_items', 'triage_items.article_id', 'articles.id')
    .leftJoin('users', 'users.id', 'triage_items.assignee_id')
    .select([
      'articles.id',
      'articles.title',
      'articles.published_at',
      'articles.tone',
      'articles.lang',
      'sources.name as source_name',
      'sources.kind as source_kind',
      'triage_items.status',
      'triage_items.tags_json',
      'triage_items.notes',
      'users.name as assignee_name',
    ])
    .where((eb) => {
      const onWatchlist = eb
        .selectFrom('watchlist_matches')
        .select('watchlist_matches.article_id')
        .whereRef('watchlist_matches.article_id', '=', 'articles.id')
      if (f.watchlistId !== undefined)
        return eb.exists(onWatchlist.where('watchlist_matches.watchlist_id', '=', f.watchlistId))
      return eb.or([
        eb.exists(onWatchlist),
        eb.exists(
          eb
            .selectFrom('article_topics')
            .select('article_topics.article_id')
            .whereRef('article_topics.article_id', '=', 'articles.id')
            .where('article_topics.topic', 'like', 'sensitive.%'),
        ),
      ])
    })
  if (f.status === 'new')
    q = q.where((eb) => eb.or([eb('triage_items.status', 'is', null), eb('triage_items.status', '=', 'new')]))
  else if (f.status === 'open')
    q = q.where((eb) =>
      eb.or([
        eb('triage_items.status', 'is', null),
        eb('triage_items.status', 'not in', ['responded', 'ignored']),
      ]),
    )
  else if (f.status) q = q.where('triage_items.status', '=', f.status)
  if (f.assigneeId !== undefined) q = q.where('triage_items.assignee_id', '=', f.assigneeId)
  return q
    .orderBy('articles.published_at', 'desc')
    .orderBy('articles.id', 'desc')
    .limit(f.limit)
    .offset(f.offset)
    .execute()
}

/** The watchlists a user may filter the queue by: the office's, the shared ones and their own. */
export const triageWatchlists = (db: Kysely<Database>, userId: number) =>
  db
    .selectFrom('watchlists')
    .select(['id', 'name'])
    .where((eb) => eb.or([eb('owner_id', 'is', null), eb('shared', '=', 1), eb('owner_id', '=', userId)]))
    .orderBy('is_default', 'desc')
    .orderBy('name')
    .execute()
