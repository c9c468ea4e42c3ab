import type { AlertRow } from '../../../monitor/store/alerts.js'
import { readExplanation, type DriverLine } from '../../../monitor/alert-explanation.js'
import { RULE_KINDS } from '../../../monitor/alert-rule-input.js'
import { MAX_NAME, MAX_QUERY, REASON_PARAM } from '../../../monitor/watchlist-input.js'
import type { FieldProblem } from '../../../shared/errors.js'
import type { Translate } from '../../i18n/i18n.js'
import { queryProblemText } from '../../views/query-error.js'
import type { WebhookRow } from '../../../monitor/store/webhooks.js'
import { formatDateTime } from '../../../shared/time.js'
import type { PageCtx } from '../../page-context.js'
import type { FormState } from '../../views/form.js'

/** Stored links are relative (`/explore?q=…`); anything else (`//host`, `http:`) falls back to the explorer. */
export const localLink = (link: string) => (/^\/(?!\/)/.test(link) ? link : '/explore')

/** Field ids carry a prefix: a page holds several rule forms. */
const fid = (prefix: string, name: string) => `${prefix}-${name}`

function Problem(props: { ctx: PageCtx; form: FormState; name: string; id: string }) {
  const p = props.form.problems.find((x) => x.field === props.name)
  return p ? (
    <p class="error" id={`${props.id}-err`} safe>
      {props.ctx.t(p.key, p.params)}
    </p>
  ) : (
    ''
  )
}

const invalid = (form: FormState, name: string) => form.problems.some((p) => p.field === name)

/** A labelled text input with its message (as views/form Field, with an id prefix). */
export function TextField(props: {
  ctx: PageCtx
  form: FormState
  prefix: string
  name: string
  label: string
  help?: string
  maxlength?: number
  placeholder?: string
}) {
  const id = fid(props.prefix, props.name)
  const bad = invalid(props.form, props.name)
  const described = [bad ? `${id}-err` : '', props.help ? `${id}-help` : ''].filter(Boolean).join(' ')
  return (
    <div class={bad ? 'field invalid' : 'field'}>
      <label for={id} safe>
        {props.label}
      </label>
      <input
        id={id}
        name={props.name}
        value={props.form.values[props.name] ?? ''}
        maxlength={String(props.maxlength ?? 200)}
        placeholder={props.placeholder}
        aria-invalid={bad ? 'true' : undefined}
        aria-describedby={described || undefined}
      />
      {props.help ? (
        <p class="help" id={`${id}-help`} safe>
          {props.help}
        </p>
      ) : (
        ''
      )}
      <Problem ctx={props.ctx} form={props.form} name={props.name} id={id} />
    </div>
  )
}

export function CheckField(props: { form: FormState; prefix: string; name: string; label: string }) {
  const id = fid(props.prefix, props.name)
  return (
    <div class="field check">
      <input
        type="checkbox"
        id={id}
        name={props.name}
        value="1"
        checked={props.form.values[props.name] === '1'}
      />
      <label for={id} safe>
        {props.label}
      </label>
    </div>
  )
}

/** A refused query's message with the parser's reason in the user's language (as the explorer shows it). */
function queryMessage(t: Translate, p: FieldProblem): string {
  const params = p.params ?? {}
  if (typeof params.reason !== 'string') return t(p.key, params)
  const reasonParams = Object.fromEntries(
    Object.entries(params)
      .filter(([k]) => k.startsWith(REASON_PARAM))
      .map(([k, v]) => [k.slice(REASON_PARAM.length), v]),
  )
  const msg = queryProblemText(t, {
    code: 'QUERY_SYNTAX',
    message: String(params.msg ?? ''),
    reasonKey: params.reason,
    params: reasonParams,
  })
  return t(p.key, { ...params, msg })
}

/**
 * Name, query (parsed on the server; a syntax error keeps the text and points at the position, as
 * the explorer does) and the shared flag.
 */
export function WatchlistFields(props: { ctx: PageCtx; form: FormState; prefix: string }) {
  const { ctx, form, prefix } = props
  const { t } = ctx
  const qid = fid(prefix, 'query')
  const problem = form.problems.find((p) => p.field === 'query')
  const pos = typeof problem?.params?.pos === 'number' ? problem.params.pos : null
  const query = form.values.query ?? ''
  return (
    <>
      <TextField
        ctx={ctx}
        form={form}
        prefix={prefix}
        name="name"
        label={t('watchlists.name')}
        maxlength={MAX_NAME}
      />
      <div class={problem ? 'field invalid query-error' : 'field'}>
        <label for={qid} safe>
          {t('watchlists.query')}
        </label>
        <input
          id={qid}
          name="query"
          value={query}
          maxlength={String(MAX_QUERY)}
          aria-invalid={problem ? 'true' : undefined}
          aria-describedby={problem ? `${qid}-err ${qid}-help` : `${qid}-help`}
        />
        <p class="help" id={`${qid}-help`} safe>
          {t('watchlists.query_help')}
        </p>
        {problem ? (
          <p class="error" id={`${qid}-err`} safe>
            {queryMessage(t, problem)}
          </p>
        ) : (
          ''
        )}
        {pos ? <pre safe>{`${query}\n${' '.repeat(Math.max(0, pos - 1))}^`}</pre> : ''}
      </div>
      <CheckField form={form} prefix={prefix} name="shared" label={t('watchlists.shared')} />
    </>
  )
}

/** Kind, threshold, channels (in-app always; e-mail; webhooks), quiet hours, digest, enabled. */
export function RuleFields(props: {
  ctx: PageCtx
  form: FormState
  prefix: string
  webhooks: Pick<WebhookRow, 'id' | 'name' | 'enabled'>[]
}) {
  const { ctx, form, prefix } = props
  const { t } = ctx
  const kid = fid(prefix, 'kind')
  const chosen = new Set((form.values.webhooks ?? '').split(',').filter(Boolean))
  return (
    <>
      <div class={invalid(form, 'kind') ? 'field invalid' : 'field'}>
        <label for={kid} safe>
          {t('alerts.kind')}
        </label>
        <select id={kid} name="kind" aria-invalid={invalid(form, 'kind') ? 'true' : undefined}>
          {RULE_KINDS.map((k) => (
            <option value={k} selected={form.values.kind === k} safe>
              {t(`alerts.kind.${k}`)}
            </option>
          ))}
        </select>
        <Problem ctx={ctx} form={form} name="kind" id={kid} />
      </div>
      <TextField
        ctx={ctx}
        form={form}
        prefix={prefix}
        name="threshold"
        label={t('alerts.threshold')}
        help={t('alerts.threshold_help')}
        maxlength={10}
      />
      <fieldset class={invalid(form, 'webhooks') ? 'channels invalid' : 'channels'}>
        <legend safe>{t('alerts.channels')}</legend>
        <div class="field check">
          <input type="checkbox" id={fid(prefix, 'inapp')} checked disabled />
          <label for={fid(prefix, 'inapp')} safe>
            {t('alerts.inapp_always')}
          </label>
        </div>
        <CheckField form={form} prefix={prefix} name="email" label={t('alerts.email')} />
        {props.webhooks.map((h) => (
          <div class="field check">
            <input
              type="checkbox"
              id={fid(prefix, `hook-${h.id}`)}
              name="webhooks"
              value={String(h.id)}
              checked={chosen.has(String(h.id))}
            />
            <label for={fid(prefix, `hook-${h.id}`)} safe>
              {`${t('alerts.webhooks')}: ${h.name}${h.enabled ? '' : ` (${t('webhooks.disabled')})`}`}
            </label>
          </div>
        ))}
        <Problem ctx={ctx} form={form} name="webhooks" id={fid(prefix, 'webhooks')} />
      </fieldset>
      <fieldset class="quiet">
        <legend safe>{t('alerts.quiet_hours')}</legend>
        <p class="help" safe>
          {t('alerts.quiet_help')}
        </p>
        <TextField
          ctx={ctx}
          form={form}
          prefix={prefix}
          name="quiet_start"
          label={t('alerts.quiet_start')}
          maxlength={5}
          placeholder="22:00"
        />
        <TextField
          ctx={ctx}
          form={form}
          prefix={prefix}
          name="quiet_end"
          label={t('alerts.quiet_end')}
          maxlength={5}
          placeholder="06:00"
        />
      </fieldset>
      <CheckField form={form} prefix={prefix} name="digest" label={t('alerts.digest')} />
      <CheckField form={form} prefix={prefix} name="enabled" label={t('alerts.enabled')} />
    </>
  )
}

function Drivers(props: { ctx: PageCtx; title: string; lines: DriverLine[] }) {
  if (props.lines.length === 0) return ''
  return (
    <p class="drivers">
      <strong safe>{`${props.title}: `}</strong>
      <span safe>
        {props.lines
          .map((l) => props.ctx.t('alerts.articles_n', { label: l.label, n: l.articles }))
          .join(', ')}
      </span>
    </p>
  )
}

/** One alert: level, time, title and body, why it fired (outlets, terms, places, stories), explorer link. */
export function AlertItem(props: { ctx: PageCtx; alert: AlertRow }) {
  const { ctx, alert: a } = props
  const { t } = ctx
  const x = readExplanation(a.explanation_json)
  return (
    <li class={`alert level-${a.level}`}>
      <p>
        <span class="tag" safe>
          {t(`alerts.level.${a.level}`)}
        </span>{' '}
        <strong safe>{a.title}</strong> <small safe>{formatDateTime(a.created_at)}</small>
      </p>
      <p safe>{a.body}</p>
      <Drivers ctx={ctx} title={t('alerts.outlets')} lines={x.outlets} />
      <Drivers ctx={ctx} title={t('alerts.terms')} lines={x.terms} />
      <Drivers ctx={ctx} title={t('alerts.places')} lines={x.places} />
      <Drivers ctx={ctx} title={t('alerts.stories')} lines={x.stories} />
      <a href={localLink(a.link)} safe>
        {t('alerts.open_explorer')}
      </a>
    </li>
  )
}
