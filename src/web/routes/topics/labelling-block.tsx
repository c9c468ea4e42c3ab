import type { TopicStatus } from '../../../analyze/user-topics/index.js'
import type { LabelledRow } from '../../../analyze/user-topics/topic-listing.js'
import type { NextSuggestion } from '../../../analyze/user-topics/topic-seed.js'
import { formatDateTime } from '../../../shared/time.js'
import type { PageCtx } from '../../page-context.js'
import { formatDecimal } from '../../views/format-number.js'
import { MetricsText } from './topic-metrics-view.js'

/** What the labelling block shows; loaded by `loadLabelling`. */
export interface LabellingData {
  status: TopicStatus
  seed: string | null
  suggestions: NextSuggestion[]
  labels: LabelledRow[]
  lpage: number
  hasMoreLabels: boolean
}

/** A label button pair for one article; the first suggestion's buttons answer the y / n keys. */
function LabelButtons(props: {
  ctx: PageCtx
  topicId: number
  articleId: number
  title: string
  keys: boolean
}) {
  const { ctx } = props
  const { t } = ctx
  return (
    <form
      method="post"
      action={`/topics/${props.topicId}/labels`}
      class="inline label-form"
      hx-post={`/topics/${props.topicId}/labels`}
      hx-target="#labelling"
      hx-swap="outerHTML"
    >
      <input type="hidden" name="_csrf" value={ctx.csrf} />
      <input type="hidden" name="articleId" value={String(props.articleId)} />
      <button
        type="submit"
        name="label"
        value="in"
        data-key={props.keys ? 'y' : undefined}
        aria-label={t('topics.label_for', { label: t('topics.in'), title: props.title })}
        safe
      >
        {`${t('topics.in')}${props.keys ? ' (y)' : ''}`}
      </button>{' '}
      <button
        type="submit"
        name="label"
        value="out"
        class="secondary"
        data-key={props.keys ? 'n' : undefined}
        aria-label={t('topics.label_for', { label: t('topics.out'), title: props.title })}
        safe
      >
        {`${t('topics.out')}${props.keys ? ' (n)' : ''}`}
      </button>
    </form>
  )
}

/** Pages of the labelled list (`lpage`), apart from the members list's `page`. */
function LabelsPager(props: { ctx: PageCtx; topicId: number; page: number; hasNext: boolean }) {
  const { t } = props.ctx
  const link = (n: number) => `/topics/${props.topicId}?lpage=${n}#labelled-h`
  if (props.page === 1 && !props.hasNext) return ''
  return (
    <nav class="pager" aria-label={t('topics.labelled_list')}>
      {props.page > 1 ? (
        <a rel="prev" href={link(props.page - 1)} safe>
          {t('common.previous')}
        </a>
      ) : (
        ''
      )}
      <span safe>{t('common.page', { page: props.page })}</span>
      {props.hasNext ? (
        <a rel="next" href={link(props.page + 1)} safe>
          {t('common.next')}
        </a>
      ) : (
        ''
      )}
    </nav>
  )
}

function reasonText({ t, locale }: PageCtx, s: NextSuggestion) {
  return s.reason === 'uncertain'
    ? t('topics.reason.uncertain', { score: formatDecimal(locale, s.score ?? 0, 2) })
    : t(`topics.reason.${s.reason}`)
}

/**
 * The part of the topic page a label changes: the counts and quality, the next articles to label and
 * the labelled list. htmx swaps it whole after each label or undo.
 */
export function LabellingBlock(props: { ctx: PageCtx; d: LabellingData; edit: boolean; notice?: string }) {
  const { ctx, d } = props
  const { t } = ctx
  const id = d.status.id
  return (
    <div id="labelling">
      <section class="card" aria-labelledby="topic-state">
        <h2 id="topic-state" safe>
          {t('topics.quality')}
        </h2>
        <p id="label-counts" aria-live="polite" safe>
          {t('topics.status_line', {
            pos: d.status.positives,
            neg: d.status.negatives,
            members: d.status.members,
          })}
        </p>
        <p>
          <MetricsText ctx={ctx} s={d.status} />
        </p>
        <p
          safe
        >{`${t('topics.trained')}: ${d.status.trainedAt ? formatDateTime(d.status.trainedAt) : t('topics.never')}`}</p>
        {d.status.stale ? (
          <p class="help" safe>
            {t('topics.stale')}
          </p>
        ) : (
          ''
        )}
        {d.seed ? (
          <p class="help" safe>
            {t('topics.seed_current', { seed: d.seed })}
          </p>
        ) : (
          ''
        )}
        {props.notice ? (
          <output class="flash" safe>
            {props.notice}
          </output>
        ) : (
          ''
        )}
      </section>
      {props.edit ? (
        <section class="card" id="label-next" aria-labelledby="label-next-h">
          <h2 id="label-next-h" safe>
            {t('topics.label_next')}
          </h2>
          <p class="help" safe>
            {t('topics.label_next_help')}
          </p>
          {d.suggestions.length === 0 ? <p safe>{t('topics.no_suggestions')}</p> : ''}
          <ol class="suggestions">
            {d.suggestions.map((s, i) => (
              <li data-article={String(s.articleId)}>
                <a href={`/articles/${s.articleId}`} safe>
                  {s.title}
                </a>{' '}
                <small safe>{reasonText(ctx, s)}</small>
                <br />
                <LabelButtons ctx={ctx} topicId={id} articleId={s.articleId} title={s.title} keys={i === 0} />
              </li>
            ))}
          </ol>
        </section>
      ) : (
        ''
      )}
      <section class="card" aria-labelledby="labelled-h">
        <h2 id="labelled-h" safe>
          {t('topics.labelled_list')}
        </h2>
        {d.labels.length === 0 ? (
          <p safe>{t('topics.no_labels')}</p>
        ) : (
          <table class="labels">
            <thead>
              <tr>
                {[
                  'topics.article',
                  'topics.label',
                  'topics.by',
                  'topics.at',
                  ...(props.edit ? ['common.actions'] : []),
                ].map((k) => (
                  <th scope="col" safe>
                    {t(k)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {d.labels.map((l) => (
                <tr>
                  <td>
                    <a href={`/articles/${l.articleId}`} lang={l.lang} safe>
                      {l.title}
                    </a>
                  </td>
                  <td safe>{l.label ? t('topics.label_in') : t('topics.label_out')}</td>
                  <td safe>{l.userName ?? '—'}</td>
                  <td safe>{formatDateTime(l.at)}</td>
                  {props.edit ? (
                    <td>
                      <form
                        method="post"
                        action={`/topics/${id}/unlabel`}
                        class="inline"
                        hx-post={`/topics/${id}/unlabel`}
                        hx-target="#labelling"
                        hx-swap="outerHTML"
                      >
                        <input type="hidden" name="_csrf" value={ctx.csrf} />
                        <input type="hidden" name="articleId" value={String(l.articleId)} />
                        <button type="submit" aria-label={t('topics.undo_for', { title: l.title })} safe>
                          {t('topics.undo')}
                        </button>
                      </form>
                    </td>
                  ) : (
                    ''
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <LabelsPager ctx={ctx} topicId={id} page={d.lpage} hasNext={d.hasMoreLabels} />
      </section>
    </div>
  )
}
