import { fromVnWallClock, vnParts } from '../shared/time.js'

/** The daily digest goes out at this Viet Nam hour: before the working day starts at 07:30. */
export const DIGEST_HOUR = 7

const HH_MM = /^(\d{2}):(\d{2})$/

const minutesOf = (hhmm: string): number => {
  const m = HH_MM.exec(hhmm)
  if (!m) throw new RangeError(`not HH:MM: ${hhmm}`)
  return Number(m[1]) * 60 + Number(m[2])
}

/** The Viet Nam wall-clock instant of day `dayOffset` from `now`'s day at `minutes` past midnight. */
function vnAt(now: Date, dayOffset: number, minutes: number): Date {
  const p = vnParts(now)
  return fromVnWallClock(p.year, p.month, p.day + dayOffset, Math.floor(minutes / 60), minutes % 60)
}

/**
 * When quiet hours (Viet Nam time, `start`–`end`, may wrap midnight: 22:00–06:30) cover `now`, the
 * instant they end; otherwise null. Equal start and end mean no quiet hours.
 */
export function quietHoursEnd(now: Date, start: string | null, end: string | null): Date | null {
  if (!start || !end) return null
  const s = minutesOf(start)
  const e = minutesOf(end)
  if (s === e) return null
  const p = vnParts(now)
  const t = p.hour * 60 + p.minute
  if (s < e) return t >= s && t < e ? vnAt(now, 0, e) : null
  if (t >= s) return vnAt(now, 1, e)
  return t < e ? vnAt(now, 0, e) : null
}

/** The digest period that ended most recently at or before `now`: [yesterday 07:00, today 07:00). */
export function lastDigestWindow(now: Date): { from: Date; to: Date } {
  const todayAt = vnAt(now, 0, DIGEST_HOUR * 60)
  const to = now >= todayAt ? todayAt : vnAt(now, -1, DIGEST_HOUR * 60)
  return { from: new Date(to.getTime() - 86_400_000), to }
}

/** The start of `now`'s Viet Nam day and of the day `offset` days from it. */
export const vnDayStart = (now: Date, offset = 0): Date => vnAt(now, offset, 0)
