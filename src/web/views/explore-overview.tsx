import type { FacetCount, FacetName } from '../../search/facets.js'
import type { ChartRenderer } from '../../workspace/dashboard/dashboard-charts.js'
import type { ExploreOverview } from '../../workspace/explore/explore-data.js'
import type { PageCtx } from '../page-context.js'
import { attentionChart, Facets } from './explore-parts.js'

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

/** How topics and facet values are named for a reader. */
export function exploreLabels(
  taxonomy: { topics: { id: string; label: Record<string, string> }[] },
  p: PageCtx,
) {
  const topicLabel = (id: string) =>
    taxonomy.topics.find((x) => x.id === id)?.label[p.locale] ?? newsLabel(id)
  const facetLabel = (facet: FacetName, f: FacetCount) =>
    facet === 'topic'
      ? topicLabel(f.key)
      : facet === 'tone'
        ? p.t(`tone.${f.key === 'negative' ? 'neg' : f.key === 'positive' ? 'pos' : 'neu'}`)
        : f.label
  return { topicLabel, facetLabel }
}

export interface OverviewProps {
  ctx: PageCtx
  q: string
  /** the page's own address (query, sort, exactness) */
  base: string
  page: number
  facetLabel: (facet: FacetName, f: FacetCount) => string
  draw: ChartRenderer
}

/** Attention over time and the note on estimated counts, in the results column. */
function Attention(props: OverviewProps & { overview: ExploreOverview; oob?: boolean }) {
  const { t } = props.ctx
  const o = props.overview
  const chart = o.attention.length
    ? attentionChart(
        o.attention,
        {
          count: `${o.approximate ? '≈ ' : ''}${t('explore.results', { n: '' }).trim()}`,
          share: t('explore.share'),
        },
        props.draw,
      )
    : ''
  return (
    <div id="explore-attention" hx-swap-oob={props.oob ? 'true' : undefined}>
      {chart ? (
        <figure class="chart" aria-label={t('explore.attention')}>
          {chart}
        </figure>
      ) : (
        ''
      )}
      {o.approximate ? (
        <p class="help approximate">
          <span safe>{t('explore.approximate')}</span>{' '}
          <a href={`${props.base}&exact=1${props.page > 1 ? `&page=${props.page}` : ''}`} safe>
            {t('explore.exact')}
          </a>
        </p>
      ) : (
        ''
      )}
    </div>
  )
}

/**
 * The overview's two places on the page: the facets column and the attention block. When it is
 * not counted yet, placeholders that htmx fills from `/explore/overview` once the page is shown
 * (without script, the placeholder links to the page counted in full).
 */
export function overviewParts(props: OverviewProps & { overview: ExploreOverview | null; exact: boolean }): {
  facets: JSX.Element
  attention: JSX.Element
} {
  const o = props.overview
  if (o)
    return {
      facets: <Facets ctx={props.ctx} q={props.q} facets={o.facets} label={props.facetLabel} />,
      attention: <Attention {...props} overview={o} />,
    }
  const url = `/explore/overview?q=${encodeURIComponent(props.q)}${props.exact ? '&exact=1' : ''}`
  return {
    facets: (
      <aside
        class="facets"
        aria-label="facets"
        aria-busy="true"
        hx-get={url}
        hx-trigger="load"
        hx-swap="outerHTML"
      >
        <p class="help">
          <a href={`${props.base}&overview=1${props.page > 1 ? `&page=${props.page}` : ''}`} safe>
            {props.ctx.t('explore.overview_loading')}
          </a>
        </p>
      </aside>
    ),
    attention: <div id="explore-attention" />,
  }
}

/** The fragment htmx loads: the facets column in place of its placeholder, the attention block out of band. */
export function OverviewFragment(props: OverviewProps & { overview: ExploreOverview }) {
  return (
    <>
      <Facets ctx={props.ctx} q={props.q} facets={props.overview.facets} label={props.facetLabel} />
      <Attention {...props} oob />
    </>
  )
}
