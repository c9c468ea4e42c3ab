import * as chrono from 'chrono-node'
import { TIME_ZONE } from '../../shared/time.js'
import { parseRelative } from './relative-date.js'
import { parseIso, parseRfc } from './structured-date.js'
import { parseVietnamese } from './vietnamese-date.js'
import { zoneOffsetAt } from './zone.js'

export interface ParseDateOptions {
  /** reference for relative phrases ("2 giờ trước"); the fetch time of the page. Default: the clock */
  now?: Date
  /** zone for times written without one; Vietnamese pages mean +07:00 */
  defaultZone?: string
}

const SPACES = /[\s\u00a0\u2000-\u200b\u202f\u3000]+/g
/** longer strings are prose, not a date stamp; chrono would find *some* date in them */
const MAX_LENGTH = 200

/**
 * Parses a date the way feeds and Vietnamese pages write it. Order: ISO 8601, RFC 822 (and its common
 * mistakes), relative phrases, Vietnamese day-first forms; chrono-node only as a last resort.
 * Never reads numeric dates month-first and never depends on the process time zone.
 */
export function parseDate(text: string | null | undefined, opts: ParseDateOptions = {}): Date | null {
  if (!text) return null
  const s = text.normalize('NFC').replace(SPACES, ' ').trim()
  if (s === '' || s.length > MAX_LENGTH) return null
  const zone = opts.defaultZone ?? TIME_ZONE
  const now = opts.now ?? new Date()
  return (
    parseIso(s, zone) ??
    parseRfc(s, zone) ??
    parseRelative(s, now, zone) ??
    parseVietnamese(s, now, zone) ??
    parseWithChrono(s, now, zone)
  )
}

/** ISO string of `parseDate`, or null: the form FeedEntry and the database store. */
export function parseDateIso(text: string | null | undefined, opts?: ParseDateOptions): string | null {
  return parseDate(text, opts)?.toISOString() ?? null
}

function parseWithChrono(s: string, now: Date, zone: string): Date | null {
  // chrono ignores IANA names; it wants the offset in minutes
  const ref = { instant: now, timezone: zoneOffsetAt(zone, now.getTime()) }
  for (const parser of [chrono.vi, chrono.en]) {
    // a bare clock time ("10:00" in "Thu, 16 Foo 2019 10:00") would silently become today: need a day
    const hit = parser.parse(s, ref).find((r) => r.start.isCertain('day'))
    if (hit) return hit.start.date()
  }
  return null
}
