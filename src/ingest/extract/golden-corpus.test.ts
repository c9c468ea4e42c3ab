import assert from 'node:assert/strict'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { z } from 'zod'
import { extractArticle } from './extract-article.js'
import { wordF1 } from './word-f1.js'
import { PROJECT_ROOT } from '../../shared/paths.js'

/** Body text may drift a little with tuning; metadata may not. */
const MIN_BODY_F1 = 0.95
const FIXTURES = join(PROJECT_ROOT, 'test', 'fixtures', 'extract')

const Case = z.object({
  options: z.object({ url: z.string().nullable() }),
  expected: z.object({
    url: z.string().nullable(),
    title: z.string(),
    author: z.string().nullable(),
    publishedAt: z.string().nullable(),
    lang: z.string().nullable(),
    lead: z.string(),
    articleBody: z.string(),
    warnings: z.array(z.string()),
  }),
})

describe('golden extraction corpus', () => {
  const slugs = readdirSync(FIXTURES, { withFileTypes: true }).filter((d) => d.isDirectory())
  it('has at least 8 cases', () => assert.ok(slugs.length >= 8, `only ${slugs.length} cases`))
  for (const { name } of slugs) {
    it(name, () => {
      const c = Case.parse(JSON.parse(readFileSync(join(FIXTURES, name, 'expected.json'), 'utf8')))
      const html = readFileSync(join(FIXTURES, name, 'source.html'), 'utf8')
      const got = extractArticle(html, { url: c.options.url ?? undefined })
      const want = c.expected
      assert.equal(got.title, want.title, 'title')
      assert.equal(got.author, want.author, 'author')
      assert.equal(got.publishedAt, want.publishedAt, 'publishedAt')
      assert.equal(got.lead, want.lead, 'lead')
      assert.equal(got.lang, want.lang, 'lang')
      assert.deepEqual(got.warnings, want.warnings, 'warnings')
      if (want.articleBody === '') assert.equal(got.articleBody, '')
      else {
        const f1 = wordF1(got.articleBody, want.articleBody).f1
        assert.ok(f1 >= MIN_BODY_F1, `body F1 ${f1.toFixed(3)} < ${MIN_BODY_F1}`)
      }
    })
  }
})
