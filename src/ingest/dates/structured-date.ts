import { offsetMinutes, toInstant, type WallClock } from './zone.js'

/** Machine formats: ISO 8601 / W3C-DTF and RFC 822/1123 with the usual feed mistakes. */

const ZONE = String.raw`(Z|[+\-−]\d{1,2}(?::?\d{2})?|(?:GMT|UTC|UT)\s*[+\-−]\s*\d{1,2}(?::?\d{2})?|[A-Z]{1,5})`

/** `2019-05-16`, `2019-05-16T10:32:36.123+07:00`, `2019-05-16 10:32`, `2019/05/16 10:32 +0700` */
const ISO = new RegExp(
  String.raw`^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?\s*${ZONE}?$`,
  'i',
)

/** `Tue, 5 Mar 2019 10:00:00 +0700`, `05 Mar 19 10:00 GMT+7`, `5-Mar-2019 10:00:00 ICT`, `16 May 2019` */
const RFC = new RegExp(
  String.raw`^(?:[a-z]{2,9}\.?,?\s*)?(\d{1,2})[\s\-]+([a-z]{3,9})\.?,?[\s\-]+(\d{2,4})` +
    String.raw`(?:[\s,T]+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:[.,]\d+)?)?\s*(am|pm)?\s*\(?${ZONE}?\)?$`,
  'i',
)

/** `May 16, 2019 10:32 AM`, `Thursday, May 16, 2019 at 10:32 pm GMT+7`, `Mar 5 2019` */
const MONTH_FIRST = new RegExp(
  String.raw`^(?:[a-z]{2,9},?\s+)?([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})` +
    String.raw`(?:(?:,?\s+at)?[\s,]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*(am|pm)?\s*\(?${ZONE}?\)?$`,
  'i',
)

// biome-ignore format: one row
const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
}

export function monthNumber(name: string): number | null {
  const n = MONTHS[name.slice(0, 3).toLowerCase()]
  return n ?? null
}

/** 12-hour clock to 24-hour. */
export function to24h(hour: number, meridiem: string | undefined): number {
  if (!meridiem) return hour
  const pm = /^(pm|ch)$/i.test(meridiem)
  if (hour === 12) return pm ? 12 : 0
  return pm ? hour + 12 : hour
}

/** Two-digit years: RFC 822 allowed them; 70–99 are 19xx. */
const fullYear = (y: string) => (y.length === 2 ? (Number(y) >= 70 ? 1900 : 2000) + Number(y) : Number(y))

interface Fields {
  year: string
  month: number | null
  day: string
  hour?: string
  minute?: string
  second?: string
  meridiem?: string
  zone?: string
}

function build(f: Fields, defaultZone: string): Date | null {
  if (f.month === null) return null
  const offset = offsetMinutes(f.zone)
  // an unknown word in the zone slot (e.g. "ICT2") means the string is not what we think
  if (f.zone && offset === null) return null
  const w: WallClock = {
    year: fullYear(f.year),
    month: f.month,
    day: Number(f.day),
    hour: to24h(Number(f.hour ?? 0), f.meridiem),
    minute: Number(f.minute ?? 0),
    second: Number(f.second ?? 0),
  }
  if (f.meridiem && (w.hour > 23 || Number(f.hour) > 12)) return null
  return toInstant(w, offset, defaultZone)
}

export function parseIso(text: string, defaultZone: string): Date | null {
  const m = ISO.exec(text)
  if (!m) return null
  const [, year, , month, day, hour, minute, second, zone] = m
  return build({ year: year!, month: Number(month), day: day!, hour, minute, second, zone }, defaultZone)
}

export function parseRfc(text: string, defaultZone: string): Date | null {
  const m = RFC.exec(text)
  if (m) {
    const [, day, mon, year, hour, minute, second, meridiem, zone] = m
    return build(
      { year: year!, month: monthNumber(mon!), day: day!, hour, minute, second, meridiem, zone },
      defaultZone,
    )
  }
  const f = MONTH_FIRST.exec(text)
  if (!f) return null
  const [, mon, day, year, hour, minute, second, meridiem, zone] = f
  return build(
    { year: year!, month: monthNumber(mon!), day: day!, hour, minute, second, meridiem, zone },
    defaultZone,
  )
}
