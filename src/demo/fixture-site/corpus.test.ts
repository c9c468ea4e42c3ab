import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { fingerprint, isNearDuplicate } from '../../ingest/dedupe/fingerprint.js'
import { buildCorpus } from './build-corpus.js'
import type { CorpusArticle } from './corpus-schema.js'
import { listOutlets, loadCorpus } from './load-corpus.js'
import { corpusJson } from './write-corpus.js'

const corpus = loadCorpus()
const DAY_HOURS = 24
/** The demo window: 60 days. */
const WINDOW_HOURS = 60 * DAY_HOURS
/** The spike: the last three days. */
const SPIKE_HOURS = 3 * DAY_HOURS
/** Letters that only Vietnamese (of the corpus languages) writes: proper diacritics, not ASCII-folded text. */
const VI_LETTERS = /[ăâđêôơưĂÂĐÊÔƠƯ]|[\u0300-\u0323]|[ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/u
const words = (a: CorpusArticle) => a.body.join(' ').split(/\s+/).length
const isSpikeSubject = (a: CorpusArticle) => a.topics.includes('disaster')

describe('demo corpus file', () => {
  it('is what the sources and templates generate (regenerate with write-corpus.ts)', () => {
    const onDisk = JSON.parse(corpusJson()).articles
    assert.deepEqual(onDisk, JSON.parse(JSON.stringify(buildCorpus())))
    assert.deepEqual(JSON.parse(JSON.stringify(corpus)), onDisk)
  })

  it('has at least 130 articles from at least 5 outlets, in Vietnamese and English', () => {
    assert.ok(corpus.length >= 130, `${corpus.length} articles`)
    const outlets = new Set(corpus.map((a) => a.outlet))
    assert.ok(outlets.size >= 5)
    assert.deepEqual(new Set(listOutlets().map((o) => o.key)), outlets)
    const vi = corpus.filter((a) => a.lang === 'vi').length
    const en = corpus.filter((a) => a.lang === 'en').length
    assert.ok(vi > en && en >= 30, `vi ${vi}, en ${en}`)
    for (const o of listOutlets())
      assert.ok(
        corpus.filter((a) => a.outlet === o.key).every((a) => a.lang === o.lang),
        o.key,
      )
  })

  it('gives every article 3–8 paragraphs of 150–600 words, diacritics in Vietnamese, unique ids and slugs', () => {
    const slugs = new Set<string>()
    for (const a of corpus) {
      assert.ok(a.body.length >= 3 && a.body.length <= 8, a.id)
      assert.ok(words(a) >= 150 && words(a) <= 600, `${a.id}: ${words(a)} words`)
      if (a.lang === 'vi') assert.match(`${a.title} ${a.body.join(' ')}`, VI_LETTERS, a.id)
      assert.ok(!slugs.has(`${a.outlet}/${a.slug}`), `slug ${a.slug}`)
      slugs.add(`${a.outlet}/${a.slug}`)
    }
  })

  it('spreads publication over the last 60 days, with all three tones', () => {
    for (let start = 0; start < WINDOW_HOURS; start += 10 * DAY_HOURS) {
      const n = corpus.filter((a) => a.ageHours >= start && a.ageHours < start + 10 * DAY_HOURS).length
      assert.ok(n >= 10, `only ${n} articles ${start / DAY_HOURS}–${start / DAY_HOURS + 10} days ago`)
    }
    assert.ok(corpus.every((a) => a.ageHours <= WINDOW_HOURS))
    assert.deepEqual(new Set(corpus.map((a) => a.tone)), new Set(['positive', 'neutral', 'negative']))
  })

  it('covers the plan topics', () => {
    const topics = new Set(corpus.flatMap((a) => a.topics))
    for (const t of [
      'investment',
      'key-projects',
      'agriculture',
      'industry',
      'culture-sports',
      'sea-islands',
      'integration',
      'anniversaries',
      'human-rights',
      'religion',
      'ethnic-minorities',
      'east-sea',
      'rebuttal',
    ]) {
      assert.ok(topics.has(t), t)
    }
  })
})

describe('demo corpus stories', () => {
  it('has at least 3 releases each reprinted by other outlets as near-duplicates', () => {
    const groups = new Map<string, CorpusArticle[]>()
    for (const a of corpus)
      if (a.syndicationGroup) groups.set(a.syndicationGroup, [...(groups.get(a.syndicationGroup) ?? []), a])
    const reprinted = [...groups.values()].filter((g) => new Set(g.map((a) => a.outlet)).size >= 2)
    assert.ok(reprinted.length >= 3, `${reprinted.length} groups`)
    for (const g of reprinted) {
      const original = g.find((a) => !a.reprintOf)!
      for (const r of g.filter((a) => a.reprintOf)) {
        assert.notEqual(r.title, original.title)
        assert.ok(isNearDuplicate(original.body.join('\n'), r.body.join('\n')), `${r.id} vs ${original.id}`)
        assert.ok(r.ageHours < original.ageHours, `${r.id} is published after the original`)
      }
    }
  })

  it('has no accidental near-duplicates outside the syndication groups', () => {
    const fps = corpus.map((a) => fingerprint(a.body.join('\n')))
    for (let i = 0; i < corpus.length; i++) {
      for (let j = i + 1; j < corpus.length; j++) {
        const [a, b] = [corpus[i]!, corpus[j]!]
        if (a.syndicationGroup && a.syndicationGroup === b.syndicationGroup) continue
        assert.ok(!isNearDuplicate(fps[i]!, fps[j]!), `${a.id} ~ ${b.id}`)
      }
    }
  })

  it('has a spike of about 20 articles on one emerging story in the last 3 days over a sparse baseline', () => {
    const spike = corpus.filter((a) => a.ageHours <= SPIKE_HOURS && isSpikeSubject(a))
    assert.ok(spike.length >= 18, `${spike.length} in the spike`)
    assert.ok(spike.filter((a) => a.story === 'cu-pui-flood').length >= 18)
    assert.ok(new Set(spike.map((a) => a.outlet)).size >= 4, 'several outlets cover it')
    for (let day = 3; day < 60; day++) {
      const n = corpus.filter(
        (a) => isSpikeSubject(a) && a.ageHours >= day * DAY_HOURS && a.ageHours < (day + 1) * DAY_HOURS,
      ).length
      assert.ok(n <= 3, `${n} on day ${day}`)
    }
    assert.ok(
      corpus.some((a) => isSpikeSubject(a) && a.ageHours > SPIKE_HOURS),
      'the baseline is not empty',
    )
  })

  it('has distorted foreign items and the domestic rebuttal', () => {
    const distorted = corpus.filter((a) => a.topics.includes('distorted'))
    assert.ok(distorted.every((a) => a.lang === 'en' && a.tone === 'negative'))
    const sea = distorted.find((a) => a.topics.includes('east-sea'))!
    assert.match(sea.body.join(' '), /South China Sea/)
    assert.match(sea.body.join(' '), /Nansha/)
    assert.match(sea.body.join(' '), /Xisha/)
    const faith = distorted.filter((a) => a.topics.includes('religion'))
    assert.ok(faith.length >= 2)
    const rebuttals = corpus.filter((a) => a.story === 'religion-claim' && a.topics.includes('rebuttal'))
    assert.ok(rebuttals.length >= 3 && rebuttals.every((a) => a.lang === 'vi'))
    const firstClaim = Math.max(...faith.map((a) => a.ageHours))
    assert.ok(
      rebuttals.every((a) => a.ageHours < firstClaim),
      'rebuttals follow the claim',
    )
  })

  it('has exactly one hostile article, and script markup nowhere else', () => {
    const hostile = corpus.filter((a) => a.hostile)
    assert.equal(hostile.length, 1)
    assert.match(hostile[0]!.body.join(' '), /<script>alert\('xss'\)<\/script>/)
    assert.match(hostile[0]!.body.join(' '), /<img src=x onerror=alert\(1\)>/)
    for (const a of corpus.filter((x) => !x.hostile)) {
      assert.doesNotMatch(`${a.title} ${a.lead} ${a.body.join(' ')}`, /<\/?[a-z]/i, a.id)
    }
  })
})
