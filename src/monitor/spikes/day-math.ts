const DAY_MS = 86_400_000
const DAY_KEY = /^(\d{4})-(\d{2})-(\d{2})$/

/** `2026-03-01` → days since 1970-01-01. Calendar arithmetic only: no time zone is involved. */
export function dayNumber(day: string): number {
  const m = DAY_KEY.exec(day)
  if (!m) throw new RangeError(`not a day key: ${day}`)
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS
}

/** Days since 1970-01-01 → `2026-03-01`. */
export const dayKeyOf = (n: number): string => new Date(n * DAY_MS).toISOString().slice(0, 10)

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export const weekdayOf = (n: number): number => (((n + 4) % 7) + 7) % 7

/** The day key `delta` days after `day`. */
export const addDays = (day: string, delta: number): string => dayKeyOf(dayNumber(day) + delta)
