import { parseQuery } from '../search/query/parse-query.js'
import { AppError, type FieldProblem, isAppError } from '../shared/errors.js'

export const MAX_NAME = 200
/** Same bound as the explorer's query box. */
export const MAX_QUERY = 10_000

export interface WatchlistInput {
  name: string
  query: string
  shared: boolean
}

/** Where the query is wrong (1-based, as people count) and the parser's reason; null for "not a syntax error". */
export interface QueryProblem {
  position: number | null
  message: string
}

const text = (v: unknown) => (typeof v === 'string' ? v : '')

/**
 * Reads a watchlist form: name and query required, the query parsed by the search parser (the
 * explorer's rules). Throws VALIDATION_FAILED with field problems; a syntax error carries its
 * position in the `query` problem's params (`pos`, `msg`).
 */
export function readWatchlistForm(body: Record<string, unknown>): WatchlistInput {
  const input = { name: text(body.name).trim(), query: text(body.query), shared: body.shared === '1' }
  const problems: FieldProblem[] = []
  if (!input.name) problems.push({ field: 'name', key: 'field.required' })
  else if (input.name.length > MAX_NAME) problems.push({ field: 'name', key: 'field.too_long' })
  if (!input.query.trim()) problems.push({ field: 'query', key: 'field.required' })
  else if (input.query.length > MAX_QUERY) problems.push({ field: 'query', key: 'field.too_long' })
  else {
    const q = queryProblem(input.query)
    if (q)
      problems.push(
        q.position
          ? { field: 'query', key: 'watchlists.query_error_at', params: { pos: q.position, msg: q.message } }
          : { field: 'query', key: 'watchlists.query_error', params: { msg: q.message } },
      )
  }
  if (problems.length) throw new AppError('VALIDATION_FAILED', 'watchlist form invalid', { fields: problems })
  return { ...input, query: input.query.trim() }
}

/** The parser's complaint about a query, or null when it parses. */
export function queryProblem(query: string): QueryProblem | null {
  try {
    parseQuery(query)
    return null
  } catch (e) {
    if (!isAppError(e) || (e.code !== 'QUERY_SYNTAX' && e.code !== 'INPUT_INVALID')) throw e
    const position = typeof e.details.position === 'number' ? e.details.position + 1 : null
    const reason = typeof e.details.reason === 'string' ? e.details.reason : e.message
    return { position, message: reason }
  }
}
