import type { FastifyRequest } from 'fastify'
import { can } from '../../../accounts/permissions.js'
import { AppError } from '../../../shared/errors.js'
import { actorOf, str } from '../../request-input.js'

/** Viewing topics needs articles.view; creating, labelling and deleting needs watchlists.edit. */
export const VIEW = { config: { access: 'articles.view' as const } }
export const EDIT = { config: { access: 'watchlists.edit' as const } }

export const canEdit = (req: FastifyRequest) => (req.user ? can(req.user.role, 'watchlists.edit') : false)

export { actorOf, str }

/** A numeric path id, or NOT_FOUND (a malformed id names nothing). */
export function idParam(raw: string, what: string): number {
  if (!/^\d{1,12}$/.test(raw)) throw new AppError('NOT_FOUND', `no ${what} ${raw.slice(0, 40)}`)
  return Number(raw)
}

/** `0.9234` → `92%`. */
export const percent = (x: number) => `${Math.round(x * 100)}%`

/** A page number from the query string, 1 when missing or malformed. */
export const pageOf = (v: unknown) => {
  const n = Number.parseInt(str(v), 10)
  return Number.isFinite(n) && n >= 1 && n <= 10_000 ? n : 1
}
