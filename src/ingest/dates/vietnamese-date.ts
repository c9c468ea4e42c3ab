import { to24h } from './structured-date.js'
import { offsetMinutes, toInstant, type WallClock, wallClockIn } from './zone.js'

/**
 * Dates as Vietnamese pages print them. Numeric dates are always day first (05/06/2019 = 5 June);
 * the time may come before or after the date; a zone is rare and usually "(GMT+7)".
 *   Ngày 16/05/2019 10:32:36 · 16/05/2019 - 10:32 · Thứ Tư, 28/2/2024, 21:38 (GMT+7)
 *   Cập nhật lúc 08:15 ngày 01/03/2024 · ngày 5 tháng 3 năm 2019 · 10h32 16-5-2019
 */
const DMY = /(?<![\d/.-])(\d{1,2})\s?([/.-])\s?(\d{1,2})\s?\2\s?(\d{4}|\d{2})(?![\d/.-])/
const YMD = /(?<![\d/.-])(\d{4})([/.-])(\d{1,2})\2(\d{1,2})(?![\d/.-])/
const WORDS = /(?:ngày\s+)?(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s*(?:năm|,|\/)\s*|\s+)(\d{4})/i
/** `16/5` without a year: only used together with a clock time (listing pages of the current year) */
const DM = /(?<![\d/.-])(\d{1,2})\/(\d{1,2})(?![\d/.-])/
/** `10:32`, `10:32:36`, `10h32`, `10g32`, `10 giờ 32 phút`, with optional AM/PM or SA/CH */
const TIME =
  /(?<![\d/.:-])(\d{1,2})\s*(?::|h|g|giờ)\s*(\d{2})(?:\s*(?::|phút)\s*(\d{2}))?(?:\s*phút)?(?![\d/])(?:\s*(am|pm|sa|ch)\b)?/i
const ZONE = /(?:GMT|UTC)\s*([+\-−]\s*\d{1,2}(?::?\d{2})?)|([+\-−]\d{2}:?\d{2})\s*\)?\s*$/i

interface DayFields {
  year: number
  month: number
  day: number
  /** where the date text sits, so the time search can skip it */
  span: [number, number]
}

function findDay(text: string, now: Date, zone: string): DayFields | null {
  const words = WORDS.exec(text)
  if (words) return fields(words, Number(words[3]), Number(words[2]), Number(words[1]))
  const dmy = DMY.exec(text)
  if (dmy) {
    const y = dmy[4]!
    return fields(dmy, y.length === 2 ? 2000 + Number(y) : Number(y), Number(dmy[3]), Number(dmy[1]))
  }
  const ymd = YMD.exec(text)
  if (ymd) return fields(ymd, Number(ymd[1]), Number(ymd[3]), Number(ymd[4]))
  const dm = DM.exec(text)
  if (dm && TIME.test(text.replace(dm[0], ' '))) {
    // no year: this year, unless that lands more than a day in the future (a December item read in January)
    const today = wallClockIn(zone, now)
    const month = Number(dm[2])
    const day = Number(dm[1])
    const ahead = month > today.month || (month === today.month && day > today.day + 1)
    return fields(dm, ahead ? today.year - 1 : today.year, month, day)
  }
  return null
}

const fields = (m: RegExpExecArray, year: number, month: number, day: number): DayFields => ({
  year,
  month,
  day,
  span: [m.index, m.index + m[0].length],
})

export function parseVietnamese(text: string, now: Date, defaultZone: string): Date | null {
  const day = findDay(text, now, defaultZone)
  if (!day) return null
  // blank the date out so its digits cannot be read as a time
  const rest = text.slice(0, day.span[0]) + ' '.repeat(day.span[1] - day.span[0]) + text.slice(day.span[1])
  const found = TIME.exec(rest)
  // an impossible clock ("25:61") is noise next to a good date: keep the date, drop the time
  const t = found && Number(found[1]) < 24 && Number(found[2]) < 60 ? found : null
  const z = ZONE.exec(rest)
  const offset = z ? offsetMinutes((z[1] ?? z[2])!.replace(/\s+/g, '')) : null
  const hour = t ? Number(t[1]) : 0
  if (t?.[4] && hour > 12) return null
  const w: WallClock = {
    year: day.year,
    month: day.month,
    day: day.day,
    hour: t ? to24h(hour, t[4]) : 0,
    minute: t ? Number(t[2]) : 0,
    second: t?.[3] ? Number(t[3]) : 0,
  }
  return toInstant(w, offset, defaultZone)
}
