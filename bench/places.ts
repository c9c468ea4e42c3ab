/**
 * Place recognition figures: ms per 3,000-char news article with the shipped gazetteer (provinces +
 * countries) and with every imported unit (2025 + pre-2025 + old→new), index build times, peak RSS,
 * beside the named baseline "naive includes" (a loop of String.includes over every folded name on the
 * folded text) in the same run. Articles: VNTC news (shared data), cut or joined to 3,000 chars.
 *   node --import tsx bench/places.ts [--articles 200]
 */
import { createReadStream, readFileSync } from 'node:fs'
import { createInterface } from 'node:readline'
import { createGunzip } from 'node:zlib'
import { fold, foldKey } from '../src/analyze/places/fold.js'
import { findPlaces } from '../src/analyze/places/find-places.js'
import { type Gazetteer, buildGazetteer, loadGazetteer } from '../src/analyze/places/gazetteer.js'
import { linkSuccessors } from '../src/analyze/places/link-successors.js'
import { parseAdminUnitsJson } from '../src/analyze/places/parse-admin-units.js'
import { parseNewToOld } from '../src/analyze/places/parse-new-to-old.js'
import { loadShippedPlaces } from '../src/analyze/places/shipped-places.js'
import { sharedDataDir } from '../src/shared/paths.js'

const ARTICLE_CHARS = 3000
const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 ? Number(process.argv[i + 1]) : dflt
}
const N = arg('articles', 200)
/** the naive baseline is slow with all units: time it on fewer articles */
const N_NAIVE_FULL = Math.min(N, 30)

async function articles(n: number): Promise<string[]> {
  const lines = createInterface({
    input: createReadStream(sharedDataDir('vntc/vntc10-train.jsonl.gz')).pipe(createGunzip()),
  })
  const out: string[] = []
  let buf = ''
  for await (const line of lines) {
    buf += `${(JSON.parse(line) as { text: string }).text}\n`
    while (buf.length >= ARTICLE_CHARS && out.length < n) {
      out.push(buf.slice(0, ARTICLE_CHARS))
      buf = buf.slice(ARTICLE_CHARS)
    }
    if (out.length >= n) break
  }
  lines.close()
  return out
}

/** CPU ms (user + system) of one call */
const time = <T>(f: () => T): [T, number] => {
  const c0 = process.cpuUsage()
  const r = f()
  const c = process.cpuUsage(c0)
  return [r, (c.user + c.system) / 1000]
}

/**
 * CPU ms (user + system) per article, best of `passes` passes: the machine is shared, and wall time
 * there mostly measures the neighbours.
 */
function perArticle(texts: string[], f: (t: string) => unknown, passes = 5): number {
  for (const t of texts.slice(0, 20)) f(t) // warm-up
  let best = Number.POSITIVE_INFINITY
  for (let p = 0; p < passes; p++) {
    const c0 = process.cpuUsage()
    for (const t of texts) f(t)
    const c = process.cpuUsage(c0)
    best = Math.min(best, (c.user + c.system) / 1000 / texts.length)
  }
  return best
}

/** The named baseline: every folded name, String.includes on the folded article. */
function naive(gaz: Gazetteer): (text: string) => number {
  const names = [
    ...new Set([...gaz.records.values()].flatMap((r) => [r.name, ...r.aliases].map(foldKey))),
  ].filter(Boolean)
  return (text) => {
    const f = ` ${foldKey(fold(text))} `
    let hits = 0
    for (const n of names) if (f.includes(` ${n} `)) hits++
    return hits
  }
}

const rss = () => Math.round(process.resourceUsage().maxRSS / 1024)
const fmt = (x: number) => x.toFixed(3)

const texts = await articles(N)
const [small, smallBuild] = time(() => loadGazetteer())
const smallMs = perArticle(texts, (t) => findPlaces({ body: t }, small))
const smallNaiveMs = perArticle(texts, naive(small))
const smallMentions = texts.reduce((s, t) => s + findPlaces({ body: t }, small).length, 0) / texts.length
const rssSmall = rss()

const read = (rel: string): unknown => JSON.parse(readFileSync(sharedDataDir('vn-admin-units', rel), 'utf8'))
const [units, parseMs] = time(() => [
  ...loadShippedPlaces(),
  ...parseAdminUnitsJson(read('2025/units-2025.json'), { era: '2025' }).filter((r) => r.level !== 'province'),
  ...parseAdminUnitsJson(read('pre2025/units-pre2025.json'), { era: 'pre2025' }).filter(
    (r) => r.level !== 'province',
  ),
])
const [linked, linkMs] = time(
  () => linkSuccessors(units, parseNewToOld(read('old-to-new/new_to_old.json'))).records,
)
const [full, fullBuild] = time(() => buildGazetteer(linked))
const fullMs = perArticle(texts, (t) => findPlaces({ body: t }, full))
const fullNaiveMs = perArticle(texts.slice(0, N_NAIVE_FULL), naive(full), 2)
const fullMentions = texts.reduce((s, t) => s + findPlaces({ body: t }, full).length, 0) / texts.length

console.log(
  `places bench: ${texts.length} VNTC articles × ${ARTICLE_CHARS} chars (naive with all units: ${N_NAIVE_FULL})`,
)
console.log(
  'gazetteer                  records  forms  build CPU ms  findPlaces CPU ms/article  naive includes CPU ms/article  ratio  places/article',
)
const row = (label: string, g: Gazetteer, build: number, ms: number, naiveMs: number, per: number) =>
  console.log(
    `${label.padEnd(26)} ${String(g.records.size).padStart(7)} ${String(g.entryCount).padStart(6)} ${build.toFixed(0).padStart(12)}  ${fmt(ms).padStart(25)}  ${fmt(naiveMs).padStart(29)}  ${(naiveMs / ms).toFixed(0).padStart(4)}×  ${per.toFixed(1).padStart(14)}`,
  )
row('provinces + countries', small, smallBuild, smallMs, smallNaiveMs, smallMentions)
row('all imported units', full, fullBuild, fullMs, fullNaiveMs, fullMentions)
console.log(
  `import of the official lists: parse ${parseMs.toFixed(0)} ms, old→new link ${linkMs.toFixed(0)} ms`,
)
console.log(`peak RSS: ${rssSmall} MB after the small gazetteer, ${rss()} MB with all units`)
