import { isAppError } from '../shared/errors.js'
import { translator } from '../web/i18n/i18n.js'
import { queryProblemOf, queryProblemText } from '../web/views/query-error.js'
import type { CliT } from './messages.js'

/**
 * What `haidang search` prints for a refused query, in the CLI's language: the reason the web UI
 * shows (same catalogue), then the query with a caret under the position. Null for other errors,
 * which the CLI's common handler reports.
 */
export function queryErrorText(e: unknown, query: string, t: CliT): string | null {
  if (!isAppError(e) || (e.code !== 'QUERY_SYNTAX' && e.code !== 'QUERY_TIMEOUT')) return null
  const web = translator(t.lang)
  const problem = queryProblemOf(e)
  const reason = queryProblemText(web, problem)
  const position = typeof e.details.position === 'number' ? e.details.position + 1 : null
  const head = `[${e.code}] `
  if (position === null) return `${head}${reason}\n`
  const oneLine = query.replace(/[\r\n\t]/g, ' ')
  const caret = `${' '.repeat(Math.max(0, position - 1))}^`
  return `${head}${web('explore.error_at', { pos: position, msg: reason })}\n  ${oneLine}\n  ${caret}\n`
}
