import type { Writable } from 'node:stream'
import type { Db } from '../db/database.js'
import { hitJson } from './saved-search-feed.js'
import {
  countMatches,
  MAX_PAGE_SIZE,
  MAX_OFFSET,
  type SearchSort,
  searchArticles,
} from './search-articles.js'

/** Results printed when `--limit` is not given. */
export const DEFAULT_CLI_LIMIT = 20

export interface RunSearchOptions {
  /** print only the number of matching articles */
  count?: boolean
  /** `jsonl`: one JSON object per result; `text`: date, source and title per line */
  format?: 'jsonl' | 'text'
  limit?: number
  sort?: SearchSort
  timeoutMs?: number
  out: Writable
}

/**
 * `haidang search "<query>" --db PATH --count | --format jsonl [--limit N]`. Writes to `opts.out`;
 * returns the count (with `count`) or the number of results written. Errors are AppErrors
 * (QUERY_SYNTAX with position, QUERY_TIMEOUT) for the CLI to print.
 */
export async function runSearch(store: Db, query: string, opts: RunSearchOptions): Promise<number> {
  const timeout = opts.timeoutMs === undefined ? {} : { timeoutMs: opts.timeoutMs }
  if (opts.count) {
    const n = await countMatches(store, query, timeout)
    opts.out.write(`${n}\n`)
    return n
  }
  const limit = Math.max(1, Math.min(opts.limit ?? DEFAULT_CLI_LIMIT, MAX_OFFSET + MAX_PAGE_SIZE))
  let written = 0
  while (written < limit) {
    const page = await searchArticles(store, query, {
      ...timeout,
      sort: opts.sort ?? 'relevance',
      offset: written,
      limit: Math.min(MAX_PAGE_SIZE, limit - written),
    })
    for (const h of page.hits) {
      opts.out.write(
        opts.format === 'text'
          ? `${h.publishedAt.slice(0, 10)}\t${h.sourceName}\t${h.title}\n`
          : `${JSON.stringify(cliJson(h))}\n`,
      )
    }
    written += page.hits.length
    if (page.hits.length < page.limit) break
  }
  return written
}

/**
 * One JSON line of `haidang search --format jsonl`: imported articles answer with the `id` of their
 * import line (so tools can join results to their own data); others with the article id.
 */
function cliJson(h: Parameters<typeof hitJson>[0]) {
  const json = hitJson(h)
  return h.url.startsWith('import:') ? { ...json, id: h.url.slice('import:'.length) } : json
}
