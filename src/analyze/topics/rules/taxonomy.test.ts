import assert from 'node:assert/strict'
import { test } from 'node:test'
import { isAppError } from '../../../shared/errors.js'
import { parseRule } from './parse-rule.js'
import { loadTaxonomy } from './taxonomy.js'

const tax = loadTaxonomy()
const topicsOf = (text: string) => tax.classify(text).map((m) => m.topic)

test('one concept matches in every language and spelling', () => {
  for (const text of [
    'Tàu cá ngư dân bị xua đuổi ở Hoàng Sa.',
    'Vessels were seen near the Paracel Islands.',
    'Beijing renamed features in the Xisha and Nansha islands.',
    'Tensions rose in the South China Sea this week.',
    'Hội thảo về bien dong tại Hà Nội.',
  ]) {
    assert.ok(topicsOf(text).includes('sensitive.east_sea'), text)
  }
})

test('the why lists the matched names', () => {
  const m = tax
    .classify('Tàu tuần tra ở Trường Sa và Hoàng Sa; chủ quyền biển đảo.')
    .find((x) => x.topic === 'sensitive.east_sea')!
  const names = m.why.map((w) => w.text)
  assert.ok(names.includes('Trường Sa') && names.includes('Hoàng Sa'))
})

test('words with diacritics match exactly; NOT excludes', () => {
  assert.ok(topicsOf('Lễ hội cà phê Buôn Ma Thuột thu hút du khách').includes('promo.culture_sports'))
  assert.ok(topicsOf('Tỉnh thu hút vốn đầu tư FDI').includes('promo.investment'))
  assert.ok(!topicsOf('Không có biên giới mềm nào cả').includes('sensitive.border_territory'))
  assert.ok(topicsOf('Phân giới cắm mốc biên giới Việt – Lào').includes('sensitive.border_territory'))
  assert.ok(
    topicsOf('Activists accused the government over ethnic minorities and religious freedom').includes(
      'sensitive.religion',
    ),
  )
})

test('rules with errors are reported with the position', () => {
  assert.throws(
    () => parseRule('(biển OR đảo', {}),
    (e) => isAppError(e) && /position 13/.test(e.message),
  )
  assert.throws(() => parseRule('@unknown', {}), /unknown concept/)
  assert.throws(() => parseRule('"biển', {}), /unclosed quote/)
  assert.deepEqual(tax.classify(''), [])
})
