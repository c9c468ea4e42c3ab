import { fromVnWallClock } from '../../shared/time.js'

/**
 * Dates as Vietnamese pages write them, without a zone unless one is given (then +07:00):
 * `Ngày 16/05/2019 10:32:36`, `16/05/2019 - 10:32`, `Thứ Tư, 28/2/2024, 21:38 (GMT+7)`,
 * `Cập nhật lúc 08:15 ngày 01/03/2024`, `10h32 ngày 16-5-2019`, `ngày 5 tháng 3 năm 2019`,
 * and ISO 8601 (`2019-05-16T10:32:36+07:00`, or without zone = Vietnamese wall clock).
 * Day-first always: `05/06/2019` is 5 June.
 */
const NUMERIC_DATE = /(?<![\d/.-])(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?![\d/.-])/u
const WORDED_DATE = /ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/iu
const ISO_DATE =
  /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?(?!\d)/u
/** A time right after the date: separators, an optional "lúc", then `10:32[:36]` / `10h32` / `10 giờ 32`. */
const TIME_AFTER =
  /^[\s,|–-]*(?:lúc\s*)?(\d{1,2})\s*(?::|h|giờ)\s*(\d{2})(?:\s*:\s*(\d{2}))?(?:\s*(AM|PM|SA|CH))?/iu
/** A time right before the date: `08:15 ngày`, `10h32, `, `21:38 - `. */
const TIME_BEFORE =
  /(\d{1,2})\s*(?::|h|giờ)\s*(\d{2})(?:\s*:\s*(\d{2}))?(?:\s*(AM|PM|SA|CH))?[\s,|–-]*(?:ngày\s*)?$/iu
const GMT_OFFSET = /^[^\d]{0,6}\(?\s*(?:GMT|UTC)\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?/iu
/** How far before a date a time may sit (`Cập nhật lúc 08:15 ngày ` fits). */
const TIME_BEFORE_WINDOW = 24
const MIN_YEAR = 1990
const MAX_YEAR = 2100

interface Wall {
  y: number
  mo: number
  d: number
  h: number
  mi: number
  s: number
}

function valid(w: Wall): boolean {
  return (
    w.y >= MIN_YEAR &&
    w.y <= MAX_YEAR &&
    w.mo >= 1 &&
    w.mo <= 12 &&
    w.d >= 1 &&
    w.d <= new Date(Date.UTC(w.y, w.mo, 0)).getUTCDate() &&
    w.h < 24 &&
    w.mi < 60 &&
    w.s < 60
  )
}

function applyMeridiem(h: number, m: string | undefined): number {
  const x = m?.toUpperCase()
  if ((x === 'PM' || x === 'CH') && h < 12) return h + 12
  if ((x === 'AM' || x === 'SA') && h === 12) return 0
  return h
}

function toDate(w: Wall, rest: string): Date {
  const gmt = GMT_OFFSET.exec(rest)
  if (!gmt) return fromVnWallClock(w.y, w.mo, w.d, w.h, w.mi, w.s)
  const offset = (gmt[1] === '-' ? -1 : 1) * (Number(gmt[2]) * 60 + Number(gmt[3] ?? 0))
  return new Date(Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi, w.s) - offset * 60_000)
}

function parseIso(m: RegExpExecArray): Date | null {
  const w: Wall = {
    y: Number(m[1]),
    mo: Number(m[2]),
    d: Number(m[3]),
    h: Number(m[4] ?? 0),
    mi: Number(m[5] ?? 0),
    s: Number(m[6] ?? 0),
  }
  if (!valid(w)) return null
  if (!m[7]) return fromVnWallClock(w.y, w.mo, w.d, w.h, w.mi, w.s)
  const d = new Date(`${m[0].replace(' ', 'T').replace(/([+-]\d{2})(\d{2})$/, '$1:$2')}`)
  return Number.isNaN(d.getTime()) ? null : d
}

export interface FoundDate {
  date: Date
  hasTime: boolean
  /** Where the date (with its time) starts and ends in the text. */
  start: number
  end: number
}

/** The first date (with its time, if written next to it) in `text`, or null. */
export function findVnDate(text: string): FoundDate | null {
  const numeric = NUMERIC_DATE.exec(text) ?? WORDED_DATE.exec(text)
  const iso = ISO_DATE.exec(text)
  if (iso && (!numeric || iso.index < numeric.index)) {
    const date = parseIso(iso)
    if (date) return { date, hasTime: iso[4] !== undefined, start: iso.index, end: iso.index + iso[0].length }
  }
  if (!numeric) return null
  const w: Wall = { y: Number(numeric[3]), mo: Number(numeric[2]), d: Number(numeric[1]), h: 0, mi: 0, s: 0 }
  let start = numeric.index
  let end = start + numeric[0].length
  const after = TIME_AFTER.exec(text.slice(end))
  const beforeText = text.slice(Math.max(0, start - TIME_BEFORE_WINDOW), start)
  const before = after ? null : TIME_BEFORE.exec(beforeText)
  const t = after ?? before
  if (t) {
    w.h = applyMeridiem(Number(t[1]), t[4])
    w.mi = Number(t[2])
    w.s = Number(t[3] ?? 0)
    if (after) end += after[0].length
    else start -= beforeText.length - before!.index
  }
  if (!valid(w)) return null
  return { date: toDate(w, text.slice(end)), hasTime: t !== null, start, end }
}

/** A metadata date string (ISO, RFC 2822, or Vietnamese) as an ISO instant, or null. */
export function parseDateValue(value: string | undefined | null): string | null {
  if (!value) return null
  const v = value.trim()
  const found = findVnDate(v)
  if (found) return found.date.toISOString()
  // RFC 2822 and other forms that carry their own zone ("Tue, 05 Mar 2019 10:00:00 GMT").
  if (/[A-Za-z]{3}/.test(v) && /(GMT|UTC|[+-]\d{4}|Z)\b/.test(v)) {
    const d = new Date(v)
    if (!Number.isNaN(d.getTime())) return d.toISOString()
  }
  return null
}
