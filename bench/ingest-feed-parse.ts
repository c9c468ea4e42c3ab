/**
 * Parsing a 100k-item RSS dump (about 19 MB): `parseFeed` (newest 5000 kept, the product path) against
 * the baseline of feedsmith parsing the whole document. Prints both times, the ratio and peak memory.
 * Run: node --import tsx bench/ingest-feed-parse.ts
 */
import { parseFeed as feedsmithParse } from 'feedsmith'
import { parseFeed } from '../src/ingest/parse/parse-feed.js'

/** large enough to show the cap's effect, small enough to run in seconds on 2 cores */
const ITEMS = 100_000

function bigFeed(n: number): string {
  const items: string[] = []
  for (let i = 0; i < n; i++) {
    const date = new Date(Date.UTC(2024, 0, 1) + ((i * 7919) % n) * 60_000).toUTCString()
    items.push(
      `<item><title>Tin số ${i}: Đà Nẵng</title><link>https://tin.example.vn/bai-${i}.html</link><guid>tin-${i}</guid>` +
        `<pubDate>${date}</pubDate><description>Mô tả ngắn cho bài ${i} về thông tin đối ngoại.</description></item>`,
    )
  }
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Bench</title><link>https://tin.example.vn/</link>${items.join('')}</channel></rss>`
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`
const xml = bigFeed(ITEMS)
console.log(`input: ${ITEMS} items, ${mb(xml.length)} of text`)

let t0 = performance.now()
const ours = parseFeed(xml, { url: 'https://tin.example.vn/rss' })
const oursMs = performance.now() - t0
const oursPeak = process.resourceUsage().maxRSS * 1024
console.log(
  `parseFeed (newest 5000):   ${oursMs.toFixed(0)} ms, ${ours.items.length} items, peak RSS so far ${mb(oursPeak)}`,
)

t0 = performance.now()
const base = feedsmithParse(xml)
const baseMs = performance.now() - t0
const count = base.format === 'rss' ? (base.feed.items?.length ?? 0) : 0
console.log(
  `baseline feedsmith (all):  ${baseMs.toFixed(0)} ms, ${count} items, peak RSS ${mb(process.resourceUsage().maxRSS * 1024)}`,
)
console.log(`ratio parseFeed/baseline: ${(oursMs / baseMs).toFixed(2)} (lower is better)`)
