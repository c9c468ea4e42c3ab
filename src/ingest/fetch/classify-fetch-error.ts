import { isAppError } from '../../shared/errors.js'

/**
 * How bad a failure is for the source it came from (after mediacloud rss-fetcher's hard/soft/temp):
 * - hard: will not fix itself (blocked address, 404/410, not a feed, too large, redirect loop)
 * - soft: the server answered but the content was unusable (parse problems, corrupt encoding)
 * - temporary: try again soon (timeouts, 5xx, 429, resets, DNS hiccups)
 */
export type ErrorGrade = 'hard' | 'soft' | 'temporary'

export interface GradedError {
  grade: ErrorGrade
  /** the AppError code (FETCH_BLOCKED, FETCH_FAILED, FETCH_TIMEOUT, FETCH_TOO_LARGE, PARSE_FAILED, INTERNAL) */
  code: string
  /** finer cause: http_status, blocked, redirect_loop, headers, deadline, network, not_a_feed… */
  reason: string
  status: number | null
  /** seconds the server asked us to wait (Retry-After), if any */
  retryAfterSec: number | null
  message: string
}

const TEMPORARY_STATUS = new Set([408, 425, 429, 500, 502, 503, 504, 520, 521, 522, 523, 524])
const HARD_FETCH_REASONS = new Set([
  'invalid_url',
  'redirect_loop',
  'too_many_redirects',
  'scheme',
  'credentials',
])

export function classifyFetchError(err: unknown): GradedError {
  if (!isAppError(err)) {
    const message = err instanceof Error ? err.message : String(err)
    return graded('temporary', 'INTERNAL', 'unknown', message)
  }
  const reason = typeof err.details.reason === 'string' ? err.details.reason : 'unknown'
  const status = typeof err.details.status === 'number' ? err.details.status : null
  switch (err.code) {
    case 'FETCH_BLOCKED':
    case 'FETCH_TOO_LARGE':
      return graded('hard', err.code, reason, err.message)
    case 'FETCH_TIMEOUT':
      return graded('temporary', err.code, reason, err.message)
    case 'PARSE_FAILED':
      return graded(reason === 'not_a_feed' ? 'hard' : 'soft', err.code, reason, err.message)
    case 'FETCH_FAILED': {
      if (status !== null) {
        const grade = TEMPORARY_STATUS.has(status) || status >= 500 ? 'temporary' : 'hard'
        return {
          ...graded(grade, err.code, reason, err.message),
          status,
          retryAfterSec: retryAfter(err.details.retryAfter),
        }
      }
      if (HARD_FETCH_REASONS.has(reason)) return graded('hard', err.code, reason, err.message)
      if (reason === 'decode') return graded('soft', err.code, reason, err.message)
      // resets, refusals, unreachable networks and DNS timeouts pass; a name that does not exist is gone
      const errno = String(err.details.errno ?? '')
      return graded(errno === 'ENOTFOUND' ? 'hard' : 'temporary', err.code, reason, err.message)
    }
    default:
      return graded('temporary', err.code, reason, err.message)
  }
}

function graded(grade: ErrorGrade, code: string, reason: string, message: string): GradedError {
  return { grade, code, reason, status: null, retryAfterSec: null, message }
}

/** Retry-After is either delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function retryAfter(value: unknown, now = Date.now()): number | null {
  if (typeof value !== 'string' || value.trim() === '') return null
  if (/^\d+$/.test(value.trim())) return Number(value.trim())
  const at = Date.parse(value)
  return Number.isNaN(at) ? null : Math.max(0, Math.round((at - now) / 1000))
}

/** Growth per failure and ceiling per grade: temporary trouble is retried soon, dead sources rarely. */
const BACKOFF: Record<ErrorGrade, { factor: number; capSec: number }> = {
  /** doubles: 15 min → 30 → 60 …, never more than 6 h so an outage ends quickly for us too */
  temporary: { factor: 2, capSec: 6 * 3600 },
  /** doubles up to a day: a broken feed is often fixed by the next publishing day */
  soft: { factor: 2, capSec: 24 * 3600 },
  /** quadruples up to a week: 404s and blocked hosts rarely come back, but a weekly probe is cheap */
  hard: { factor: 4, capSec: 7 * 24 * 3600 },
}
/** ±10 % spread so sources that failed together do not all come back in the same second */
const JITTER = 0.1
/** beyond this the cap applies anyway; keeps factor ** failures finite */
const MAX_EXPONENT = 20

/**
 * Seconds until the next check of a source after `failures` consecutive failures of `grade`.
 * `failures = 0` gives the normal interval. Pass `random` (e.g. `seededRandom(1)`) for reproducible jitter.
 */
export function nextCheckDelay(
  failures: number,
  grade: ErrorGrade,
  baseIntervalSec: number,
  opts: { random?: () => number; retryAfterSec?: number | null } = {},
): number {
  const { factor, capSec } = BACKOFF[grade]
  const n = Math.min(Math.max(0, Math.floor(failures)), MAX_EXPONENT)
  const raw = Math.min(capSec, baseIntervalSec * factor ** n)
  const capped = Math.max(baseIntervalSec <= capSec ? raw : baseIntervalSec, opts.retryAfterSec ?? 0)
  const spread = 1 + JITTER * ((opts.random ?? Math.random)() * 2 - 1)
  return Math.round(capped * spread)
}

/** mulberry32: a tiny deterministic generator for tests and reproducible schedules. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
