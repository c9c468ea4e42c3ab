import type { FastifyInstance } from 'fastify'
import { loadTaxonomy } from '../../analyze/topics/rules/taxonomy.js'
import type { FacetCount, FacetName } from '../../search/facets.js'
import { explore, PAGE_SIZE } from '../../workspace/explore/explore-data.js'
import type { AppContext } from '../context.js'
import { pageCtx } from '../page-context.js'
import { attentionChart, Facets, Hit } from '../views/explore-parts.js'
import { Pager } from '../views/form.js'
import { Layout } from '../views/layout.js'
import { queryProblemText } from '../views/query-error.js'

type Query = { q?: string; sort?: string; page?: string; exact?: string }

/** The news model's labels (VNTC, written without diacritics) as readers write them. */
const NEWS_LABELS: Record<string, string> = {
  'Chinh tri Xa hoi': 'Chính trị – Xã hội',
  'Doi song': 'Đời sống',
  'Khoa hoc': 'Khoa học',
  'Kinh doanh': 'Kinh doanh',
  'Phap luat': 'Pháp luật',
  'Suc khoe': 'Sức khỏe',
  'The gioi': 'Thế giới',
  'The thao': 'Thể thao',
  'Van hoa': 'Văn hóa',
  'Vi tinh': 'Vi tính',
}
const newsLabel = (id: string) => (id.startsWith('news:') ? (NEWS_LABELS[id.slice(5)] ?? id.slice(5)) : id)

/** Longest query the box accepts; the parser has its own limit and message for longer ones. */
const MAX_QUERY = 10_000

/** The explorer: one query box, facets, attention over time, highlighted results, save and export. */
export function registerExplore(app: FastifyInstance, ctx: AppContext) {
  const taxonomy = loadTaxonomy()
  app.get<{ Querystring: Query }>('/explore', { config: { access: 'articles.view' } }, async (req, reply) => {
    const q = (req.query.q ?? '').slice(0, MAX_QUERY)
    const sort = req.query.sort === 'date' ? 'date' : 'relevance'
    const page = Math.max(1, Math.min(500, Number.parseInt(req.query.page ?? '1', 10) || 1))
    // facets of very many matches are estimated (≈) unless the reader asks for exact counts
    const exact = req.query.exact === '1'
    const p = pageCtx(req, reply)
    const { t } = p
    const topicLabel = (id: string) =>
      taxonomy.topics.find((x) => x.id === id)?.label[p.locale] ?? newsLabel(id)
    const facetLabel = (facet: FacetName, f: FacetCount) =>
      facet === 'topic'
        ? topicLabel(f.key)
        : facet === 'tone'
          ? t(`tone.${f.key === 'negative' ? 'neg' : f.key === 'positive' ? 'pos' : 'neu'}`)
          : f.label
    const outcome = q.trim()
      ? await explore(ctx.store, q, { sort, page, timeoutMs: ctx.config.queryTimeoutMs, exact })
      : null
    if (outcome && !outcome.ok) reply.status(400)
    const base = `/explore?q=${encodeURIComponent(q)}&sort=${sort}${exact ? '&exact=1' : ''}`
    const chart =
      outcome?.ok && outcome.result.attention.length
        ? attentionChart(outcome.result.attention, {
            count: `${outcome.result.approximate ? '≈ ' : ''}${t('explore.results', { n: '' }).trim()}`,
            share: t('explore.share'),
          })
        : ''
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
            <Facets ctx={p} q={q} facets={outcome.result.facets} label={facetLabel} />
            <div class="results">
              <p>
                <strong safe>{t('explore.results', { n: outcome.result.page.total })}</strong>{' '}
                <span class="exports" safe>{`${t('explore.export')}:`}</span>{' '}
                {(['csv', 'xlsx', 'jsonl'] as const).map((f) => (
                  <>
                    <a href={`/explore/export.${f}?q=${encodeURIComponent(q)}`} safe>
                      {f.toUpperCase()}
                    </a>{' '}
                  </>
                ))}
              </p>
              {chart ? (
                <figure class="chart" aria-label={t('explore.attention')}>
                  {chart}
                </figure>
              ) : (
                ''
              )}
              {outcome.result.approximate ? (
                <p class="help approximate">
                  <span safe>{t('explore.approximate')}</span>{' '}
                  <a href={`${base}&exact=1${page > 1 ? `&page=${page}` : ''}`} safe>
                    {t('explore.exact')}
                  </a>
                </p>
              ) : (
                ''
              )}
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
}
