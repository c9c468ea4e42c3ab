/**
 * Adds (or refreshes) a golden extraction case: copies the page to
 * test/fixtures/extract/<slug>/source.html and writes the extractor's current output as expected.json.
 * Review expected.json by hand before committing: a generated snapshot is not proof of correctness.
 *
 *   node --import tsx scripts/add-extract-case.ts <slug> <file.html> [--url <page url>]
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { extractArticle } from '../src/ingest/extract/extract-article.js'
import { PROJECT_ROOT } from '../src/shared/paths.js'

const { positionals, values } = parseArgs({ allowPositionals: true, options: { url: { type: 'string' } } })
const [slug, file] = positionals
if (!slug || !file || !/^[a-z0-9-]+$/.test(slug)) {
  console.error('usage: add-extract-case.ts <slug: a-z0-9-> <file.html> [--url <page url>]')
  process.exit(2)
}
const dir = join(PROJECT_ROOT, 'test', 'fixtures', 'extract', slug)
mkdirSync(dir, { recursive: true })
copyFileSync(resolve(file), join(dir, 'source.html'))
const url = values.url
const a = extractArticle(readFileSync(join(dir, 'source.html'), 'utf8'), { url })
const expected = {
  options: { url: url ?? null },
  expected: {
    url: a.url,
    title: a.title,
    author: a.author,
    publishedAt: a.publishedAt,
    lang: a.lang,
    lead: a.lead,
    articleBody: a.articleBody,
    warnings: a.warnings,
  },
}
writeFileSync(join(dir, 'expected.json'), `${JSON.stringify(expected, null, 2)}\n`)
console.log(`wrote ${join(dir, 'expected.json')}: review title, author, publishedAt, lead and body by hand`)
