import { type Kysely, sql } from 'kysely'
import type { Database } from '../../db/schema.js'
import type { StoryState } from './assign-story.js'
import type { TermVector } from './story-terms.js'

/** Rows per multi-row INSERT: 8 parameters each, well under both databases' bound-parameter limits. */
const ROWS_PER_INSERT = 500

/**
 * Parsed centroids remembered by their JSON text: one-article windows (the `analyze.article` job)
 * read the same few hundred open stories article after article, and parsing their centroids again was
 * a large part of that time. Keyed by content, so never stale; cleared when full. Centroids are never
 * mutated (joining makes a new one), and the same object keeps its cached comparison arrays.
 */
const CENTROID_MEMO_SIZE = 5000
const centroidMemo = new Map<string, TermVector>()

function parseCentroid(json: string): TermVector {
  let v = centroidMemo.get(json)
  if (v === undefined) {
    if (centroidMemo.size >= CENTROID_MEMO_SIZE) centroidMemo.clear()
    v = JSON.parse(json) as TermVector
    centroidMemo.set(json, v)
  }
  return v
}

const toState = (r: {
  id: number
  lang: string
  title: string
  first_seen: string
  last_seen: string
  article_count: number
  centroid_json: string
  keys_json: string
}): StoryState => ({
  id: r.id,
  lang: r.lang,
  title: r.title,
  firstSeen: r.first_seen,
  lastSeen: r.last_seen,
  articleCount: r.article_count,
  centroid: parseCentroid(r.centroid_json),
  keys: JSON.parse(r.keys_json) as string[],
})

/**
 * The stories seen within [from, to] (last_seen >= from, first_seen <= to), read per language through
 * stories_open_idx (lang, last_seen); with `perLanguage`, only each language's newest that many (what
 * one article's open stories can be drawn from).
 */
export async function loadStories(
  db: Kysely<Database>,
  from: string,
  to: string,
  perLanguage: number | null,
): Promise<StoryState[]> {
  const out: StoryState[] = []
  for (const lang of await storyLanguages(db)) {
    let q = db
      .selectFrom('stories')
      .selectAll()
      .where('lang', '=', lang)
      .where('last_seen', '>=', from)
      .where('first_seen', '<=', to)
      .orderBy('last_seen', 'desc')
    if (perLanguage !== null) q = q.limit(perLanguage)
    for (const r of await q.execute()) out.push(toState(r))
  }
  return out
}

/** The distinct story languages, one index seek each (a loose index scan on both databases). */
async function storyLanguages(db: Kysely<Database>): Promise<string[]> {
  const r = await sql<{ lang: string | null }>`
    with recursive l(lang) as (
      select (select lang from stories order by lang limit 1)
      union all
      select (select s.lang from stories s where s.lang > l.lang order by s.lang limit 1) from l
      where l.lang is not null
    )
    select lang from l where lang is not null`.execute(db)
  return r.rows.map((x) => x.lang!).filter(Boolean)
}

/** Story changes waiting to be written: ids below zero are stories not stored yet. */
export interface StoryWrites {
  /** new stories, in creation order */
  created: number[]
  /** stored stories whose state changed (joined, or an article left them) */
  changed: Set<number>
  /** stored stories not in memory that articles left: how many */
  decrements: Map<number, number>
  /** story links by "story other" (the last value of a pair wins) */
  links: Map<string, { storyId: number; otherId: number; shared: string }>
}

const row = (s: StoryState) => ({
  lang: s.lang,
  title: s.title,
  first_seen: s.firstSeen,
  last_seen: s.lastSeen,
  article_count: s.articleCount,
  centroid_json: JSON.stringify(s.centroid),
  keys_json: JSON.stringify(s.keys),
})

/**
 * Writes story changes with few statements: new stories in multi-row inserts, changed ones in
 * multi-row upserts on id, links in multi-row upserts. Returns the stored id of each new story.
 * A multi-row insert numbers its rows in VALUES order on both databases (the write lock is held),
 * so the returned ids, ascending, are the new stories in creation order.
 */
export async function writeStories(
  db: Kysely<Database>,
  w: StoryWrites,
  state: (id: number) => StoryState,
): Promise<Map<number, number>> {
  const ids = new Map<number, number>()
  for (let i = 0; i < w.created.length; i += ROWS_PER_INSERT) {
    const part = w.created.slice(i, i + ROWS_PER_INSERT)
    const rows = await db
      .insertInto('stories')
      .values(part.map((id) => row(state(id))))
      .returning('id')
      .execute()
    const stored = rows.map((r) => r.id).sort((a, b) => a - b)
    for (const [k, id] of part.entries()) ids.set(id, stored[k]!)
  }
  const changed = [...w.changed]
  for (let i = 0; i < changed.length; i += ROWS_PER_INSERT) {
    await db
      .insertInto('stories')
      .values(changed.slice(i, i + ROWS_PER_INSERT).map((id) => ({ id, ...row(state(id)) })))
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({
          first_seen: eb.ref('excluded.first_seen'),
          last_seen: eb.ref('excluded.last_seen'),
          article_count: eb.ref('excluded.article_count'),
          centroid_json: eb.ref('excluded.centroid_json'),
          keys_json: eb.ref('excluded.keys_json'),
        })),
      )
      .execute()
  }
  for (const [id, n] of w.decrements) {
    await db
      .updateTable('stories')
      .set((eb) => ({ article_count: eb('article_count', '-', n) }))
      .where('id', '=', id)
      .execute()
  }
  const stored = (id: number) => (id > 0 ? id : ids.get(id)!)
  const links = [...w.links.values()]
  for (let i = 0; i < links.length; i += ROWS_PER_INSERT) {
    await db
      .insertInto('story_links')
      .values(
        links.slice(i, i + ROWS_PER_INSERT).map((l) => ({
          story_id: stored(l.storyId),
          other_id: stored(l.otherId),
          shared_json: l.shared,
        })),
      )
      .onConflict((oc) =>
        oc
          .columns(['story_id', 'other_id'])
          .doUpdateSet((eb) => ({ shared_json: eb.ref('excluded.shared_json') })),
      )
      .execute()
  }
  return ids
}
