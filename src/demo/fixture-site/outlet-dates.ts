import { vnParts } from '../../shared/time.js'
import type { DateStyle } from './corpus-schema.js'

const pad = (n: number) => String(n).padStart(2, '0')
const VI_WEEKDAYS = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy']
const EN_DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const EN_MONTHS_LONG = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]

/**
 * The visible date line of an article page, in the outlet's own style (all in Vietnam time except
 * `en-utc`): `Thứ Tư, 28/2/2024, 21:38 (GMT+7)`, `16/05/2019 - 10:32`, `Ngày 16/05/2019 10:32:36`,
 * `February 28, 2024, 9:38 PM ICT`, `28 Feb 2024 14:38 UTC`.
 */
export function dateLine(style: DateStyle, d: Date): string {
  const p = vnParts(d)
  switch (style) {
    case 'weekday-gmt7':
      return `${VI_WEEKDAYS[p.weekday]}, ${p.day}/${p.month}/${p.year}, ${pad(p.hour)}:${pad(p.minute)} (GMT+7)`
    case 'dash-time':
      return `${pad(p.day)}/${pad(p.month)}/${p.year} - ${pad(p.hour)}:${pad(p.minute)}`
    case 'portal-seconds':
      return `Ngày ${pad(p.day)}/${pad(p.month)}/${p.year} ${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}`
    case 'en-long': {
      const h12 = p.hour % 12 === 0 ? 12 : p.hour % 12
      return `${EN_MONTHS_LONG[p.month - 1]} ${p.day}, ${p.year}, ${h12}:${pad(p.minute)} ${p.hour < 12 ? 'AM' : 'PM'} ICT`
    }
    case 'en-utc':
      return `${d.getUTCDate()} ${EN_MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`
  }
}

/** `Cập nhật lúc 08:15 ngày 01/03/2024` */
export function viUpdatedLine(d: Date): string {
  const p = vnParts(d)
  return `Cập nhật lúc ${pad(p.hour)}:${pad(p.minute)} ngày ${pad(p.day)}/${pad(p.month)}/${p.year}`
}

/** RFC 822 date in Vietnam time, as Vietnamese feeds write it: `Wed, 28 Feb 2024 21:38:00 +0700`. */
export function rfc822Vn(d: Date): string {
  const p = vnParts(d)
  const time = `${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}`
  return `${EN_DAYS[p.weekday]}, ${pad(p.day)} ${EN_MONTHS[p.month - 1]} ${p.year} ${time} +0700`
}

/** ISO 8601 in Vietnam time: `2024-02-28T21:38:00+07:00`. */
export function isoVn(d: Date): string {
  const p = vnParts(d)
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}+07:00`
}

/** `{yyyy}`, `{mm}`, `{dd}` of the Vietnam calendar day, for dated URLs. */
export function vnDayParts(d: Date): { yyyy: string; mm: string; dd: string } {
  const p = vnParts(d)
  return { yyyy: String(p.year), mm: pad(p.month), dd: pad(p.day) }
}
