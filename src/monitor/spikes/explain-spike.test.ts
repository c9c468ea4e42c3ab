import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { articleTerms } from './article-terms.js'
import { type ArticleFacts, explainSpike } from './explain-spike.js'

let nextId = 1
const art = (
  source: string,
  title: string,
  lead = '',
  places: string[] = [],
  story: number | null = null,
): ArticleFacts => ({
  id: nextId++,
  source,
  title,
  lead,
  places: places.map((p) => ({ id: `vn:${p}`, name: p })),
  story: story === null ? null : { id: story, title: `Sự kiện ${story}` },
})

describe('articleTerms', () => {
  test('folded unigrams and bigrams, stopwords and numbers out, no bigram across punctuation', () => {
    const terms = articleTerms('Tàu cá của ngư dân bị đâm, Biển Đông dậy sóng năm 2026')
    const keys = terms.map((t) => t.key)
    assert.ok(keys.includes('bien dong'))
    assert.ok(keys.includes('ngu dan'))
    assert.ok(keys.includes('tau ca'))
    assert.ok(!keys.includes('của'), 'stopword kept')
    assert.ok(!keys.includes('cua'), 'stopword kept')
    assert.ok(!keys.includes('2026'))
    assert.ok(!keys.includes('dam bien'), 'bigram across a comma')
    assert.ok(
      !articleTerms('ngư dân Lý Sơn').some((t) => t.key === 'dan ly'),
      'bigram across a change of case',
    )
    assert.ok(
      articleTerms('Tàu cá về bến').some((t) => t.key === 'tau ca'),
      'capital at the sentence start',
    )
    assert.equal(terms.find((t) => t.key === 'bien dong')?.label, 'biển đông')
  })
})

describe('explainSpike', () => {
  // baseline: four weeks of ordinary coverage, about one article a day from two outlets
  const baseline: ArticleFacts[] = []
  for (let d = 0; d < 28; d++) {
    baseline.push(
      art(d % 2 ? 'Báo A' : 'Báo B', `Hội nghị xúc tiến đầu tư lần ${d}`, 'Tỉnh tổ chức hội nghị', [
        'Đắk Lắk',
      ]),
    )
  }
  // today: a burst from one foreign outlet about a fishing-boat incident in one commune
  const current: ArticleFacts[] = [
    art(
      'Foreign Daily',
      'Tàu cá ngư dân Lý Sơn bị tấn công',
      'Ngư dân Lý Sơn kể lại',
      ['Lý Sơn', 'Quảng Ngãi'],
      7,
    ),
    art('Foreign Daily', 'Ngư dân Lý Sơn bị thương', 'Tàu cá trở về', ['Lý Sơn'], 7),
    art('Foreign Daily', 'Vụ tàu cá Lý Sơn: phản ứng', '', ['Lý Sơn'], 7),
    art('Báo A', 'Tàu cá Lý Sơn cập cảng', 'Ngư dân an toàn', ['Lý Sơn', 'Quảng Ngãi'], 7),
    art('Báo B', 'Hội nghị xúc tiến đầu tư', '', ['Đắk Lắk']),
  ]
  const x = explainSpike(current, baseline)

  test('the outlet, terms, place and story that drive the day come first', () => {
    assert.equal(x.articles, 5)
    assert.equal(x.baselineArticles, 28)
    assert.equal(x.outlets[0]?.label, 'Foreign Daily')
    assert.equal(x.outlets[0]?.current, 3)
    assert.equal(x.outlets[0]?.baseline, 0)
    assert.equal(x.places[0]?.label, 'Lý Sơn')
    assert.equal(x.stories[0]?.label, 'Sự kiện 7')
    assert.equal(x.stories[0]?.current, 4)
    const terms = x.terms.map((t) => t.label)
    assert.ok(terms.includes('lý sơn'), terms.join('|'))
    assert.ok(terms.includes('tàu cá'), terms.join('|'))
  })

  test('ordinary coverage is not a driver; unigrams inside a listed bigram are left out', () => {
    assert.ok(!x.places.some((p) => p.label === 'Đắk Lắk'))
    assert.ok(!x.terms.some((t) => t.key === 'hoi nghi'))
    assert.ok(!x.terms.some((t) => t.key === 'son'), 'unigram of a listed bigram')
    for (const d of [...x.outlets, ...x.terms, ...x.places, ...x.stories]) assert.ok(d.lift > 1)
  })

  test('lift is against the per-day baseline rate', () => {
    // Báo A: 14 articles in 28 days = 0.5 a day; 1 today is a little above it, far behind Foreign Daily
    const a = x.outlets.find((o) => o.label === 'Báo A')
    assert.equal(a?.expected, 0.5)
    assert.equal(x.outlets.indexOf(a!), 1)
    // the same 14 articles over 7 days = 2 a day: 1 today is below the rate and no driver
    const dense = explainSpike(current, baseline, { baselineDays: 7 })
    assert.ok(!dense.outlets.some((o) => o.label === 'Báo A'))
  })
})
