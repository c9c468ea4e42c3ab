import assert from 'node:assert/strict'
import { test } from 'node:test'
import { COFFEE, FOOTBALL, syntheticArticle } from '../../../test/user-topics/synthetic-articles.js'
import { nameWords } from './suggest-to-label.js'
import { crossValidate, MIN_LABELS_PER_CLASS, parseTopicMetrics } from './topic-metrics.js'

const examples = (n: number) => [
  ...Array.from({ length: n }, (_, i) => ({ text: syntheticArticle(i, COFFEE, 4).body, positive: true })),
  ...Array.from({ length: n }, (_, i) => ({
    text: syntheticArticle(100 + i, FOOTBALL, 4).body,
    positive: false,
  })),
]

test('below ten labels of either class the figures are "needs more labels", with the counts', () => {
  const few = examples(MIN_LABELS_PER_CLASS).slice(1)
  assert.deepEqual(crossValidate(few), {
    status: 'needs_more_labels',
    positives: MIN_LABELS_PER_CLASS - 1,
    negatives: MIN_LABELS_PER_CLASS,
    minPerClass: MIN_LABELS_PER_CLASS,
  })
})

test('a separable topic cross-validates near perfect; the same labels give the same figures', () => {
  const m = crossValidate(examples(12))
  assert.equal(m.status, 'cross_validated')
  if (m.status !== 'cross_validated') return
  assert.equal(m.folds, 5)
  assert.ok(m.accuracy >= 0.95, `accuracy ${m.accuracy}`)
  assert.ok(m.f1 >= 0.95, `f1 ${m.f1}`)
  assert.deepEqual(crossValidate(examples(12)), m)
  assert.deepEqual(parseTopicMetrics(JSON.stringify(m)), m)
})

test('labels unrelated to the text cross-validate near chance, not near perfect', () => {
  const noisy = examples(15).map((e, i) => ({ ...e, positive: i % 2 === 0 }))
  const m = crossValidate(noisy)
  assert.equal(m.status, 'cross_validated')
  if (m.status !== 'cross_validated') return
  assert.ok(m.accuracy < 0.8, `accuracy ${m.accuracy}`)
})

test('stored metrics that are not readable are ignored', () => {
  assert.equal(parseTopicMetrics(null), null)
  assert.equal(parseTopicMetrics('{"status":"other"}'), null)
  assert.equal(parseTopicMetrics('not json'), null)
})

test('name words are folded and distinct, very short words dropped', () => {
  assert.deepEqual(nameWords('Cà phê Tây Nguyên, cà phê'), ['ca', 'phe', 'tay', 'nguyen'])
  assert.deepEqual(nameWords('Đường bộ & A'), ['duong', 'bo'])
})
