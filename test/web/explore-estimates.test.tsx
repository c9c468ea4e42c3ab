import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { FacetCount, FacetName } from '../../src/search/facets.js'
import type { PageCtx } from '../../src/web/page-context.js'
import { Facets, ResultCount } from '../../src/web/views/explore-parts.js'

const ctx = { t: (k: string) => k, locale: 'vi', user: null, csrf: '', path: '/', flash: null, unread: null }
const facets = (approximate: boolean): Record<FacetName, FacetCount[]> => ({
  source: [{ key: '1', label: 'Báo A', count: 1200, ...(approximate ? { approximate: true as const } : {}) }],
  country: [],
  lang: [],
  topic: [],
  place: [],
  tone: [],
})

test('an estimated facet count is shown with ≈, an exact one without', async () => {
  const render = async (approximate: boolean) =>
    String(
      await (
        <Facets
          ctx={ctx as unknown as PageCtx}
          q="kinh tế"
          facets={facets(approximate)}
          label={(_, f) => f.label}
        />
      ),
    )
  assert.match(await render(true), /<small>≈ 1200<\/small>/)
  assert.match(await render(false), /<small>1200<\/small>/)
})

test('an estimated number of results is shown with ≈ and a link to count exactly', async () => {
  const render = async (exact: boolean) =>
    String(
      await (
        <ResultCount
          ctx={ctx as unknown as PageCtx}
          total={96800}
          exact={exact}
          exactHref="/explore?q=bien%20dong&sort=date&exact=1"
        />
      ),
    )
  const estimated = await render(false)
  assert.match(estimated, /<strong>≈ explore.results<\/strong>/)
  assert.match(estimated, /href="\/explore\?q=bien%20dong&(amp;)?sort=date&(amp;)?exact=1"/)
  assert.doesNotMatch(await render(true), /≈|exact=1/)
  const real = { ...ctx, t: (k: string, p?: Record<string, unknown>) => `${k} ${String(p?.n ?? '')}` }
  const html = String(
    await (<ResultCount ctx={real as unknown as PageCtx} total={96804} exact={true} exactHref="" />),
  )
  assert.match(html, /explore\.results 96\.804/)
})
