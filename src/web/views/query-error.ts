import type { Translate } from '../i18n/i18n.js'

/** What a refused query carries (from AppError details): the reason key and its parameters. */
export interface QueryProblem {
  code: string
  message: string
  reasonKey?: string | undefined
  params?: Record<string, string | number> | undefined
}

/** A refused query's reason in the user's language; the English text when no translation exists. */
export function queryProblemText(t: Translate, p: QueryProblem): string {
  if (p.code === 'QUERY_TIMEOUT') return t('query.timeout')
  if (p.code === 'QUERY_SYNTAX' && p.reasonKey) {
    const key = `query.reason.${p.reasonKey}`
    const text = t(key, p.params)
    if (text !== key) return text
  }
  if (p.code === 'INPUT_INVALID') return t('query.page_limit')
  return p.message
}

/** The reason key and parameters of an AppError's details, when it has them. */
export function queryProblemOf(e: {
  code: string
  message: string
  details: Record<string, unknown>
}): QueryProblem {
  const { reasonKey, params } = e.details
  return {
    code: e.code,
    message: typeof e.details.reason === 'string' ? e.details.reason : e.message,
    reasonKey: typeof reasonKey === 'string' ? reasonKey : undefined,
    params: params && typeof params === 'object' ? (params as Record<string, string | number>) : undefined,
  }
}
