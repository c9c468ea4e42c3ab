import type { FastifyInstance } from 'fastify'
import { loadTaxonomy } from '../../analyze/topics/rules/taxonomy.js'
import { RANK_WINDOW } from '../../search/result-page.js'
import { memoChartRenderer } from '../../workspace/dashboard/dashboard-charts.js'
import { createExploreCache } from '../../workspace/explore/explore-cache.js'
import { createReadRunner } from '../../workspace/read-worker/read-worker.js'
import { explore, exploreOverviewOutcome, PAGE_SIZE } from '../../workspace/explore/explore-data.js'
import type { AppContext } from '../context.js'
import { pageCtx } from '../page-context.js'
import { Hit, ResultCount } from '../views/explore-parts.js'
import { exploreLabels, OverviewFragment, overviewParts } from '../views/explore-overview.js'
import { Pager } from '../views/form.js'
import { Layout } from '../views/layout.js'
import { queryProblemText } from '../views/query-error.js'

type Query = { q?: string; sort?: string; page?: string; exact?: string; overview?: string }

/** Longest query the box accepts; the parser has its own limit and message for longer ones. */
const MAX_QUERY = 10_000

/** The explorer: one query box, facets, attention over time, highlighted results, save and export. */
export function registerExplore(app: FastifyInstance, ctx: AppContext) {
  const taxonomy = loadTaxonomy()
  // overviews (every match counted) are counted on a worker thread: see read-worker.ts
  const reader = createReadRunner(ctx.store, ctx.log)
  app.addHook('onClose', () => reader.close())
  const cache = createExploreCache(ctx.store, { reader })
  // attention charts of kept results are not drawn again
  const drawChart = memoChartRenderer()
  app.get<{ Querystring: Query }>('/explore', { config: { access: 'articles.view' } }, async (req, reply) => {
    const q = (req.query.q ?? '').slice(0, MAX_QUERY)
    const sort = req.query.sort === 'date' ? 'date' : 'relevance'
    const page = Math.max(1, Math.min(500, Number.parseInt(req.query.page ?? '1', 10) || 1))
    // facets of very many matches are estimated (≈) unless the reader asks for exact counts
    const exact = req.query.exact === '1'
    const p = pageCtx(req, reply)
    const { t } = p
    const { topicLabel, facetLabel } = exploreLabels(taxonomy, p)
    // the page waits for one page of hits; the overview (every match counted) comes after, unless
    // it is kept already or asked for (`overview=1`, the placeholder's link without script)
    const outcome = q.trim()
      ? await explore(
          ctx.store,
          q,
          {
            sort,
            page,
            timeoutMs: ctx.config.queryTimeoutMs,
            exact,
            overview: req.query.overview === '1' ? 'wait' : 'if-ready',
          },
          cache,
        )
      : null
    if (outcome && !outcome.ok) reply.status(400)
    const base = `/explore?q=${encodeURIComponent(q)}&sort=${sort}${exact ? '&exact=1' : ''}`
    const parts = outcome?.ok
      ? overviewParts({
          ctx: p,
          q,
          base,
          page,
          facetLabel,
          draw: drawChart,
          exact,
          overview: outcome.result.overview,
        })
      : null
    return reply.html(
      <Layout ctx={p} title={t('explore.title')}>
        <h1 safe>{t('explore.title')}</h1>
        <form method="get" action="/explore" class="querybox">
          <label for="f-q" class="sr-only" safe>
            {t('explore.query')}
          </label>
          <input
            id="f-q"
            type="search"
            name="q"
            value={q}
            maxlength={String(MAX_QUERY)}
            autofocus
            aria-describedby="q-help"
            aria-invalid={outcome && !outcome.ok ? 'true' : undefined}
          />
          <select name="sort" aria-label={t('explore.sort')}>
            <option value="relevance" selected={sort === 'relevance'} safe>
              {t('explore.sort.relevance')}
            </option>
            <option value="date" selected={sort === 'date'} safe>
              {t('explore.sort.date')}
            </option>
          </select>
          <button type="submit" safe>
            {t('explore.search')}
          </button>
        </form>
        <p id="q-help" class="help" safe>
          {t('explore.help')}
        </p>
        {outcome && !outcome.ok ? (
          <div class="error query-error" role="alert">
            <p safe>
              {outcome.position
                ? t('explore.error_at', { pos: outcome.position, msg: queryProblemText(t, outcome) })
                : queryProblemText(t, outcome)}
            </p>
            {outcome.position ? (
              <pre safe>{`${q}\n${' '.repeat(Math.max(0, outcome.position - 1))}^`}</pre>
            ) : (
              ''
            )}
          </div>
        ) : (
          ''
        )}
        {!outcome ? <p safe>{t('explore.empty')}</p> : ''}
        {outcome?.ok ? (
          <div class="explore">
            {parts ? parts.facets : ''}
            <div class="results">
              <p>
                <ResultCount
                  ctx={p}
                  total={outcome.result.page.total}
                  exact={outcome.result.page.totalExact}
                  exactHref={`/explore?q=${encodeURIComponent(q)}&sort=${sort}&exact=1${page > 1 ? `&page=${page}` : ''}`}
                />{' '}
                <span class="exports" safe>{`${t('explore.export')}:`}</span>{' '}
                {(['csv', 'xlsx', 'jsonl'] as const).map((f) => (
                  <>
                    <a href={`/explore/export.${f}?q=${encodeURIComponent(q)}`} safe>
                      {f.toUpperCase()}
                    </a>{' '}
                  </>
                ))}
              </p>
              {sort === 'relevance' && outcome.result.page.total > RANK_WINDOW ? (
                <p class="help" safe>
                  {t('explore.rank_window', {
                    n: RANK_WINDOW.toLocaleString(p.locale === 'en' ? 'en' : 'vi'),
                  })}
                </p>
              ) : (
                ''
              )}
              {parts ? parts.attention : ''}
              <ol class="hits" start={String((page - 1) * PAGE_SIZE + 1)}>
                {outcome.result.page.hits.map((h) => (
                  <Hit ctx={p} hit={h} extras={outcome.result.extras.get(h.id)} topicLabel={topicLabel} />
                ))}
              </ol>
              <Pager ctx={p} page={page} hasNext={page * PAGE_SIZE < outcome.result.page.total} base={base} />
              <form method="post" action="/saved-searches" class="card inline-save">
                <input type="hidden" name="_csrf" value={p.csrf} />
                <input type="hidden" name="query" value={q} />
                <label for="f-name" safe>
                  {t('explore.save_name')}
                </label>
                <input id="f-name" name="name" required maxlength="200" />
                <label>
                  <input type="checkbox" name="shared" value="1" /> <span safe>{t('explore.shared')}</span>
                </label>
                <button type="submit" safe>
                  {t('explore.save')}
                </button>
              </form>
            </div>
          </div>
        ) : (
          ''
        )}
      </Layout>,
    )
  })
  // the overview of a query, loaded by the page after its hits (htmx)
  app.get<{ Querystring: Query }>(
    '/explore/overview',
    { config: { access: 'articles.view' } },
    async (req, reply) => {
      const q = (req.query.q ?? '').slice(0, MAX_QUERY)
      const exact = req.query.exact === '1'
      const p = pageCtx(req, reply)
      const outcome = await exploreOverviewOutcome(
        ctx.store,
        q,
        { timeoutMs: ctx.config.queryTimeoutMs, exact },
        cache,
      )
      if (!outcome.ok)
        return reply.status(400).html(
          <aside class="facets" aria-label="facets">
            <p class="error" safe>
              {queryProblemText(p.t, outcome)}
            </p>
          </aside>,
        )
      const base = `/explore?q=${encodeURIComponent(q)}&sort=relevance${exact ? '&exact=1' : ''}`
      const { facetLabel } = exploreLabels(taxonomy, p)
      return reply.html(
        <OverviewFragment
          ctx={p}
          q={q}
          base={base}
          page={1}
          facetLabel={facetLabel}
          draw={drawChart}
          overview={outcome.result}
        />,
      )
    },
  )
}
