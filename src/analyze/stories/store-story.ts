import { type Kysely, type Selectable, sql } from 'kysely'
import type { Database, StoriesTable } from '../../db/schema.js'
import {
  type ArticleForStory,
  type StoryState,
  STORY_WINDOW_HOURS,
  chooseStory,
  crossLanguageLinks,
  joinStory,
} from './assign-story.js'
import type { TermVector } from './story-terms.js'

/** Open stories compared per article: the most recent ones; older ones have closed. */
export const MAX_OPEN = 300

/**
 * Parsed centroids remembered by their JSON text: every article reads the same few hundred open
 * stories, and parsing their centroids again was a large part of its analysis time. Keyed by content,
 * so it can never be stale; cleared when full. Centroids are never mutated (joining makes a new one).
 */
const CENTROID_MEMO_SIZE = 4 * MAX_OPEN
let centroidMemo: Map<string, TermVector> | undefined

function parseCentroid(json: string): TermVector {
  centroidMemo ??= new Map()
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
 * The MAX_OPEN stories of any language seen most recently within the window, newest first. Ordering
 * the whole table by last_seen scanned and sorted every story for every article (time grew with the
 * archive); instead each language's newest are read through stories_open_idx (lang, last_seen) and
 * merged, which gives the same rows.
 */
export async function openStories(db: Kysely<Database>, windowStart: string, windowEnd: string) {
  const rows: Selectable<StoriesTable>[] = []
  for (const lang of await storyLanguages(db)) {
    const newest = await db
      .selectFrom('stories')
      .selectAll()
      .where('lang', '=', lang)
      .where('last_seen', '>=', windowStart)
      .where('first_seen', '<=', windowEnd)
      .orderBy('last_seen', 'desc')
      .limit(MAX_OPEN)
      .execute()
    rows.push(...newest)
  }
  return rows
    .sort((a, b) => (a.last_seen < b.last_seen ? 1 : a.last_seen > b.last_seen ? -1 : 0))
    .slice(0, MAX_OPEN)
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

/**
 * Puts an article into a story: its syndication representative's story, else the most similar open
 * story of its language, else a new one; then links the story to other-language stories of the event.
 */
export async function assignStory(
  db: Kysely<Database>,
  a: {
    articleId: number
    lang: string
    title: string
    at: string
    vector: TermVector
    keys: string[]
    dupOf: number | null
  },
): Promise<number> {
  const windowStart = new Date(Date.parse(a.at) - STORY_WINDOW_HOURS * 3_600_000).toISOString()
  const windowEnd = new Date(Date.parse(a.at) + STORY_WINDOW_HOURS * 3_600_000).toISOString()
  const open = (await openStories(db, windowStart, windowEnd)).map(toState)
  const groupStoryId = a.dupOf
    ? ((await db.selectFrom('articles').select('story_id').where('id', '=', a.dupOf).executeTakeFirst())
        ?.story_id ?? null)
    : null
  const article: ArticleForStory = {
    lang: a.lang,
    title: a.title,
    at: a.at,
    vector: a.vector,
    keys: a.keys,
    groupStoryId,
  }
  const previous = (
    await db.selectFrom('articles').select('story_id').where('id', '=', a.articleId).executeTakeFirst()
  )?.story_id
  const decision = chooseStory(article, open)
  let story: StoryState
  if ('join' in decision) {
    // Re-analysis of an article already in this story must not count it twice.
    story = previous === decision.join.id ? decision.join : joinStory(decision.join, article)
    await db
      .updateTable('stories')
      .set({
        first_seen: story.firstSeen,
        last_seen: story.lastSeen,
        article_count: story.articleCount,
        centroid_json: JSON.stringify(story.centroid),
        keys_json: JSON.stringify(story.keys),
      })
      .where('id', '=', story.id)
      .execute()
  } else {
    const row = await db
      .insertInto('stories')
      .values({
        lang: a.lang,
        title: a.title.slice(0, 500),
        first_seen: a.at,
        last_seen: a.at,
        article_count: 1,
        centroid_json: JSON.stringify(a.vector),
        keys_json: JSON.stringify(a.keys),
      })
      .returningAll()
      .executeTakeFirstOrThrow()
    story = toState(row)
  }
  if (previous && previous !== story.id) {
    await db
      .updateTable('stories')
      .set((eb) => ({ article_count: eb('article_count', '-', 1) }))
      .where('id', '=', previous)
      .execute()
  }
  for (const link of crossLanguageLinks(story, open)) {
    for (const [x, y] of [
      [story.id, link.id],
      [link.id, story.id],
    ] as const) {
      await db
        .insertInto('story_links')
        .values({ story_id: x, other_id: y, shared_json: JSON.stringify(link.shared) })
        .onConflict((oc) =>
          oc.columns(['story_id', 'other_id']).doUpdateSet({ shared_json: JSON.stringify(link.shared) }),
        )
        .execute()
    }
  }
  return story.id
}
