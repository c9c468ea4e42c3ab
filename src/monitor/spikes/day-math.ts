const DAY_MS = 86_400_000
const DAY_KEY = /^(\d{4})-(\d{2})-(\d{2})$/

/** `2026-03-01` → days since 1970-01-01. Calendar arithmetic only: no time zone is involved. */
export function dayNumber(day: string): number {
  if (!DAY_KEY.test(day)) throw new RangeError(`not a day key: ${day}`)
  return daysFromCivil(digits(day, 0, 4), digits(day, 5, 7), digits(day, 8, 10))
}

/** The number in `s[from, to)`, all ASCII digits (checked by the caller). */
function digits(s: string, from: number, to: number): number {
  let n = 0
  for (let i = from; i < to; i++) n = n * 10 + s.charCodeAt(i) - 48
  return n
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil): no Date object per call. */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y
  const era = Math.floor(yy / 400)
  const yoe = yy - era * 400
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
}

/** Days since 1970-01-01 → `2026-03-01`. */
export const dayKeyOf = (n: number): string => new Date(n * DAY_MS).toISOString().slice(0, 10)

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export const weekdayOf = (n: number): number => (((n + 4) % 7) + 7) % 7

/** The day key `delta` days after `day`. */
export const addDays = (day: string, delta: number): string => dayKeyOf(dayNumber(day) + delta)
