import type { NegativeShareResult } from './spikes/negative-share.js'
import type { SpikeResult } from './spikes/detect-spike.js'
import type { Driver, SpikeExplanation } from './spikes/explain-spike.js'

/** Drivers named per bullet: a line a reader takes in at a glance. */
const BULLET_ITEMS = 4

/** The explorer page for a saved search (relative; e-mails prefix the public URL). */
export const explorerLink = (query: string) => `/explore?q=${encodeURIComponent(query)}`

/** Vietnamese number format: decimal comma. */
const vi = (x: number, digits = 1) => (Number.isInteger(x) ? String(x) : x.toFixed(digits).replace('.', ','))
const percent = (x: number) => `${Math.round(x * 100)}%`

const list = (drivers: readonly Driver[], showCount: boolean) =>
  drivers
    .slice(0, BULLET_ITEMS)
    .map((d) => (showCount ? `${d.label} (${d.current} bài)` : d.label))
    .join(', ')

/** The explanation as short Vietnamese bullets: outlets, terms, places, stories. */
export function explanationBullets(x: SpikeExplanation): string[] {
  const out: string[] = []
  if (x.outlets.length) out.push(`Nguồn đăng nhiều: ${list(x.outlets, true)}`)
  if (x.terms.length) out.push(`Từ khóa nổi lên: ${list(x.terms, false)}`)
  if (x.places.length) out.push(`Địa danh: ${list(x.places, true)}`)
  if (x.stories.length) out.push(`Sự kiện: ${list(x.stories, true)}`)
  return out
}

export interface AlertText {
  title: string
  body: string
  bullets: string[]
}

export function spikeText(name: string, r: SpikeResult, x: SpikeExplanation | null): AlertText {
  const head = r.level === 'alert' ? 'Tăng đột biến' : 'Cần theo dõi'
  const ratio = r.expected > 0 ? ` (gấp ${vi(r.observed / r.expected)} lần)` : ''
  return {
    title: `${head}: ${name} — ${r.observed} bài hôm nay`,
    body: `${r.observed} bài trong ngày ${r.day}, mức thường ngày khoảng ${vi(r.expected)}${ratio}. Xác suất ngẫu nhiên: ${r.pValue.toPrecision(2)}.`,
    bullets: x ? explanationBullets(x) : [],
  }
}

export function negativeShareText(
  name: string,
  r: NegativeShareResult,
  x: SpikeExplanation | null,
): AlertText {
  return {
    title: `Tin tiêu cực tăng: ${name} — ${percent(r.share)} (${r.negative}/${r.total} bài)`,
    body: `Ngày ${r.day}: ${r.negative} trong ${r.total} bài có sắc thái tiêu cực (${percent(r.share)}); bốn tuần trước: ${percent(r.baselineShare)}.`,
    bullets: x ? explanationBullets(x) : [],
  }
}

export function newMatchText(
  name: string,
  articles: readonly { title: string; source: string }[],
): AlertText {
  return {
    title: `${articles.length} bài mới: ${name}`,
    body: `Có ${articles.length} bài mới khớp danh sách theo dõi «${name}».`,
    bullets: articles.slice(0, 5).map((a) => `${a.title} — ${a.source}`),
  }
}
