import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { discoverFeeds, type FeedCandidate } from '../../ingest/discover/discover-feeds.js'
import { classifyFetchError } from '../../ingest/fetch/classify-fetch-error.js'
import { createHttpClient } from '../../ingest/ingest-context.js'
import { addSource } from '../../ingest/sources/add-source.js'
import { isAppError } from '../../shared/errors.js'
import type { AppContext } from '../context.js'
import { pageCtx } from '../page-context.js'
import { emptyForm, Field, Form, type FormState } from '../views/form.js'
import { Layout } from '../views/layout.js'

const KINDS = ['domestic', 'foreign', 'government', 'other'] as const

function NewSourcePage(props: {
  req: FastifyRequest
  reply: FastifyReply
  form: FormState
  found: FeedCandidate[] | null
}) {
  const ctx = pageCtx(props.req, props.reply)
  const { t } = ctx
  const f = { ctx, form: props.form }
  return (
    <Layout ctx={ctx} title={t('sources.add')}>
      <h1 safe>{t('sources.add')}</h1>
      <section class="card">
        <p safe>{t('sources.discover_intro')}</p>
        <Form
          ctx={ctx}
          form={props.found === null ? props.form : emptyForm(props.form.values)}
          action="/sources/discover"
          submit={t('sources.discover')}
        >
          <Field {...f} name="url" label={t('sources.url')} type="url" required maxlength={2000} />
        </Form>
      </section>
      {props.found === null ? (
        ''
      ) : (
        <section class="card">
          <h2 safe>{t('sources.found')}</h2>
          <Form ctx={ctx} form={props.form} action="/sources" submit={t('sources.save')}>
            {props.found.length === 0 ? <p safe>{t('sources.none_found')}</p> : ''}
            <ul class="choices">
              {props.found.map((d, i) => (
                <li>
                  <input type="checkbox" id={`feed-${i}`} name="feed" value={`${d.kind}|${d.url}`} checked />{' '}
                  <label
                    for={`feed-${i}`}
                    safe
                  >{`${t(`feed.kind.${d.kind}`)} · ${d.title ?? d.url} · ${t('sources.items', { n: d.itemCount })}`}</label>
                  <br />
                  <small safe>{d.url}</small>
                </li>
              ))}
            </ul>
            <input type="hidden" name="url" value={props.form.values.url ?? ''} />
            <Field {...f} name="name" label={t('sources.name')} required />
            <Field
              {...f}
              name="homepage"
              label={t('sources.homepage')}
              type="url"
              required
              maxlength={2000}
            />
            <Field {...f} name="country" label={t('sources.country')} required maxlength={2} />
            <Field {...f} name="lang" label={t('sources.lang')} required maxlength={2} />
            <div class="field">
              <label for="f-kind" safe>
                {t('sources.kind')}
              </label>
              <select id="f-kind" name="kind">
                {KINDS.map((k) => (
                  <option value={k} selected={props.form.values.kind === k} safe>
                    {t(`sources.kind.${k}`)}
                  </option>
                ))}
              </select>
            </div>
            <Field {...f} name="collection" label={t('sources.collection')} />
            <Field {...f} name="listing" label={t('sources.listing')} type="url" maxlength={2000} />
            <Field {...f} name="selector" label={t('sources.selector')} maxlength={500} />
          </Form>
        </section>
      )}
    </Layout>
  )
}

const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '')
const list = (v: unknown) =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : []

/** Guesses for the review form: the site's name from its first feed's title, country/lang from the host. */
function guessValues(url: string, found: FeedCandidate[]): Record<string, string> {
  const u = new URL(url)
  const vn = u.hostname.endsWith('.vn')
  return {
    url,
    name: found[0]?.title ?? u.hostname,
    homepage: `${u.protocol}//${u.host}/`,
    country: vn ? 'VN' : '',
    lang: vn ? 'vi' : 'en',
    kind: vn ? 'domestic' : 'foreign',
  }
}

export function registerSourcesNew(app: FastifyInstance, ctx: AppContext) {
  const access = { config: { access: 'sources.manage' as const } }
  app.get('/sources/new', access, async (req, reply) =>
    reply.html(<NewSourcePage req={req} reply={reply} form={emptyForm()} found={null} />),
  )

  app.post('/sources/discover', access, async (req, reply) => {
    const url = str((req.body as Record<string, unknown>)?.url)
    let parsed: URL | null = null
    try {
      parsed = new URL(url)
    } catch {}
    if (!parsed || !['http:', 'https:'].includes(parsed.protocol)) {
      reply.status(400)
      return reply.html(
        <NewSourcePage
          req={req}
          reply={reply}
          form={{ values: { url }, problems: [{ field: 'url', key: 'field.url' }] }}
          found={null}
        />,
      )
    }
    const http = createHttpClient({ ...ctx.config, fetchMinDelayMs: 0 })
    try {
      const found = await discoverFeeds(parsed.href, http.client)
      return reply.html(
        <NewSourcePage
          req={req}
          reply={reply}
          form={emptyForm(guessValues(parsed.href, found))}
          found={found}
        />,
      )
    } catch (e) {
      const g = classifyFetchError(e)
      reply.status(422)
      const key = g.code === 'FETCH_BLOCKED' ? 'error.FETCH_BLOCKED' : 'error.FETCH_FAILED'
      return reply.html(
        <NewSourcePage
          req={req}
          reply={reply}
          form={{ values: { url }, problems: [{ field: 'url', key }] }}
          found={null}
        />,
      )
    } finally {
      await http.fetcher.close()
    }
  })

  app.post('/sources', access, async (req, reply) => {
    const b = (req.body ?? {}) as Record<string, unknown>
    const values = Object.fromEntries(
      ['url', 'name', 'homepage', 'country', 'lang', 'kind', 'collection', 'listing', 'selector'].map((k) => [
        k,
        str(b[k]),
      ]),
    )
    const feeds = list(b.feed).map((v) => {
      const [kind, ...rest] = v.split('|')
      return { kind: kind ?? '', url: rest.join('|') }
    })
    if (values.listing)
      feeds.push({
        kind: 'listing',
        url: values.listing,
        ...(values.selector ? { selector: values.selector } : {}),
      } as never)
    try {
      await addSource(
        ctx.store.db,
        { ...values, country: (values.country ?? '').toUpperCase(), feeds },
        { userId: req.user?.id ?? null, actor: req.user?.email ?? '', ip: req.ip },
      )
      return reply.redirect('/sources?ok=sources.created')
    } catch (e) {
      if (!isAppError(e) || e.code !== 'VALIDATION_FAILED') throw e
      reply.status(400)
      const found = feeds
        .filter((f) => f.kind !== 'listing')
        .map((f) => ({
          url: f.url,
          kind: f.kind as FeedCandidate['kind'],
          format: 'rss' as const,
          title: null,
          itemCount: 0,
        }))
      return reply.html(
        <NewSourcePage
          req={req}
          reply={reply}
          form={{ values, problems: e.fields, message: req.t('error.VALIDATION_FAILED') }}
          found={found}
        />,
      )
    }
  })
}
