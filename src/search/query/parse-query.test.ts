import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { AppError } from '../../shared/errors.js'
import { ftsExpression } from '../backends/fts5-compile.js'
import type { QueryNode, TextNode } from './ast.js'
import { parseQuery } from './parse-query.js'

function syntaxPosition(q: string): number {
  try {
    parseQuery(q)
  } catch (e) {
    assert.ok(e instanceof AppError, `not an AppError: ${String(e)}`)
    assert.equal(e.code, 'QUERY_SYNTAX')
    assert.match(e.message, /at character \d+/)
    return e.details.position as number
  }
  assert.fail(`no error for ${JSON.stringify(q)}`)
}

const text = (n: QueryNode) => n as TextNode
/** The tree without positions, to compare queries written differently. */
const shape = (q: string) =>
  JSON.parse(JSON.stringify(parseQuery(q), (k, v) => (k === 'pos' ? undefined : v)))

describe('parseQuery', () => {
  test('per-word rules: plain words fold, diacritic words and =word are exact', () => {
    const and = parseQuery('bien Đông =ban') as unknown as { children: QueryNode[] }
    const [a, b, c] = and.children.map(text)
    assert.deepEqual(a!.words, [{ exact: 'bien', folded: 'bien', useExact: false }])
    assert.deepEqual(b!.words, [{ exact: 'đông', folded: 'dong', useExact: true }])
    assert.deepEqual(c!.words, [{ exact: 'ban', folded: 'ban', useExact: true }])
  })

  test('one tone-mark placement and NFC: hoà = hòa, decomposed input reads the same', () => {
    assert.deepEqual(shape('hoà'), shape('hòa'))
    assert.deepEqual(text(parseQuery('Bie\u0302\u0309n')).words, text(parseQuery('Biển')).words)
  })

  test('operators in English and Vietnamese, precedence NOT > NEAR > AND > OR', () => {
    assert.deepEqual(shape('a1 VÀ b1 HOẶC c1 KHÔNG d1'), shape('a1 AND b1 OR c1 NOT d1'))
    const t = parseQuery('x1 OR y1 z1')
    assert.equal(t.kind, 'OrNode')
    const n = parseQuery('-"biển đông" NEAR/3 trung quốc') as unknown as { children: QueryNode[] }
    assert.equal(n.children[0]!.kind, 'NotNode')
  })

  test('hyphenated and mixed tokens become phrases; punctuation-only words vanish', () => {
    assert.deepEqual(
      text(parseQuery('COVID-19')).words.map((w) => w.exact),
      ['covid', '19'],
    )
    assert.equal(parseQuery('&& h5n1 ;').kind, 'TextNode')
  })

  test('FTS5 metacharacters never reach the MATCH string unquoted', () => {
    assert.throws(() => parseQuery('NEAR(a b)'), { code: 'QUERY_SYNTAX' })
    for (const q of ['{title_exact}:x', 'col:x^', 'abc:* "b"', "x' OR 1=1 --", 'rowid:1']) {
      const expr = ftsExpression(parseQuery(q))
      // every token sits inside quotes; only our operators and column filters are outside
      const outside = expr.replace(/"[^"]*"/g, '').replace(/\{(title|text)_(exact|folded)\}/g, '')
      assert.match(outside, /^[\s():*ANDORTE,0-9]*$/, `${q} → ${expr}`)
    }
  })

  test('bad input gives QUERY_SYNTAX with the position', () => {
    assert.equal(syntaxPosition('bien "dong'), 5)
    assert.equal(syntaxPosition('(bien dong'), 0)
    assert.equal(syntaxPosition('bien dong)'), 9)
    assert.equal(syntaxPosition('NOT'), 0)
    assert.equal(syntaxPosition('bien NOT'), 5)
    assert.equal(syntaxPosition('a1 NEAR/0 b1'), 3)
    assert.equal(syntaxPosition('a1 NEAR/99 b1'), 3)
    assert.equal(syntaxPosition('x'.repeat(10_000)), 1000)
    assert.equal(syntaxPosition('*'), 0)
    assert.equal(syntaxPosition('ba*'.slice(1)), 0)
    assert.equal(syntaxPosition('và của'), 0)
    assert.equal(syntaxPosition('-bien'), 0)
    assert.equal(syntaxPosition('bien OR -dong'), 0)
    assert.equal(syntaxPosition('date:2019-13'), 0)
    assert.equal(syntaxPosition('x1 date:2019-02-30'), 3)
    assert.equal(syntaxPosition('tone:abc'), 0)
    assert.equal(syntaxPosition('()'), 0)
    assert.equal(syntaxPosition(''), 0)
    assert.equal(syntaxPosition('\u0000\u0007 \t'), 0)
  })

  test('control characters are spaces; quoted stopwords are kept', () => {
    assert.deepEqual(shape('bien\u0000dong'), shape('bien dong'))
    assert.equal(text(parseQuery('"của"')).words[0]!.exact, 'của')
    assert.deepEqual(shape('tình hình ở Biển Đông'), shape('tình hình Biển Đông'))
  })

  test('English function words shaped like a Vietnamese syllable are kept (cong an, the thao)', () => {
    assert.notDeepEqual(shape('công an'), shape('công'))
    assert.notDeepEqual(shape('the thao'), shape('thao'))
    assert.notDeepEqual(shape('chuyen doi so'), shape('chuyen doi'))
    assert.deepEqual(shape('economy of Vietnam'), shape('economy Vietnam'))
    assert.deepEqual(shape('trade and investment'), shape('trade investment'))
  })

  test('fields: dates in Viet Nam time, tone comparisons and bands', () => {
    const d = parseQuery('date:2019-03-01..2019-03-31')
    assert.deepEqual(d, {
      kind: 'FieldNode',
      field: 'date',
      pos: 0,
      from: '2019-02-28T17:00:00.000Z',
      to: '2019-03-31T17:00:00.000Z',
    })
    assert.deepEqual(parseQuery('ngày:1/3/2019'), { ...(parseQuery('date:2019-03-01') as object), pos: 0 })
    const t = parseQuery('tone:<-3') as { max: number; maxInclusive: boolean }
    assert.equal(t.max, -3)
    assert.equal(t.maxInclusive, false)
    assert.equal((parseQuery('sắc_thái:tiêu_cực') as { max: number }).max, -1)
  })
})
