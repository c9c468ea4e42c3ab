import { type RawBuilder, sql } from 'kysely'
import { INSTANT_FUNCTION } from '../db/migrations/0315-search-instant-index.js'
import { vnDayKey } from '../shared/time.js'
import type { FieldNode } from './query/ast.js'
import type { ResolvedFields } from './resolve-fields.js'

const NONE = sql<boolean>`(1 = 0)`

const inList = (ids: readonly (string | number)[]) => sql.join(ids.map((v) => sql`${v}`))

/** The SQL condition of a metadata field, on the `search_docs d` row (same SQL on both backends). */
export function fieldCondition(node: FieldNode, resolved: ResolvedFields): RawBuilder<boolean> {
  switch (node.field) {
    case 'lang':
      return sql<boolean>`(d.lang = ${node.value.toLowerCase()})`
    case 'country':
      return sql<boolean>`(d.country = ${node.value.toUpperCase()})`
    case 'source': {
      const ids = resolved.get(node) ?? []
      return ids.length === 0 ? NONE : sql<boolean>`(d.source_id in (${inList(ids)}))`
    }
    case 'place': {
      const ids = resolved.get(node) ?? [node.value]
      return sql<boolean>`(d.article_id in (select article_id from article_places where place_id in (${inList(ids)})))`
    }
    case 'topic': {
      // `topic:sensitive` also finds `sensitive.east_sea`: a range on the dotted id, no LIKE escaping needed
      const v = node.value
      return sql<boolean>`(d.article_id in (select article_id from article_topics where topic = ${v} or (topic >= ${`${v}.`} and topic < ${`${v}/`})))`
    }
    case 'tone': {
      const parts: RawBuilder<boolean>[] = [sql<boolean>`d.tone is not null`]
      if (node.min !== null)
        parts.push(node.minInclusive ? sql`d.tone >= ${node.min}` : sql`d.tone > ${node.min}`)
      if (node.max !== null)
        parts.push(node.maxInclusive ? sql`d.tone <= ${node.max}` : sql`d.tone < ${node.max}`)
      return sql<boolean>`(${sql.join(parts, sql` and `)})`
    }
    case 'date': {
      const parts: RawBuilder<boolean>[] = []
      if (node.from !== null) parts.push(sql`d.published_at >= ${node.from}`)
      if (node.to !== null) parts.push(sql`d.published_at < ${node.to}`)
      return sql<boolean>`(${sql.join(parts, sql` and `)})`
    }
  }
}

const INSTANT = sql.raw(`${INSTANT_FUNCTION}(d.published_at)`)

/**
 * PostgreSQL: published at or after `iso`, as seconds. Beside a `date:` range's own lower bound the
 * planner keeps the stricter of the two (a range part in recent-first.ts).
 */
export const pgPublishedSince = (iso: string) => sql<boolean>`${INSTANT} >= ${Date.parse(iso) / 1000}`

/**
 * PostgreSQL: a `date:` range as seconds (`search_instant`, indexed, migration 0315): the planner
 * estimates a range of text dates inside one histogram bucket at a handful of rows, and numbers right.
 * A range open at one end also as whole days (`d.day`, a key of the words index, migration 0313), so
 * the index scan narrows to those days before any match is checked against its vector. A superset of
 * the instant range (a day holds every instant of it), which stays the exact condition. A range closed
 * at both ends is left to the B-tree: as two keys of the words index each would read its whole side of
 * the archive.
 */
export function pgDateCondition(node: Extract<FieldNode, { field: 'date' }>): RawBuilder<boolean> {
  const parts: RawBuilder<boolean>[] = []
  if (node.from !== null) parts.push(pgPublishedSince(node.from))
  if (node.to !== null) parts.push(sql`${INSTANT} < ${Date.parse(node.to) / 1000}`)
  if (node.from !== null && node.to === null) parts.push(sql`d.day >= ${vnDayKey(node.from)}`)
  if (node.to !== null && node.from === null) parts.push(sql`d.day <= ${vnDayKey(node.to)}`)
  return sql<boolean>`(${sql.join(parts, sql` and `)})`
}
