import { MAX_QUERY_LENGTH } from '../search/query/lex-query.js'
import { parseQuery } from '../search/query/parse-query.js'
import { AppError, type FieldProblem, isAppError } from '../shared/errors.js'

export const MAX_NAME = 200
/** The parser's own bound (it refuses longer queries with its reason). */
export const MAX_QUERY = MAX_QUERY_LENGTH

export interface WatchlistInput {
  name: string
  query: string
  shared: boolean
}

/** Where the query is wrong (1-based, as people count) and the parser's reason (English text, key, parameters). */
export interface QueryProblem {
  position: number | null
  message: string
  reasonKey: string | null
  params: Record<string, string | number>
}

/** Reason parameters travel in the field problem's params under this prefix (`p_field`, `p_max`). */
export const REASON_PARAM = 'p_'

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
    if (q) {
      const params: Record<string, string | number> = { msg: q.message }
      if (q.position) params.pos = q.position
      if (q.reasonKey) params.reason = q.reasonKey
      for (const [k, v] of Object.entries(q.params)) params[`${REASON_PARAM}${k}`] = v
      problems.push({
        field: 'query',
        key: q.position ? 'watchlists.query_error_at' : 'watchlists.query_error',
        params,
      })
    }
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
    const d = e.details
    return {
      position: typeof d.position === 'number' ? d.position + 1 : null,
      message: typeof d.reason === 'string' ? d.reason : e.message,
      reasonKey: typeof d.reasonKey === 'string' ? d.reasonKey : null,
      params: d.params && typeof d.params === 'object' ? (d.params as Record<string, string | number>) : {},
    }
  }
}
