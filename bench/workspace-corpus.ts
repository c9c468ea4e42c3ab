/**
 * The workspace benchmark's database: N articles imported through the real import path
 * (`importJsonl`, as bench:search does: VNTC sentences, 500 sources) over the three years that end
 * today, then **synthetic analysis rows** written by SQL in one pass: tone, home relevance, story,
 * rule topics, places, source kind and country. Analysing a million articles through the real
 * analyzer would take hours (bench:analyze measures the analyzer itself); the dashboard and the
 * explorer only read these rows, so their shape and volume is what matters here, not their truth.
 *
 * Shape (deterministic in the article id): fetched 5–125 minutes after publication; tone triangular on −6…+6 (about a third below −1);
 * home level country 60 % / province 25 % / commune 15 %; 40 % of articles in a story (30 stories per
 * day); one rule topic for 50 %, a second for 20 %, a sensitive topic for 3 %; one place for 60 %, a
 * second for 25 % (the 34 provinces of 2025 and 8 countries); sources: 60 % domestic, 20 % foreign
 * (articles in English), 10 % government, 10 % other. Search rows get the same tone and country.
 */
import { createReadStream, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { Readable } from 'node:stream'
import { createGunzip } from 'node:zlib'
import type BetterSqlite3 from 'better-sqlite3'
import { sql } from 'kysely'
import { runSetup } from '../src/accounts/setup.js'
import { loadGazetteer } from '../src/analyze/places/gazetteer.js'
import { type Db, openDatabase } from '../src/db/database.js'
import { migrateToLatest } from '../src/db/migrate.js'
import { getSetting, putSetting } from '../src/db/tables/settings.js'
import { importJsonl } from '../src/search/import-jsonl.js'
import { sharedDataDir } from '../src/shared/paths.js'

export const BENCH_PASSWORD = 'mat-khau-do-hieu-nang-01'
const SOURCE_DOCS = 8000
const SOURCES = 500
const DAYS = 3 * 365
const DAY_MS = 86_400_000
const PROGRESS_MS = 30_000
/** Bumped when the synthetic rows change: a kept database is synthesized again (every step is idempotent). */
const SYNTH_VERSION = 2

/** Rule topics (office taxonomy ids): promotion topics common, sensitive ones rare (separate list). */
const TOPICS = [
  'promo.policy_law',
  'promo.achievements',
  'promo.investment',
  'promo.key_projects',
  'promo.planning',
  'promo.business_models',
  'promo.events',
  'promo.anniversaries',
  'promo.asean_un',
  'promo.culture_sports',
  'promo.human_rights_achievements',
]
const SENSITIVE = [
  'sensitive.east_sea',
  'sensitive.border_territory',
  'sensitive.ethnicity',
  'sensitive.religion',
  'sensitive.democracy',
  'sensitive.human_rights',
]
const COUNTRIES = ['US', 'CN', 'FR', 'JP', 'GB', 'KR', 'DE', 'AU']

function rng(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = Math.imul(a ^ (a >>> 15), a | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

async function loadSentences(): Promise<string[]> {
  const input = createReadStream(sharedDataDir('vntc', 'vntc10-train.jsonl.gz')).pipe(createGunzip())
  const out: string[] = []
  let docs = 0
  for await (const line of createInterface({ input })) {
    const { text } = JSON.parse(line) as { text: string }
    for (const s of text.split(/(?<=[.!?])\s+/)) if (s.length > 30 && s.length < 400) out.push(s)
    if (++docs >= SOURCE_DOCS) break
  }
  return out
}

/** Source k's kind: the same rule the synthesis applies to the stored source (by its name's number). */
const foreignSource = (k: number) => k % 10 === 6 || k % 10 === 7

function* corpusLines(sentences: string[], n: number, end: number): Generator<string> {
  const r = rng(42)
  const pick = () => sentences[Math.floor(r() * sentences.length)]!
  const start = end - DAYS * DAY_MS
  for (let i = 0; i < n; i++) {
    const body = Array.from({ length: 3 + Math.floor(r() * 4) }, pick).join(' ')
    const at = new Date(start + Math.floor(r() * DAYS * DAY_MS)).toISOString()
    const title = pick().slice(0, 120)
    const k = Math.floor(r() * SOURCES)
    const lang = foreignSource(k) ? 'en' : 'vi'
    yield `${JSON.stringify({ id: i, title, text: body, source: `Nguồn ${k}`, lang, published_at: at })}\n`
  }
}

/** A deterministic pseudo-random draw in 0…m−1 per article and salt, in SQL (squared linear residue). */
const h = (salt: number, m: number) => {
  const x = `((a.id * ${48271 + 1009 * salt} + ${12345 * salt}) % 2147483647)`
  return `((${x} * ${x} % 2147483647) / 16 % ${m})`
}

/** Writes the synthetic analysis rows (see the header) in chunks of ids, one transaction each. */
function synthesize(lite: BetterSqlite3.Database, places: { id: string; name: string; level: string }[]) {
  lite.exec(`update sources set
      kind = case cast(substr(name, 7) as integer) % 10 when 6 then 'foreign' when 7 then 'foreign'
        when 8 then 'government' when 9 then 'other' else 'domestic' end,
      country = case when cast(substr(name, 7) as integer) % 10 in (6, 7)
        then (case cast(substr(name, 7) as integer) / 10 % ${COUNTRIES.length} ${COUNTRIES.map((c, i) => `when ${i} then '${c}'`).join(' ')} end)
        when cast(substr(name, 7) as integer) % 10 = 9 then 'ZZ' else 'VN' end
    where homepage like 'import:Nguồn %'`)
  lite.exec(`create temp table bt(i integer primary key, topic text);
    create temp table bs(i integer primary key, topic text);
    create temp table bp(i integer primary key, place_id text, name text, level text);`)
  const ins = (table: string, rows: unknown[][]) => {
    const marks = rows[0]!.map(() => '?').join(', ')
    const st = lite.prepare(`insert into ${table} values (${marks})`)
    for (const row of rows) st.run(...row)
  }
  ins(
    'bt',
    TOPICS.map((t, i) => [i, t]),
  )
  ins(
    'bs',
    SENSITIVE.map((t, i) => [i, t]),
  )
  ins(
    'bp',
    places.map((p, i) => [i, p.id, p.name, p.level]),
  )
  const maxId = (lite.prepare('select max(id) as m from articles').get() as { m: number | null }).m ?? 0
  const day0 = `julianday(substr(a.published_at, 1, 10))`
  const chunk = 50_000
  const steps = [
    // tone: the sum of two uniform draws, −6…+6; story: 30 per day for 40 % of the articles
    `update articles as a set analyzed_at = a.created_at,
       fetched_at = strftime('%Y-%m-%dT%H:%M:%fZ', a.published_at, '+' || (5 + ${h(17, 120)}) || ' minutes'),
       tone = (${h(1, 601)} + ${h(2, 601)}) / 100.0 - 6,
       home_level = case when ${h(3, 100)} < 60 then 'country' when ${h(3, 100)} < 85 then 'province' else 'commune' end,
       home_score = case when ${h(3, 100)} < 60 then 0.1 when ${h(3, 100)} < 85 then 0.6 else 0.9 end,
       story_id = case when ${h(4, 100)} < 40 then cast(${day0} as integer) * 30 + ${h(5, 30)} - 73000000 else null end
     where a.id between ? and ?`,
    `insert or ignore into article_topics (article_id, topic, source, score, why_json)
       select a.id, t.topic, 'rule', 0.8, null from articles a join bt t on t.i = ${h(6, TOPICS.length)}
       where a.id between ? and ? and ${h(7, 100)} < 50
       union all select a.id, t.topic, 'rule', 0.7, null from articles a join bt t on t.i = ${h(8, TOPICS.length)}
       where a.id between ? and ? and ${h(9, 100)} < 20
       union all select a.id, s.topic, 'rule', 0.9, null from articles a join bs s on s.i = ${h(10, SENSITIVE.length)}
       where a.id between ? and ? and ${h(11, 100)} < 3`,
    `insert or ignore into article_places (article_id, place_id, name, level, in_title, in_lead, mentions, confidence)
       select a.id, p.place_id, p.name, p.level, 0, 1, 1 + ${h(12, 4)}, 0.9 from articles a join bp p on p.i = ${h(13, places.length)}
       where a.id between ? and ? and ${h(14, 100)} < 60
       union all select a.id, p.place_id, p.name, p.level, 0, 0, 1, 0.8 from articles a join bp p on p.i = ${h(15, places.length)}
       where a.id between ? and ? and ${h(16, 100)} < 25`,
    `update search_docs as d set tone = (select a.tone from articles a where a.id = d.article_id),
       country = (select s.country from sources s where s.id = d.source_id)
     where d.article_id between ? and ?`,
  ]
  const prepared = steps.map((s) => lite.prepare(s))
  for (let lo = 1; lo <= maxId; lo += chunk) {
    const hi = lo + chunk - 1
    lite.transaction(() => {
      for (const st of prepared) {
        const params = (st.source.match(/between \? and \?/g) ?? []).flatMap(() => [lo, hi])
        st.run(...params)
      }
    })()
  }
  lite.exec(`insert or replace into stories (id, lang, title, first_seen, last_seen, article_count, centroid_json, keys_json)
    select a.story_id, 'vi', min(a.title), min(a.published_at), max(a.published_at), count(*), '{}', '[]'
    from articles a where a.story_id is not null group by a.story_id`)
  lite.exec('drop table bt; drop table bs; drop table bp;')
}

export interface WorkspaceDb {
  store: Db
  file: string
  /** seconds spent importing and synthesizing in this run (0 when reused) */
  importSeconds: number
  synthSeconds: number
}

/** Opens (building when missing or incomplete) DIR/workspace-N.sqlite with setup done and analysis rows. */
export async function workspaceDb(dir: string, n: number, log: (s: string) => void): Promise<WorkspaceDb> {
  mkdirSync(dir, { recursive: true })
  const file = join(dir, `workspace-${n}.sqlite`)
  const store = await openDatabase({ url: `sqlite:${file}`, dataDir: dir })
  await migrateToLatest(store.db, store.dialect)
  const out: WorkspaceDb = { store, file, importSeconds: 0, synthSeconds: 0 }
  if ((await getSetting<string>(store.db, 'bench.synthesized')) === `${n}:${SYNTH_VERSION}`) return out
  const users = await sql<{ n: number }>`select count(*) as n from users`.execute(store.db)
  if (Number(users.rows[0]?.n) === 0)
    await runSetup(
      store.db,
      {
        officeName: 'Sở Ngoại vụ',
        email: 'admin@bench.vn',
        name: 'Admin',
        password: BENCH_PASSWORD,
        passwordConfirm: BENCH_PASSWORD,
        provinceName: 'Đắk Lắk',
      },
      null,
    )
  const have = await sql<{ n: number }>`select count(*) as n from search_docs`.execute(store.db)
  if (Number(have.rows[0]?.n ?? 0) < n) {
    const sentences = await loadSentences()
    // the corpus ends today (Asia/Ho_Chi_Minh): the dashboard's periods are relative to now
    const end = (await getSetting<number>(store.db, 'bench.corpus_end')) ?? Date.now()
    await putSetting(store.db, 'bench.corpus_end', end)
    const t0 = performance.now()
    let last = t0
    const r = await importJsonl(store, Readable.from(corpusLines(sentences, n, end)), {
      onProgress: (p) => {
        if (performance.now() - last < PROGRESS_MS) return
        last = performance.now()
        log(`import … ${p.imported} imported, ${(p.imported / ((last - t0) / 1000)).toFixed(0)} articles/s`)
      },
    })
    out.importSeconds = (performance.now() - t0) / 1000
    log(`imported ${r.imported} articles in ${out.importSeconds.toFixed(0)} s`)
  }
  const t1 = performance.now()
  const records = [...loadGazetteer().records.values()]
  const places = records
    .filter(
      (r) => (r.level === 'province' && r.era === '2025') || COUNTRIES.some((c) => r.id === `country:${c}`),
    )
    .map((r) => ({ id: r.id, name: r.name, level: r.level }))
    .sort((a, b) => a.id.localeCompare(b.id))
  if (places.length === 0) throw new Error('the shipped gazetteer has no provinces')
  synthesize(store.sqlite!, places)
  await putSetting(store.db, 'bench.synthesized', `${n}:${SYNTH_VERSION}`)
  out.synthSeconds = (performance.now() - t1) / 1000
  log(`synthetic analysis rows written in ${out.synthSeconds.toFixed(0)} s (${places.length} places)`)
  return out
}
