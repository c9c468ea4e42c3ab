import { to24h } from './structured-date.js'
import { toInstant, wallClockIn } from './zone.js'

/**
 * Relative phrases on listing pages: `30 phút trước`, `2 giờ trước`, `3 ngày trước`, `hôm qua`,
 * `hôm qua lúc 10:30`, `hôm nay 08:15`, `vừa xong`, and the English `2 hours ago`, `yesterday`.
 * They are relative to `now`, which the caller must pass as the time the page was fetched.
 */
const AGO_VI = /(\d+)\s*(giây|phút|giờ|tiếng|ngày|tuần|tháng|năm)\s*(?:trước|qua\b)/i
const AGO_EN = /(\d+)\s*(seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago\b/i
const JUST_NOW = /vừa\s*(?:xong|mới|đăng)|just\s+now|mới\s+đây/i
const DAY_WORD = /hôm\s*kia|hôm\s*qua|hôm\s*nay|yesterday|today/i
const CLOCK = /(\d{1,2})\s*(?::|h|g)\s*(\d{2})(?:\s*(am|pm|sa|ch)\b)?/i

// biome-ignore format: grouped by unit
const UNIT_MS: Record<string, number> = {
  giây: 1000, second: 1000, sec: 1000,
  phút: 60_000, minute: 60_000, min: 60_000,
  giờ: 3600_000, tiếng: 3600_000, hour: 3600_000, hr: 3600_000,
  ngày: 86_400_000, day: 86_400_000,
  tuần: 7 * 86_400_000, week: 7 * 86_400_000,
}
const MONTH_UNITS: Record<string, number> = { tháng: 1, month: 1, năm: 12, year: 12 }

function ago(n: number, unitRaw: string, now: Date): Date {
  const unit = unitRaw.toLowerCase().replace(/s$/, '')
  const months = MONTH_UNITS[unit]
  if (months !== undefined) {
    const d = new Date(now.getTime())
    d.setUTCMonth(d.getUTCMonth() - n * months)
    return d
  }
  return new Date(now.getTime() - n * (UNIT_MS[unit] ?? 0))
}

const DAYS_BACK: [RegExp, number][] = [
  [/hôm\s*kia/i, 2],
  [/hôm\s*qua|yesterday/i, 1],
  [/hôm\s*nay|today/i, 0],
]

export function parseRelative(text: string, now: Date, zone: string): Date | null {
  const vi = AGO_VI.exec(text) ?? AGO_EN.exec(text)
  if (vi) return ago(Number(vi[1]), vi[2]!, now)
  if (JUST_NOW.test(text)) return new Date(now.getTime())
  if (!DAY_WORD.test(text)) return null
  const back = DAYS_BACK.find(([re]) => re.test(text))![1]
  const clock = CLOCK.exec(text)
  if (!clock) return new Date(now.getTime() - back * 86_400_000)
  // "hôm qua lúc 10:30": that wall-clock time on the previous calendar day in the page's zone
  const today = wallClockIn(zone, now)
  const day = new Date(Date.UTC(today.year, today.month - 1, today.day - back))
  return toInstant(
    {
      year: day.getUTCFullYear(),
      month: day.getUTCMonth() + 1,
      day: day.getUTCDate(),
      hour: to24h(Number(clock[1]), clock[3]),
      minute: Number(clock[2]),
      second: 0,
    },
    null,
    zone,
  )
}
