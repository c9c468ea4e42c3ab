import { AppError } from '../../shared/errors.js'

/**
 * Why a query is refused, by stable key, with the English text (CLI, logs). The web UI shows the
 * user's language from its catalogues (`query.reason.<key>`), filling the same `{params}`.
 */
export const QUERY_REASONS = {
  empty: 'The query is empty',
  unmatched_close: 'Unmatched closing parenthesis',
  unexpected_text: 'Unexpected text',
  unexpected_operator: 'Unexpected {operator}',
  no_words: 'The query has no word to search for',
  only_excludes: 'The query only excludes: add something to search for',
  or_needs_operand: 'OR needs something after it',
  and_needs_operand: 'AND needs something after it',
  not_needs_operand: 'NOT needs something after it',
  near_distance: 'NEAR distance must be between 1 and {max}',
  near_operands: 'NEAR joins two words or phrases',
  near_same_field: 'NEAR joins words of the same field',
  ends_early: 'The query ends too early',
  too_deep: 'Too many nested parentheses',
  empty_parentheses: 'Empty parentheses',
  unclosed_parenthesis: 'Unclosed parenthesis',
  short_prefix: 'A * needs at least {min} letters before it',
  too_many_words: 'The query has more than {max} words',
  field_group: 'The field {field}: takes one value, not a group',
  field_in_title: 'The field {field}: cannot be used inside title:( )',
  field_needs_value: 'The field {field}: needs a value',
  unknown_field: 'Unknown field {field}:',
  not_a_number: '"{value}" is not a number',
  not_a_date: '"{value}" is not a date (use 2019-03-01, 2019-03 or 2019)',
  no_such_month: '"{value}" has no such month',
  no_such_day: '"{value}" has no such day',
  not_a_date_range: '"{value}" is not a date range (use 2019-03-01..2019-03-31)',
  open_date_range: 'A date range needs at least one end',
  reversed_date_range: 'The date range ends before it starts',
  too_long: 'The query is longer than {max} characters',
  unclosed_quote: 'Unclosed quotation mark',
  only_stopwords: 'The query has only very common words: add a more specific word or use "quotes"',
} as const

export type QueryReason = keyof typeof QUERY_REASONS
export type ReasonParams = Record<string, string | number>

export const reasonText = (reason: QueryReason, params: ReasonParams = {}): string =>
  QUERY_REASONS[reason].replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m))

/**
 * The error every malformed query raises: QUERY_SYNTAX with the 0-based position, the reason key and
 * its parameters in `details` (and the English text as `reason`).
 */
export function syntaxError(reason: QueryReason, pos: number, params: ReasonParams = {}): AppError {
  const text = reasonText(reason, params)
  return new AppError('QUERY_SYNTAX', `${text} (at character ${pos + 1})`, {
    details: { position: pos, reason: text, reasonKey: reason, params },
  })
}
