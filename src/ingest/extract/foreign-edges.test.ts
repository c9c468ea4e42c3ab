import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { PROJECT_ROOT } from '../../shared/paths.js'
import { extractArticle } from './extract-article.js'
import { bylineOf, isForeignDateline, withoutDatelineEdges } from './foreign-edges.js'

const SENTENCE =
  'HANOI — The ministry said on Tuesday that the new rules on traceable growing areas take effect next month.'

describe('foreign-page edges', () => {
  it('recognises date-only lines in English forms', () => {
    for (const t of [
      '18 Jan 2026 01:17 UTC',
      'January 18, 2026, 4:17 PM ICT',
      'Updated: Tuesday, March 5, 2024',
      '2024-03-05T06:30:00Z',
      'Published 05/03/2024 13:30 (GMT+7)',
    ])
      assert.ok(isForeignDateline(t), t)
    for (const t of ['On 18 Jan 2026 the province said its exports grew by a third.', SENTENCE, 'Jan 2026'])
      assert.ok(!isForeignDateline(t), t)
  })

  it('reads "By …" credit lines, not sentences that start with "By"', () => {
    assert.equal(bylineOf('By APW Newsdesk'), 'APW Newsdesk')
    assert.equal(bylineOf('by Jane Doe and Tran Minh, Reuters'), 'Jane Doe and Tran Minh, Reuters')
    assert.equal(bylineOf('By the end of the year, the province expects to double its exports.'), null)
    assert.equal(bylineOf('Bypass roads open'), null)
  })

  it('keeps a wire page date line in the body but not in what reprints compare; cuts and names the credit', () => {
    // the demo wire page (golden case): stamp, summary, body and credit all inside one <article>
    const dir = join(PROJECT_ROOT, 'test', 'fixtures', 'extract', 'wire-release-dateline-byline')
    const a = extractArticle(readFileSync(join(dir, 'source.html'), 'utf8'))
    assert.ok(a.articleBody.startsWith('18 Jan 2026 01:17 UTC\n'), a.articleBody)
    assert.ok(a.articleBody.endsWith('pepper and cashew.'), a.articleBody)
    assert.doesNotMatch(a.articleBody, /By APW/)
    assert.equal(a.author, 'APW Newsdesk')
    const compared = withoutDatelineEdges(a.articleBody)
    assert.ok(compared.trim().startsWith('The Department of Agriculture and Environment'), compared)
  })

  it('leaves a dateline-free or one-line text alone', () => {
    assert.equal(withoutDatelineEdges('18 Jan 2026'), '18 Jan 2026')
    assert.equal(withoutDatelineEdges(`${SENTENCE}\n\n${SENTENCE}`), `${SENTENCE}\n\n${SENTENCE}`)
    assert.equal(withoutDatelineEdges(`${SENTENCE}\n\nUpdated: March 5, 2024`), `${SENTENCE}\n`)
  })
})
