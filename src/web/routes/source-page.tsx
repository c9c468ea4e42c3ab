import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { can } from '../../accounts/permissions.js'
import { listFeeds } from '../../db/tables/feeds.js'
import { collectionsOf, listCollections } from '../../db/tables/source-collections.js'
import { findSource } from '../../db/tables/sources.js'
import { applyDefaultMemberships } from '../../ingest/sources/default-collections.js'
import { dailyVolume, latestArticles } from '../../ingest/sources/source-overview.js'
import { skippedPagesOfFeed } from '../../ingest/store/skipped-pages.js'
import { formatDateTime } from '../../shared/time.js'
import type { AppContext } from '../context.js'
import { type PageCtx, pageCtx } from '../page-context.js'
import { Layout } from '../views/layout.js'
import { volumeChart } from '../views/volume-chart.js'
import { MembershipCard, registerSourceMembership } from './source-membership.js'
import { backoffLabel } from './sources-list.js'

/** The volume chart covers one of these spans (days); 30 unless asked. */
const SPANS = [30, 90] as const
const LATEST = 20
const PageQuery = z.object({
  days: z.coerce
    .number()
    .refine((d) => (SPANS as readonly number[]).includes(d))
    .catch(30)
    .default(30),
})

/** The explorer's query for one source: its name quoted (quotes in the name dropped). */
export const sourceQuery = (name: string) => `source:"${name.replace(/"/g, ' ').trim()}"`

type Feed = Awaited<ReturnType<typeof listFeeds>>[number]
type Skipped = Awaited<ReturnType<typeof skippedPagesOfFeed>>
/** Pages passed over shown per feed: the latest few, with how many in all. */
const SKIPPED_SHOWN = 5

function SkippedPages(props: { ctx: PageCtx; pages: Skipped }) {
  const { t } = props.ctx
  if (props.pages.length === 0) return ''
  return (
    <details class="skipped">
      <summary safe>{t('source.skipped_pages', { n: props.pages.length })}</summary>
      <ul>
        {props.pages.slice(0, SKIPPED_SHOWN).map((s) => (
          <li>
            <a href={s.url} rel="noopener noreferrer nofollow" safe>
              {s.url}
            </a>{' '}
            <small safe>
              {`${formatDateTime(s.last_seen_at)} · ${t(`source.skip.${s.reason_code}`) === `source.skip.${s.reason_code}` ? s.reason : t(`source.skip.${s.reason_code}`)} · ${t('source.retry_after')}: ${formatDateTime(s.retry_after)}`}
            </small>
          </li>
        ))}
      </ul>
    </details>
  )
}

function FeedItem(props: { ctx: PageCtx; f: Feed; skipped: Skipped }) {
  const { t } = props.ctx
  const f = props.f
  return (
    <li class={f.last_error ? 'feed bad' : 'feed'}>
      <span class="tag" safe>
        {t(`feed.kind.${f.kind}`)}
      </span>{' '}
      <a href={f.url} rel="noopener noreferrer nofollow" safe>
        {f.title ? `${f.title} — ${f.url}` : f.url}
      </a>
      {f.enabled ? '' : <strong safe>{` · ${t('source.disabled_feed')}`}</strong>}
      <br />
      <small safe>
        {[
          `${t('sources.last_fetch')}: ${f.last_success_at ? formatDateTime(f.last_success_at) : '—'}`,
          `${t('source.last_checked')}: ${f.last_checked_at ? formatDateTime(f.last_checked_at) : '—'}`,
          `${t('sources.next_check')}: ${formatDateTime(f.next_check_at)}`,
          `${t('source.interval')}: ${f.interval_minutes}`,
          `${t('source.items_seen')}: ${f.items_seen}`,
          `${t('source.backoff')}: ${backoffLabel(props.ctx, f.failures)}`,
        ].join(' · ')}
      </small>
      {f.last_error ? (
        <p class="error" safe>
          {`${t('sources.last_error')} [${f.last_error_code ?? ''}]: ${f.last_error}`}
        </p>
      ) : (
        ''
      )}
      <SkippedPages ctx={props.ctx} pages={props.skipped} />
    </li>
  )
}

/** One source: details, feeds with their state and errors, articles per day, latest articles. */
export function registerSourcePage(app: FastifyInstance, ctx: AppContext) {
  const db = ctx.store.db
  registerSourceMembership(app, ctx)
  app.get<{ Params: { id: string } }>(
    '/sources/:id',
    { config: { access: 'articles.view' } },
    async (req, reply) => {
      const raw = req.params.id
      const source = /^\d{1,12}$/.test(raw) ? await findSource(db, Number(raw)) : undefined
      const p = pageCtx(req, reply)
      const { t } = p
      if (!source) {
        reply.status(404)
        return reply.html(
          <Layout ctx={p} title={t('source.not_found_title')}>
            <section class="card narrow">
              <h1 safe>{`404 · ${t('source.not_found_title')}`}</h1>
              <p safe>{t('source.not_found', { id: raw.slice(0, 40) })}</p>
              <p>
                <a href="/sources" safe>
                  {t('source.back')}
                </a>
              </p>
            </section>
          </Layout>,
        )
      }
      const { days } = PageQuery.parse(req.query ?? {})
      await applyDefaultMemberships(db)
      const manage = req.user ? can(req.user.role, 'sources.manage') : false
      const [feeds, groups, volume, latest, all] = await Promise.all([
        listFeeds(db, source.id),
        collectionsOf(db, [source.id]),
        dailyVolume(db, ctx.store.dialect, source.id, days, new Date()),
        latestArticles(db, source.id, LATEST),
        manage ? listCollections(db) : Promise.resolve([]),
      ])
      const skipped = new Map(
        await Promise.all(feeds.map(async (f) => [f.id, await skippedPagesOfFeed(db, f.id, 100)] as const)),
      )
      const total = volume.reduce((a, v) => a + v.n, 0)
      const safeChart = volumeChart(volume)
      const details: [string, string][] = [
        ['sources.homepage', source.homepage],
        ['sources.kind', t(`sources.kind.${source.kind}`)],
        ['sources.country', source.country],
        ['sources.lang', source.lang],
        ['sources.collection', (groups.get(source.id) ?? []).map((c) => c.name).join(', ') || '—'],
        [
          'source.state',
          `${source.enabled ? t('source.active') : t('source.paused')} · ${source.verified ? t('sources.verified') : t('sources.unverified')}`,
        ],
        ['source.added', formatDateTime(source.created_at)],
      ]
      return reply.html(
        <Layout ctx={p} title={source.name}>
          <p>
            <a href="/sources" safe>
              {t('source.back')}
            </a>
          </p>
          <h1 safe>{source.name}</h1>
          <p class="actions">
            <a class="button" href={`/explore?q=${encodeURIComponent(sourceQuery(source.name))}`} safe>
              {t('source.explore')}
            </a>
          </p>
          <section class="card">
            <h2 safe>{t('source.details')}</h2>
            <dl class="facts">
              {details.map(([k, v]) => (
                <>
                  <dt safe>{t(k)}</dt>
                  <dd safe>{v}</dd>
                </>
              ))}
            </dl>
          </section>
          {manage ? (
            <MembershipCard
              ctx={p}
              sourceId={source.id}
              all={all}
              mine={new Set((groups.get(source.id) ?? []).map((c) => c.id))}
            />
          ) : (
            ''
          )}
          <section class="card">
            <h2 safe>{t('source.volume')}</h2>
            <nav class="filters" aria-label={t('source.volume')}>
              {SPANS.map((d) => (
                <a
                  href={`/sources/${source.id}?days=${d}`}
                  aria-current={d === days ? 'page' : undefined}
                  safe
                >
                  {t('source.days', { n: d })}
                </a>
              ))}
            </nav>
            <figure
              class="chart"
              role="img"
              aria-label={t('source.volume_chart', { name: source.name, days })}
            >
              {safeChart}
            </figure>
            <p safe>{t('source.volume_total', { n: total, days })}</p>
          </section>
          <section class="card">
            <h2 safe>{t('source.feeds')}</h2>
            {feeds.length === 0 ? <p safe>{t('source.no_feeds')}</p> : ''}
            <ul class="feeds">
              {feeds.map((f) => (
                <FeedItem ctx={p} f={f} skipped={skipped.get(f.id) ?? []} />
              ))}
            </ul>
          </section>
          <section class="card">
            <h2 safe>{t('source.latest')}</h2>
            {latest.length === 0 ? <p safe>{t('source.no_articles')}</p> : ''}
            <ul>
              {latest.map((a) => (
                <li>
                  <a href={`/articles/${a.id}`} lang={a.lang} safe>
                    {a.title}
                  </a>{' '}
                  <small safe>
                    {`${formatDateTime(a.published_at ?? a.fetched_at)}${a.dup_of ? ` · ${t('source.copy')}` : ''}`}
                  </small>
                </li>
              ))}
            </ul>
          </section>
        </Layout>,
      )
    },
  )
}
