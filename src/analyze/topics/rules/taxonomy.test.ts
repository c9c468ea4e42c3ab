import assert from 'node:assert/strict'
import { test } from 'node:test'
import { isAppError } from '../../../shared/errors.js'
import { articleWords } from '../../article-text.js'
import { parseRule } from './parse-rule.js'
import { prepareWords } from './prepared-text.js'
import { loadTaxonomy } from './taxonomy.js'

const tax = loadTaxonomy()
const classifyArticle = (a: { title?: string; lead?: string; body?: string }) => {
  const w = articleWords({ title: a.title ?? '', lead: a.lead ?? '', body: a.body ?? '' })
  return tax.classifyPrepared(prepareWords(w.terms.words, w.terms.folded, w.termFieldEnds))
}
/** Topics of a headline: a title mention is enough evidence on its own. */
const topicsOf = (title: string) => classifyArticle({ title }).map((m) => m.topic)

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
  const m = classifyArticle({ title: 'Tàu tuần tra ở Trường Sa và Hoàng Sa; chủ quyền biển đảo.' }).find(
    (x) => x.topic === 'sensitive.east_sea',
  )!
  const names = m.why.map((w) => w.text)
  assert.ok(names.includes('Trường Sa') && names.includes('Hoàng Sa'))
})

test('words with diacritics match exactly; NOT excludes', () => {
  assert.ok(topicsOf('Lễ hội cà phê Buôn Ma Thuột thu hút du khách').includes('promo.culture_sports'))
  assert.ok(topicsOf('Tỉnh thu hút vốn đầu tư FDI').includes('promo.investment'))
  assert.ok(
    !topicsOf('Không có biên giới mềm nào cả, tranh chấp biên giới').includes('sensitive.border_territory'),
  )
  assert.ok(topicsOf('Phân giới cắm mốc biên giới Việt – Lào').includes('sensitive.border_territory'))
  assert.ok(
    topicsOf('Activists accused the government over ethnic minorities and religious freedom').includes(
      'sensitive.religion',
    ),
  )
})

test('evidence: a passing mention in the body is not enough, a headline or repeated mentions are', () => {
  const body = 'Lực lượng cứu hộ tìm kiếm người mất tích sau lũ. Nhiều nhà dân bị cuốn trôi.'
  const once = `${body} Đoàn công tác đến từ xã giáp biên giới.`
  assert.deepEqual(classifyArticle({ title: 'Lũ quét ở Cư Pui', body: once }), [])
  const ethnic = 'Đồng bào dân tộc thiểu số trong xã đã tham gia lễ chào cờ.'
  assert.ok(
    !classifyArticle({ title: 'Chào mừng Quốc khánh', body: ethnic }).some(
      (m) => m.topic === 'sensitive.ethnicity',
    ),
    'overlapping names ("đồng bào dân tộc", "dân tộc thiểu số") count once',
  )
  assert.ok(
    classifyArticle({ title: 'Chào mừng Quốc khánh', body: `${ethnic} ${ethnic}` }).some(
      (m) => m.topic === 'sensitive.ethnicity',
    ),
  )
  assert.ok(
    classifyArticle({ title: 'Người có uy tín trong đồng bào dân tộc thiểu số', body }).some(
      (m) => m.topic === 'sensitive.ethnicity',
    ),
  )
})

test('NEAR: sovereignty counts for the East Sea only next to sea or islands', () => {
  const far =
    'Chủ quyền quốc gia là thiêng liêng. Bài viết nói về ngành may mặc, sau đó là chuyện du lịch biển.'
  assert.ok(!classifyArticle({ body: `${far} ${far} ${far}` }).some((m) => m.topic === 'sensitive.east_sea'))
  const near = 'Cuộc thi tìm hiểu về chủ quyền biển, đảo của Việt Nam.'
  assert.ok(classifyArticle({ title: near }).some((m) => m.topic === 'sensitive.east_sea'))
  const tree = parseRule('("chủ quyền" OR sovereignty) NEAR/3 (biển OR sea)', {})
  assert.equal(tree.kind, 'near')
  assert.throws(() => parseRule('(a AND b) NEAR/3 c', {}), /NEAR needs/)
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
