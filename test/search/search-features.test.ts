import assert from 'node:assert/strict'
import { Readable, Writable } from 'node:stream'
import { after, before, describe, test } from 'node:test'
import ExcelJS from 'exceljs'
import { sql } from 'kysely'
import { exportRows } from '../../src/search/export/result-rows.js'
import { writeCsv } from '../../src/search/export/write-csv.js'
import { writeJsonl } from '../../src/search/export/write-jsonl.js'
import { writeXlsx } from '../../src/search/export/write-xlsx.js'
import { attentionOverTime, facetCounts } from '../../src/search/facets.js'
import { importJsonl } from '../../src/search/import-jsonl.js'
import { runSearch } from '../../src/search/run-search.js'
import { savedSearchFeed } from '../../src/search/saved-search-feed.js'
import {
  createSavedSearch,
  listSavedSearches,
  rotateFeedToken,
  savedSearchByToken,
} from '../../src/search/saved-searches.js'
import { countMatches, searchArticles } from '../../src/search/search-articles.js'
import { timedRows } from '../../src/search/timed-query.js'
import { topTerms } from '../../src/search/top-terms.js'
import { createTestDb, type TestDb, testDialects } from '../support/databases.js'
import { searchCorpus } from './corpus.js'
import { loadCorpus } from './search-fixture.js'

class Sink extends Writable {
  chunks: Buffer[] = []
  override _write(chunk: Buffer, _enc: string, cb: () => void) {
    this.chunks.push(Buffer.from(chunk))
    cb()
  }
  text = () => Buffer.concat(this.chunks).toString('utf8')
}

for (const dialect of testDialects()) {
  describe(`search features on ${dialect}`, () => {
    let t: TestDb
    let ids: Map<number, string>
    const corpusId = (id: number) => ids.get(id)!
    before(async () => {
      t = await createTestDb(dialect)
      ids = await loadCorpus(t, searchCorpus())
    })
    after(() => t.dispose())

    test('Vietnamese rules on real rows: folded words find every form, marked words only theirs', async () => {
      const titles = async (q: string) =>
        (await searchArticles(t, `${q} date:..2019-12-31 -source:"china daily"`, { limit: 200 })).hits.map(
          (h) => corpusId(h.id),
        )
      assert.ok((await titles('bien dong')).includes('h1'))
      assert.ok((await titles('"dak lak"')).includes('h5'))
      assert.ok((await titles('"dak lak"')).includes('h2'))
      assert.ok(!(await titles('"đắk lắk"')).includes('h5'))
      assert.ok((await titles('bàn')).includes('h3'))
      assert.ok(!(await titles('bán')).includes('h3'))
      assert.ok(!(await titles('=ban')).includes('h3'))
      assert.ok((await titles('=ban')).includes('h4'))
    })

    test('relevance ranks title hits first; date sort is newest first; pages do not overlap', async () => {
      const rel = await searchArticles(t, 'dak lak', { sort: 'relevance', limit: 3 })
      assert.equal(rel.sort, 'relevance')
      assert.ok(rel.total >= 4)
      assert.ok(['h2', 'h5'].includes(corpusId(rel.hits[0]!.id)), corpusId(rel.hits[0]!.id))
      const byDate = await searchArticles(t, 'dak lak', { sort: 'date', limit: 200 })
      const dates = byDate.hits.map((h) => h.publishedAt)
      assert.deepEqual(dates, [...dates].sort().reverse())
      const p1 = await searchArticles(t, 'dak lak', { sort: 'date', limit: 2 })
      const p2 = await searchArticles(t, 'dak lak', { sort: 'date', limit: 2, offset: 2 })
      assert.deepEqual(
        [...p1.hits, ...p2.hits].map((h) => h.id),
        byDate.hits.slice(0, 4).map((h) => h.id),
      )
      assert.equal((await searchArticles(t, 'source:tuoi', { sort: 'relevance' })).sort, 'date')
    })

    test('snippets and titles are escaped, with every matched form marked', async () => {
      const page = await searchArticles(t, 'dak lak coffee', { limit: 5 })
      const h5 = page.hits.find((h) => corpusId(h.id) === 'h5')!
      assert.equal(h5.titleHtml, '<mark>DAK</mark> <mark>LAK</mark> <mark>COFFEE</mark> EXPORTS RISE')
      assert.match(h5.snippet, /<mark>Dak<\/mark> <mark>Lak<\/mark>/)
      const [h2] = (await searchArticles(t, 'đắk', { limit: 1, sort: 'date' })).hits
      assert.match(h2!.snippet, /<mark>Đắk<\/mark>/)
      assert.doesNotMatch(h2!.snippet, /<(?!\/?mark>)/)
    })

    test('attention over time: per month, with share of all articles', async () => {
      const months = await attentionOverTime(t, 'dak lak', 'month')
      const march = months.find((m) => m.bucket === '2019-03')!
      assert.ok(march.count >= 2)
      assert.ok(march.total >= march.count)
      assert.equal(march.share, march.count / march.total)
      assert.deepEqual(
        months.map((m) => m.bucket),
        [...months.map((m) => m.bucket)].sort(),
      )
      const weeks = await attentionOverTime(t, '"biển đông" date:2019-03', 'week')
      assert.ok(weeks.every((w) => new Date(`${w.bucket}T00:00:00Z`).getUTCDay() === 1))
      const days = await attentionOverTime(t, 'ngày:31/12/2019..1/1/2020 bán', 'day')
      // h8 is 2019-12-31T18:30Z = 1 January 2020 in Viet Nam
      assert.deepEqual(
        days.map((d) => [d.bucket, d.count]),
        [['2020-01-01', 1]],
      )
    })

    test('facets by source, country, language, topic, place and tone band', async () => {
      const src = await facetCounts(t, 'dak lak', 'source')
      assert.ok(src.some((s) => s.label === 'Báo Đắk Lắk' && s.count >= 2))
      assert.deepEqual(await facetCounts(t, 'coffee', 'lang'), [{ key: 'en', label: 'en', count: 1 }])
      assert.deepEqual(await facetCounts(t, 'coffee', 'country'), [{ key: 'ZZ', label: 'ZZ', count: 1 }])
      const topics = await facetCounts(t, 'biển đông', 'topic')
      assert.ok(topics.some((x) => x.key === 'sensitive.east_sea'))
      const places = await facetCounts(t, '"đắk lắk"', 'place')
      assert.deepEqual(places[0], { key: 'vn:66', label: 'Đắk Lắk', count: 2 })
      const tone = await facetCounts(t, 'date:2019-03', 'tone')
      const expected = await countMatches(t, 'date:2019-03 tone:negative')
      assert.equal(tone.find((x) => x.key === 'negative')!.count, expected)
      assert.deepEqual(
        tone.map((x) => x.key),
        ['negative', 'neutral', 'positive'],
      )
    })

    test('top terms: multi-syllable words typical of the matches', async () => {
      const terms = await topTerms(t, 'dak lak', {
        baseline: { from: '2018-01-01T00:00:00Z', to: '2030-01-01T00:00:00Z' },
      })
      assert.ok(terms.length > 0)
      for (const x of terms) assert.ok(x.term.includes(' ') && x.count >= 2, JSON.stringify(x))
    })

    test('import is idempotent: a second import updates, never duplicates', async () => {
      const before = await countMatches(t, 'source:"Nhân Dân"')
      const line = JSON.stringify({
        id: 'h6',
        title: 'Hoà bình, hữu nghị',
        text: 'Đường lối hòa bình được khẳng định.',
        source: 'Nhân Dân',
        lang: 'vi',
        published_at: '2019-04-02T00:30:00Z',
      })
      const r = await importJsonl(
        t,
        Readable.from([`${line}\n`, 'not json\n', '{"id":"x"}\n', '{"id":"y","text":""}\n']),
      )
      assert.equal(r.updated, 1)
      assert.equal(r.imported, 0)
      assert.equal(r.failed, 3)
      // each skipped line says why, as a reason the CLI words in the reader's language
      assert.deepEqual(
        r.errors.map((e) => [e.line, e.reason, e.field]),
        [
          [2, 'not_json', undefined],
          [3, 'missing', 'text'],
          [4, 'invalid', 'text'],
        ],
      )
      assert.equal(await countMatches(t, 'source:"Nhân Dân"'), before)
      assert.equal(await countMatches(t, 'title:"hữu nghị"'), 1)
      // analysis kept: the re-indexed row still carries its tone
      assert.equal(await countMatches(t, 'title:"hữu nghị" tone:>5'), 1)
    })

    test('runSearch prints a count or JSON lines', async () => {
      const out = new Sink()
      assert.equal(await runSearch(t, 'dak lak', { count: true, out }), Number(out.text().trim()))
      const lines = new Sink()
      const n = await runSearch(t, 'dak lak', { format: 'jsonl', limit: 2, out: lines })
      assert.equal(n, 2)
      const rows = lines
        .text()
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l))
      assert.equal(rows.length, 2)
      assert.ok(rows.every((r) => typeof r.title === 'string' && typeof r.snippet === 'string'))
    })

    test('saved searches: privacy, token-protected feeds in RSS, Atom and JSON', async () => {
      const [owner, other] = await Promise.all(
        ['a@x.vn', 'b@x.vn'].map((email) =>
          t.db
            .insertInto('users')
            .values({
              email,
              name: email,
              role: 'analyst',
              password_hash: 'x',
              locale: 'vi',
              disabled: 0,
              created_at: '',
              updated_at: '',
            })
            .returning('id')
            .executeTakeFirstOrThrow(),
        ),
      )
      const { saved, token } = await createSavedSearch(t, owner!.id, { name: 'Đắk Lắk', query: 'dak lak' })
      await assert.rejects(createSavedSearch(t, owner!.id, { name: 'bad', query: '(dak' }), {
        code: 'QUERY_SYNTAX',
      })
      assert.equal((await listSavedSearches(t, other!.id)).length, 0)
      assert.equal((await listSavedSearches(t, owner!.id)).length, 1)
      assert.equal((await savedSearchByToken(t, saved.id, token)).name, 'Đắk Lắk')
      await assert.rejects(savedSearchByToken(t, saved.id, 'wrong'), { code: 'NOT_FOUND' })
      const ctx = { selfUrl: 'https://x.vn/feed', pageUrl: 'https://x.vn/search' }
      const rss = await savedSearchFeed(t, saved, 'rss', ctx)
      assert.match(rss.body, /<rss version="2.0">/)
      assert.match(rss.body, /DAK LAK COFFEE EXPORTS RISE/)
      const atom = await savedSearchFeed(t, saved, 'atom', ctx)
      assert.match(atom.body, /<feed xmlns="http:\/\/www.w3.org\/2005\/Atom">/)
      const json = JSON.parse((await savedSearchFeed(t, saved, 'json', ctx)).body)
      assert.equal(json.items.length, json.total)
      const next = await rotateFeedToken(t, saved.id, owner!.id)
      await assert.rejects(savedSearchByToken(t, saved.id, token), { code: 'NOT_FOUND' })
      assert.equal((await savedSearchByToken(t, saved.id, next)).id, saved.id)
      await assert.rejects(rotateFeedToken(t, saved.id, other!.id), { code: 'NOT_FOUND' })
    })

    test('exports: CSV (escaped, formula-safe), JSON lines, XLSX read back', async () => {
      const expected = await countMatches(t, 'dak lak')
      const csv = new Sink()
      assert.equal(await writeCsv(exportRows(t, 'dak lak'), csv), expected)
      const lines = csv.text().split('\r\n')
      assert.equal(lines[0], '\ufeffid,published_at,source,country,lang,title,url,tone')
      assert.equal(lines.length, expected + 2)
      const jl = new Sink()
      assert.equal(await writeJsonl(exportRows(t, 'dak lak'), jl), expected)
      const xlsx = new Sink()
      assert.equal(await writeXlsx(exportRows(t, 'dak lak'), xlsx), expected)
      const wb = new ExcelJS.Workbook()
      await wb.xlsx.load(Buffer.concat(xlsx.chunks) as unknown as ArrayBuffer)
      const ws = wb.worksheets[0]!
      assert.equal(ws.rowCount, expected + 1)
      assert.ok(ws.getColumn(6).values.some((v) => v === 'DAK LAK COFFEE EXPORTS RISE'))
    })

    test('time limit: a statement past its deadline gives QUERY_TIMEOUT, not a database error', async () => {
      const slow =
        dialect === 'sqlite'
          ? sql`with recursive c(x) as (select 1 union all select x + 1 from c where x < 5000000) select count(*) as n from c where hd_deadline(x)`
          : sql`select pg_sleep(2) as n`
      await assert.rejects(timedRows(t, slow, 50), { code: 'QUERY_TIMEOUT' })
      // the connection is still usable afterwards
      assert.ok((await countMatches(t, 'dak lak')) > 0)
    })
  })
}
