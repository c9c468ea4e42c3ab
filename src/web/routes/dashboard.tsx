import type { Children } from '@kitajs/html'
import type { FastifyInstance } from 'fastify'
import { loadTaxonomy } from '../../analyze/topics/rules/taxonomy.js'
import { getSetting, putSetting } from '../../db/tables/settings.js'
import { formatDateTime } from '../../shared/time.js'
import { dashboardCharts, memoChartRenderer } from '../../workspace/dashboard/dashboard-charts.js'
import { createDashboardCache, dataVersion } from '../../workspace/dashboard/dashboard-cache.js'
import { createDayRollup } from '../../workspace/dashboard/day-rollup.js'
import {
  type DashboardData,
  dashboardData,
  newSensitive,
  recentTitleTerms,
} from '../../workspace/dashboard/dashboard-data.js'
import { previousPeriod, resolvePeriod, resolveScope } from '../../workspace/dashboard/period.js'
import {
  createTitleTermsMemo,
  type RisingTerm,
  risingFromTerms,
} from '../../workspace/dashboard/rising-terms.js'
import type { AppContext } from '../context.js'
import { type PageCtx, pageCtx } from '../page-context.js'
import { Layout } from '../views/layout.js'

type Query = { period?: string; from?: string; to?: string; scope?: string }

const VISIT_RESOLUTION_MS = 60_000

const explore = (q: string) => `/explore?q=${encodeURIComponent(q)}`

function Panel(props: { title: string; href?: string; ctx: PageCtx; children?: Children }) {
  return (
    <section class="panel">
      <h2 safe>{props.title}</h2>
      {props.children}
      {props.href ? (
        <p class="more">
          <a href={props.href} safe>
            {props.ctx.t('dash.open_explorer')}
          </a>
        </p>
      ) : (
        ''
      )}
    </section>
  )
}

/** The press office's overview for a period and a locality scope; every panel leads to the explorer. */
export function registerDashboard(app: FastifyInstance, ctx: AppContext) {
  const taxonomy = loadTaxonomy()
  // aggregates, rising terms and charts per period, scope and language: see dashboard-cache.ts
  const cache = createDashboardCache<{
    data: DashboardData
    charts: ReturnType<typeof dashboardCharts>
    rising: RisingTerm[]
  }>()
  // the period's counts per day (only changed days are counted again) and the titles' terms
  const rollup = createDayRollup(ctx.store.db, ctx.store.dialect)
  const titleTerms = createTitleTermsMemo()
  const drawChart = memoChartRenderer()
  app.get<{ Querystring: Query }>('/', { config: { access: 'workspace.view' } }, async (req, reply) => {
    const period = resolvePeriod(req.query, new Date())
    const scope = resolveScope(req.query.scope)
    const db = ctx.store.db
    const visitKey = `last_visit:${req.user?.id ?? 0}`
    const lastVisit =
      (await getSetting<string>(db, visitKey)) ?? new Date(Date.now() - 7 * 86_400_000).toISOString()
    const p = pageCtx(req, reply)
    const { t } = p
    const topicLabel = (id: string) => {
      const tp = taxonomy.topics.find((x) => x.id === id)
      return tp ? tp.label[p.locale] : id
    }
    const key = `${period.from}|${period.to}|${scope}|${p.locale}`
    const [view, sensitive] = await Promise.all([
      cache.get(key, await dataVersion(db), async () => {
        const [data, current, before] = await Promise.all([
          dashboardData(db, ctx.store.dialect, period, scope, rollup),
          recentTitleTerms(db, period, scope, titleTerms),
          recentTitleTerms(db, previousPeriod(period), scope, titleTerms),
        ])
        const charts = dashboardCharts(data, period.days, { t, topicLabel }, drawChart)
        return { data, charts, rising: risingFromTerms(current, before) }
      }),
      newSensitive(db, lastVisit),
    ])
    // a visit is remembered to the minute: reloading does not write on every request
    if (Date.now() - Date.parse(lastVisit) > VISIT_RESOLUTION_MS)
      await putSetting(db, visitKey, new Date().toISOString())
    const { data, rising } = view
    const { tone, topics, kinds, langs } = view.charts
    const dateQ = `date:${period.days[0]}..${period.days[period.days.length - 1]}`
    const share = data.foreign.total ? Math.round((100 * data.foreign.negative) / data.foreign.total) : 0
    return reply.html(
      <Layout ctx={p} title={t('dash.title')}>
        <h1 safe>{t('dash.title')}</h1>
        <form method="get" action="/" class="filters">
          <label for="f-period" safe>
            {t('dash.period')}
          </label>
          <select id="f-period" name="period">
            {(['today', '7d', '30d', 'custom'] as const).map((k) => (
              <option value={k} selected={period.key === k} safe>
                {t(`dash.period.${k}`)}
              </option>
            ))}
          </select>
          <label for="f-from" safe>
            {t('dash.from')}
          </label>
          <input id="f-from" type="date" name="from" value={req.query.from ?? ''} />
          <label for="f-to" safe>
            {t('dash.to')}
          </label>
          <input id="f-to" type="date" name="to" value={req.query.to ?? ''} />
          <label for="f-scope" safe>
            {t('dash.scope')}
          </label>
          <select id="f-scope" name="scope">
            {(['country', 'province', 'commune'] as const).map((k) => (
              <option value={k} selected={scope === k} safe>
                {t(`dash.scope.${k}`)}
              </option>
            ))}
          </select>
          <button type="submit" safe>
            {t('dash.apply')}
          </button>
          <strong safe>{t('dash.total', { n: data.total })}</strong>
        </form>
        <div class="grid">
          <Panel ctx={p} title={t('dash.watchlist')} href={explore(`topic:sensitive ${dateQ}`)}>
            {sensitive.length === 0 ? <p safe>{t('common.none')}</p> : ''}
            <ul class="items">
              {sensitive.map((s) => (
                <li>
                  <a href={`/articles/${s.id}`} safe>
                    {s.title}
                  </a>
                  <small
                    safe
                  >{` · ${s.source_name} · ${formatDateTime(s.published_at ?? '')} · ${s.topics.map(topicLabel).join(', ')}`}</small>
                </li>
              ))}
            </ul>
          </Panel>
          <Panel ctx={p} title={t('dash.by_tone')} href={explore(dateQ)}>
            <figure class="chart">{tone}</figure>
          </Panel>
          <Panel ctx={p} title={t('dash.by_topic')} href={explore(dateQ)}>
            <figure class="chart">{topics}</figure>
          </Panel>
          <Panel ctx={p} title={t('dash.by_kind')} href={explore(dateQ)}>
            <figure class="chart">{kinds}</figure>
            <figure class="chart">{langs}</figure>
          </Panel>
          <Panel ctx={p} title={t('dash.foreign_negative')} href={explore(`tone:<-1 ${dateQ}`)}>
            <p class="big">{share}%</p>
            <p safe>
              {t('dash.foreign_negative_detail', { neg: data.foreign.negative, total: data.foreign.total })}
            </p>
          </Panel>
          <Panel ctx={p} title={t('dash.top_stories')}>
            <ol class="items">
              {data.topStories.map((s) => (
                <li>
                  <a href={`/stories/${s.id}`} safe>
                    {s.title}
                  </a>
                  <small
                    safe
                  >{` · ${t('dash.outlets', { n: s.outlets })} · ${t('dash.articles_n', { n: s.articles })}`}</small>
                </li>
              ))}
            </ol>
          </Panel>
          <Panel ctx={p} title={t('dash.top_places')}>
            <ol class="items">
              {data.topPlaces.map((pl) => (
                <li>
                  <a href={explore(`place:"${pl.name}" ${dateQ}`)} safe>
                    {pl.name}
                  </a>{' '}
                  <small safe>{t('dash.articles_n', { n: pl.articles })}</small>
                </li>
              ))}
            </ol>
          </Panel>
          <Panel ctx={p} title={t('dash.rising')}>
            <ol class="items">
              {rising.map((r) => (
                <li>
                  <a href={explore(`"${r.term}" ${dateQ}`)} safe>
                    {r.term}
                  </a>{' '}
                  <small safe>{`×${r.lift} · ${r.count}`}</small>
                </li>
              ))}
            </ol>
          </Panel>
        </div>
      </Layout>,
    )
  })
}
