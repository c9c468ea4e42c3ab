import { fromVnWallClock, vnParts } from '../../shared/time.js'

export type PeriodKey = 'today' | '7d' | '30d' | 'custom'
export type ScopeKey = 'country' | 'province' | 'commune'

export interface Period {
  key: PeriodKey
  /** inclusive start and exclusive end, ISO instants */
  from: string
  to: string
  /** VN calendar days covered, `YYYY-MM-DD`, in order */
  days: string[]
}

const DAY_MS = 86_400_000
/** Custom periods are capped so one page never aggregates years day by day. */
const MAX_DAYS = 366
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/

function vnMidnight(d: Date): Date {
  const p = vnParts(d)
  return fromVnWallClock(p.year, p.month, p.day)
}

const dayKey = (d: Date) => {
  const p = vnParts(d)
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`
}

/** The period of a dashboard request, in Asia/Ho_Chi_Minh days; bad input falls back to 7 days. */
export function resolvePeriod(q: { period?: string; from?: string; to?: string }, now: Date): Period {
  const end = new Date(vnMidnight(now).getTime() + DAY_MS)
  let start: Date
  let key: PeriodKey = (['today', '7d', '30d', 'custom'] as const).find((k) => k === q.period) ?? '7d'
  let stop = end
  if (key === 'custom') {
    const f = DATE.exec(q.from ?? '')
    const t = DATE.exec(q.to ?? '')
    if (f && t) {
      start = fromVnWallClock(+f[1]!, +f[2]!, +f[3]!)
      stop = new Date(fromVnWallClock(+t[1]!, +t[2]!, +t[3]!).getTime() + DAY_MS)
      if (!(start < stop) || (stop.getTime() - start.getTime()) / DAY_MS > MAX_DAYS) key = '7d'
    } else key = '7d'
  }
  if (key !== 'custom') {
    stop = end
    start = new Date(end.getTime() - (key === 'today' ? 1 : key === '30d' ? 30 : 7) * DAY_MS)
  }
  const days: string[] = []
  for (let t = start!.getTime(); t < stop.getTime(); t += DAY_MS) days.push(dayKey(new Date(t)))
  return { key, from: start!.toISOString(), to: stop.toISOString(), days }
}

/** The same length of time just before a period: the baseline for "rising". */
export function previousPeriod(p: Period): { from: string; to: string } {
  const len = Date.parse(p.to) - Date.parse(p.from)
  return { from: new Date(Date.parse(p.from) - len).toISOString(), to: p.from }
}

export const resolveScope = (s: string | undefined): ScopeKey =>
  s === 'province' || s === 'commune' ? s : 'country'
