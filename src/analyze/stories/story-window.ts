import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import './story-schema.js'
import {
  type ArticleForStory,
  type StoryState,
  STORY_WINDOW_HOURS,
  chooseStory,
  crossLanguageLinks,
  joinStory,
} from './assign-story.js'
import { loadStories, type StoryWrites, writeStories } from './store-story.js'

/** Open stories compared per article: the most recent ones; older ones have closed. */
export const MAX_OPEN = 300
const HOUR = 3_600_000
/** A batch window loads this much beyond the article's own window, so the next articles find theirs loaded. */
const LOAD_MARGIN_HOURS = 24
/** Unsaved stories get ids below zero; this orders them after every stored one, in creation order. */
const UNSAVED_RANK = 2 ** 52

const emptyWrites = (): StoryWrites => ({
  created: [],
  changed: new Set(),
  decrements: new Map(),
  links: new Map(),
})
const iso = (ms: number) => new Date(ms).toISOString()
const rank = (s: StoryState) => (s.id > 0 ? s.id : UNSAVED_RANK - s.id)
/** Newest first (last seen), then the later story first. */
const before = (a: StoryState, b: StoryState) =>
  a.lastSeen !== b.lastSeen ? a.lastSeen > b.lastSeen : rank(a) > rank(b)

/** One article to place in a story (see `assignStory` for what each field means). */
export interface StoryCandidate extends Omit<ArticleForStory, 'groupStoryId'> {
  /** the story the article is in now (re-analysis), null if none */
  previous: number | null
  /** the story of its syndication representative, null if none */
  groupStoryId: number | null
}

/**
 * The open stories of a run, kept in memory between articles: an article's open stories are the
 * MAX_OPEN stories (any language) seen most recently within STORY_WINDOW_HOURS either side of it,
 * and joining or creating a story updates the memory at once; story changes are written in bulk
 * (`flush`) inside the run's write transaction.
 *
 * Several processes: every write transaction first increments the one-row `story_generation`
 * counter (`begin`). That statement takes the write lock (SQLite) or the row lock (PostgreSQL), so
 * story assignment is serialized between processes, and its result says whether anybody else wrote
 * since this window's last transaction: if so, the memory is dropped and reloaded inside the locked
 * transaction, so decisions are always taken on the committed stories. A failed transaction drops
 * the memory too. A `single` window (one article, as the `analyze.article` job) reads only the
 * stories that article can see: the newest MAX_OPEN of each language in its window.
 */
export class StoryWindow {
  private stories = new Map<number, StoryState>()
  /** every story in memory, by `before` */
  private order: StoryState[] = []
  /** loaded: every story with last_seen >= from and first_seen <= to is in memory */
  private from: string | null = null
  private to: string | null = null
  private generation: number | null = null
  private pendingGeneration: number | null = null
  private nextUnsaved = -1
  private pending = emptyWrites()
  private saved = new Map<number, number>()

  constructor(private readonly opts: { single?: boolean } = {}) {}

  /** First statement of a write transaction: serializes writers; drops the memory if another wrote. */
  async begin(trx: Kysely<Database>): Promise<void> {
    const row = await trx
      .updateTable('story_generation')
      .set((eb) => ({ generation: eb('generation', '+', 1) }))
      .where('id', '=', 1)
      .returning('generation')
      .executeTakeFirstOrThrow()
    if (this.generation === null || row.generation !== this.generation + 1) this.drop()
    this.pendingGeneration = row.generation
  }

  /** After the transaction committed. */
  committed(): void {
    this.generation = this.pendingGeneration
    this.saved.clear()
  }

  /** After the transaction failed: nothing in memory can be trusted. */
  failed(): void {
    this.drop()
    this.generation = null
    this.pending = emptyWrites()
    this.saved.clear()
  }

  /** The stored id of a story (ids of stories created in this transaction change when written). */
  storedId(id: number): number {
    return id > 0 ? id : (this.saved.get(id) ?? id)
  }

  /** Puts the article in a story (see `assignStory`); returns the story id, below zero until flushed. */
  async assign(trx: Kysely<Database>, a: StoryCandidate): Promise<number> {
    const open = await this.open(trx, a.at)
    const groupStoryId = a.groupStoryId === null ? null : this.storedId(a.groupStoryId)
    const decision = chooseStory({ ...a, groupStoryId }, open)
    let story: StoryState
    if ('join' in decision) {
      story = a.previous === decision.join.id ? decision.join : joinStory(decision.join, a)
      if (story !== decision.join) this.replace(decision.join, story)
    } else {
      story = {
        id: this.nextUnsaved--,
        lang: a.lang,
        title: a.title.slice(0, 500),
        firstSeen: a.at,
        lastSeen: a.at,
        articleCount: 1,
        centroid: a.vector,
        keys: a.keys,
      }
      this.insert(story)
      this.pending.created.push(story.id)
    }
    if (a.previous && a.previous !== story.id) {
      const prev = this.stories.get(a.previous)
      if (prev) this.replace(prev, { ...prev, articleCount: prev.articleCount - 1 })
      else this.pending.decrements.set(a.previous, (this.pending.decrements.get(a.previous) ?? 0) + 1)
    }
    for (const link of crossLanguageLinks(story, open)) {
      const shared = JSON.stringify(link.shared)
      this.pending.links.set(`${story.id} ${link.id}`, { storyId: story.id, otherId: link.id, shared })
      this.pending.links.set(`${link.id} ${story.id}`, { storyId: link.id, otherId: story.id, shared })
    }
    return story.id
  }

  /** Writes the story changes made since the last flush; unsaved stories get their stored ids. */
  async flush(trx: Kysely<Database>): Promise<void> {
    const ids = await writeStories(trx, this.pending, (id) => this.stories.get(id)!)
    for (const [unsaved, id] of ids) {
      this.saved.set(unsaved, id)
      const s = this.stories.get(unsaved)!
      const stored = { ...s, id }
      this.stories.delete(unsaved)
      this.stories.set(id, stored)
      this.order[this.order.indexOf(s)] = stored
    }
    this.pending = emptyWrites()
  }

  /** The article's open stories, loading them first if the memory does not cover its window. */
  private async open(trx: Kysely<Database>, at: string): Promise<StoryState[]> {
    const t = Date.parse(at)
    const start = iso(t - STORY_WINDOW_HOURS * HOUR)
    const end = iso(t + STORY_WINDOW_HOURS * HOUR)
    if (this.opts.single || this.from === null || start < this.from || end > this.to!) {
      await this.flush(trx)
      this.drop()
      const margin = this.opts.single ? 0 : LOAD_MARGIN_HOURS * HOUR
      this.from = iso(Date.parse(start) - margin)
      this.to = iso(Date.parse(end) + margin)
      for (const s of await loadStories(trx, this.from, this.to, this.opts.single ? MAX_OPEN : null)) {
        this.stories.set(s.id, s)
        this.order.push(s)
      }
      this.order.sort((a, b) => (before(a, b) ? -1 : 1))
    }
    const open: StoryState[] = []
    for (const s of this.order) {
      if (s.lastSeen < start) break
      if (s.firstSeen <= end) open.push(s)
      if (open.length === MAX_OPEN) break
    }
    return open
  }

  private insert(s: StoryState): void {
    let lo = 0
    let hi = this.order.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (before(this.order[mid]!, s)) lo = mid + 1
      else hi = mid
    }
    this.order.splice(lo, 0, s)
    this.stories.set(s.id, s)
  }

  private replace(old: StoryState, s: StoryState): void {
    this.order.splice(this.order.indexOf(old), 1)
    this.insert(s)
    if (s.id > 0) this.pending.changed.add(s.id)
  }

  private drop(): void {
    this.stories.clear()
    this.order = []
    this.from = null
    this.to = null
  }
}
