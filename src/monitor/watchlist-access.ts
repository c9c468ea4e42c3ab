import { can } from '../accounts/permissions.js'
import type { WatchlistRow } from './store/watchlists.js'

export interface Viewer {
  id: number
  role: string
}

/** The office's lists, the shared ones and one's own are visible; someone else's private list is not. */
export const canSeeWatchlist = (u: Viewer, w: WatchlistRow) =>
  w.owner_id === null || w.shared === 1 || w.owner_id === u.id

/**
 * Name, query, sharing and deletion: one's own lists, and the office's non-default lists, for holders
 * of `watchlists.edit`; the shipped defaults and other people's shared lists only for admins.
 */
export const canEditWatchlist = (u: Viewer, w: WatchlistRow) =>
  can(u.role, 'watchlists.edit') &&
  (u.role === 'admin' || w.owner_id === u.id || (w.owner_id === null && w.is_default === 0))

/** Alert rules: on one's own lists and on every office list (defaults included) for `watchlists.edit`. */
export const canEditRules = (u: Viewer, w: WatchlistRow) =>
  can(u.role, 'watchlists.edit') && (u.role === 'admin' || w.owner_id === u.id || w.owner_id === null)
