import type { FacetCount, FacetName, TimeBucket } from '../../search/facets.js'
import type { SearchHit } from '../../search/search-articles.js'
import { formatDateTime } from '../../shared/time.js'
import type { HitExtras } from '../../workspace/explore/explore-data.js'
import { AXIS_LABEL, renderChart } from '../../report/charts/render-chart.js'
import type { ChartRenderer } from '../../workspace/dashboard/dashboard-charts.js'
import type { PageCtx } from '../page-context.js'

/** A facet value as a query filter: quoted when it holds spaces, so clicking it narrows the search. */
const filterFor = (facet: FacetName, f: FacetCount) => {
  const v = f.key.includes(' ') || f.key.includes(':') ? `"${f.key.replace(/"/g, '')}"` : f.key
  return facet === 'tone'
    ? `tone:${f.key === 'negative' ? '<-1' : f.key === 'positive' ? '>1' : '-1..1'}`
    : `${facet}:${v}`
}

export function Facets(props: {
  ctx: PageCtx
  q: string
  facets: Record<FacetName, FacetCount[]>
  label: (facet: FacetName, f: FacetCount) => string
}) {
  const { t } = props.ctx
  return (
    <aside class="facets" aria-label="facets">
      {(Object.keys(props.facets) as FacetName[]).map((facet) =>
        props.facets[facet].length === 0 ? (
          ''
        ) : (
          <section>
            <h3 safe>{t(`explore.facet.${facet}`)}</h3>
            <ul>
              {props.facets[facet].map((f) => (
                <li>
                  <a href={`/explore?q=${encodeURIComponent(`${props.q} ${filterFor(facet, f)}`)}`} safe>
                    {props.label(facet, f)}
                  </a>{' '}
                  <small safe>{f.approximate ? `≈ ${f.count}` : String(f.count)}</small>
                </li>
              ))}
            </ul>
          </section>
        ),
      )}
    </aside>
  )
}

/** The number of matches; an estimate is shown "≈" with a link to count them exactly. */
export function ResultCount(props: { ctx: PageCtx; total: number; exact: boolean; exactHref: string }) {
  const { t } = props.ctx
  // grouped as the reader writes numbers: 96.804 (vi), 96,804 (en)
  const n = t('explore.results', { n: props.total.toLocaleString(props.ctx.locale === 'en' ? 'en' : 'vi') })
  if (props.exact) return <strong safe>{n}</strong>
  return (
    <>
      <strong safe>{`≈ ${n}`}</strong>{' '}
      <a href={props.exactHref} class="exact-count" safe>
        {t('explore.exact')}
      </a>
    </>
  )
}

export function Hit(props: {
  ctx: PageCtx
  hit: SearchHit
  extras: HitExtras | undefined
  topicLabel: (id: string) => string
}) {
  const { t } = props.ctx
  const h = props.hit
  const safeTitle = h.titleHtml
  const safeSnippet = h.snippet
  const tone = h.tone === null ? '' : `${h.tone > 0 ? '+' : ''}${h.tone.toFixed(1)}`
  return (
    <li class="hit">
      <a class="title" href={`/articles/${h.id}`}>
        {safeTitle}
      </a>
      <p class="meta" safe>
        {[
          h.sourceName,
          formatDateTime(h.publishedAt),
          h.lang,
          tone ? `${t('explore.facet.tone')} ${tone}` : '',
          props.extras?.copies ? t('explore.copies', { n: props.extras.copies }) : '',
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>
      <p class="snippet">{safeSnippet}</p>
      {props.extras && (props.extras.topics.length || props.extras.places.length) ? (
        <p class="tags">
          {props.extras.topics.map((x) => (
            <span class="tag" safe>
              {props.topicLabel(x)}
            </span>
          ))}
          {props.extras.places.map((x) => (
            <span class="tag place" safe>
              {x}
            </span>
          ))}
        </p>
      ) : (
        ''
      )}
    </li>
  )
}

/** Matching articles per day and their share of all articles: "attention over time". */
export function attentionChart(
  buckets: TimeBucket[],
  labels: { count: string; share: string },
  draw: ChartRenderer = renderChart,
): JSX.Element {
  return draw(
    {
      grid: { left: 40, right: 50, top: 30, bottom: 40 },
      legend: { top: 0, textStyle: { fontSize: 11 } },
      xAxis: {
        type: 'category',
        data: buckets.map((b) => `${b.bucket.slice(8, 10)}/${b.bucket.slice(5, 7)}`),
        axisLabel: {
          ...AXIS_LABEL,
          interval: buckets.length > 16 ? Math.ceil(buckets.length / 16) - 1 : 0,
          rotate: buckets.length > 10 ? 45 : 0,
        },
      },
      yAxis: [
        { type: 'value', minInterval: 1 },
        { type: 'value', axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` } },
      ],
      series: [
        {
          type: 'bar',
          name: labels.count,
          data: buckets.map((b) => b.count),
          itemStyle: { color: '#0b5cad' },
        },
        {
          type: 'line',
          name: labels.share,
          yAxisIndex: 1,
          data: buckets.map((b) => Math.round(b.share * 1000) / 1000),
          itemStyle: { color: '#c0392b' },
        },
      ],
    },
    { width: 760, height: 220 },
  )
}
