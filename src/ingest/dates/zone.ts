import { TIME_ZONE, VN_OFFSET_MINUTES } from '../../shared/time.js'

/** Calendar and clock fields as written on the page; month is 1-based. */
export interface WallClock {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
}

/**
 * Zone abbreviations seen in feeds. RFC 822 fixes the US ones (CST = US Central, not China); ICT is
 * Indochina Time, which Vietnamese sites print. Unknown abbreviations are ignored (default zone).
 */
// biome-ignore format: a lookup table reads best in rows
const ABBREVIATIONS: Record<string, number> = {
  Z: 0, UT: 0, UTC: 0, GMT: 0, WET: 0,
  EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420,
  BST: 60, CET: 60, CEST: 120, EET: 120, EEST: 180, MSK: 180,
  ICT: 420, WIB: 420, SGT: 480, HKT: 480, AWST: 480, JST: 540, KST: 540, AEST: 600, AEDT: 660,
}

/** Offsets like `+0700`, `+07:00`, `+7`, `GMT+7`, `UTC+07:00`, `ICT`, `Z` → minutes east of UTC, or null. */
const OFFSET = /^(?:(?:GMT|UTC|UT)\s*)?([+-−])\s*(\d{1,2})(?::?(\d{2}))?$/i

export function offsetMinutes(token: string | undefined): number | null {
  if (!token) return null
  const t = token.trim()
  const abbr = ABBREVIATIONS[t.toUpperCase()]
  if (abbr !== undefined) return abbr
  const m = OFFSET.exec(t)
  if (!m) return null
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0)
  if (minutes > 14 * 60) return null
  return m[1] === '+' ? minutes : -minutes
}

export function validWallClock(w: WallClock): boolean {
  if (w.year < 1970 || w.year > 2200 || w.month < 1 || w.month > 12 || w.day < 1) return false
  if (w.hour > 23 || w.minute > 59 || w.second > 60) return false
  return w.day <= new Date(Date.UTC(w.year, w.month, 0)).getUTCDate()
}

const utcOf = (w: WallClock) => Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, Math.min(w.second, 59))

const formatters = new Map<string, Intl.DateTimeFormat>()

/** Minutes east of UTC of `zone` at the instant `ms` (Intl-based, so DST zones work too). */
export function zoneOffsetAt(zone: string, ms: number): number {
  if (zone === TIME_ZONE) return VN_OFFSET_MINUTES
  let f = formatters.get(zone)
  if (!f) {
    // biome-ignore format: option list
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    })
    formatters.set(zone, f)
  }
  const p = Object.fromEntries(f.formatToParts(new Date(ms)).map((x) => [x.type, Number(x.value)]))
  const asUtc = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!)
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60_000)
}

/** The instant of a wall-clock time: with an explicit offset if given, else in `zone`. */
export function toInstant(w: WallClock, offset: number | null, zone: string): Date | null {
  if (!validWallClock(w)) return null
  const local = utcOf(w)
  if (offset !== null) return new Date(local - offset * 60_000)
  // two passes settle the offset on DST edges; Asia/Ho_Chi_Minh has none and takes the fast path
  const first = zoneOffsetAt(zone, local)
  const second = zoneOffsetAt(zone, local - first * 60_000)
  return new Date(local - second * 60_000)
}

/** Wall-clock fields of an instant in `zone` (for "today"/"yesterday" style phrases). */
export function wallClockIn(zone: string, at: Date): WallClock {
  const shifted = new Date(at.getTime() + zoneOffsetAt(zone, at.getTime()) * 60_000)
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
  }
}
