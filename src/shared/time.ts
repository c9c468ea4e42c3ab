/** The product's time zone: Viet Nam has no daylight saving time, so it is a fixed +07:00. */
export const TIME_ZONE = 'Asia/Ho_Chi_Minh'
export const VN_OFFSET_MINUTES = 7 * 60

const pad = (n: number) => String(n).padStart(2, '0')

/** Wall-clock parts of an instant in Asia/Ho_Chi_Minh, independent of the process TZ. */
export function vnParts(d: Date) {
  const t = new Date(d.getTime() + VN_OFFSET_MINUTES * 60_000)
  return {
    year: t.getUTCFullYear(),
    month: t.getUTCMonth() + 1,
    day: t.getUTCDate(),
    hour: t.getUTCHours(),
    minute: t.getUTCMinutes(),
    second: t.getUTCSeconds(),
    weekday: t.getUTCDay(),
  }
}

/** `16/05/2019 10:32` in Asia/Ho_Chi_Minh. */
export function formatDateTime(d: Date | string | number): string {
  const p = vnParts(new Date(d))
  return `${pad(p.day)}/${pad(p.month)}/${p.year} ${pad(p.hour)}:${pad(p.minute)}`
}

/** `16/05/2019` in Asia/Ho_Chi_Minh. */
export function formatDate(d: Date | string | number): string {
  const p = vnParts(new Date(d))
  return `${pad(p.day)}/${pad(p.month)}/${p.year}`
}

/** `2019-05-16` (the VN calendar day of an instant), used as a bucket key. */
export function vnDayKey(d: Date | string | number): string {
  const p = vnParts(new Date(d))
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`
}

/** The instant of a VN wall-clock time. Month is 1-based. */
export function fromVnWallClock(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
): Date {
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second) - VN_OFFSET_MINUTES * 60_000)
}
