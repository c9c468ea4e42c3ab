import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { removeWebhookFromRules } from '../../../monitor/store/alert-rules.js'
import { outboxBacklog, retryOutboxNow } from '../../../monitor/store/outbox.js'
import {
  createWebhook,
  deleteWebhook,
  findWebhook,
  listWebhooks,
  setWebhookEnabled,
} from '../../../monitor/store/webhooks.js'
import { readWebhookForm } from '../../../monitor/webhook-input.js'
import { AppError, isAppError } from '../../../shared/errors.js'
import { formatDateTime } from '../../../shared/time.js'
import type { AppContext } from '../../context.js'
import { pageCtx } from '../../page-context.js'
import { emptyForm, Field, Form, type FormState, Pager } from '../../views/form.js'
import { Layout } from '../../views/layout.js'
import { TableHead } from '../../views/table-head.js'
import { auditChange, idParam } from './audit.js'

const OUTBOX_PAGE = 50
const access = { config: { access: 'settings.manage' as const } }
type IdParams = { Params: { id: string } }

const CREATED_COOKIE = 'hd_new_webhook'

/** The just-created webhook's name and secret, once: the cookie is cleared as it is read. */
function takeCreated(req: FastifyRequest, reply: FastifyReply): { name: string; secret: string } | undefined {
  const raw = req.cookies[CREATED_COOKIE]
  if (!raw) return undefined
  reply.clearCookie(CREATED_COOKIE, { path: '/admin/webhooks' })
  const u = req.unsignCookie(raw)
  if (!u.valid || !u.value) return undefined
  try {
    const v = JSON.parse(u.value) as { name?: unknown; secret?: unknown }
    return typeof v.name === 'string' && typeof v.secret === 'string'
      ? { name: v.name, secret: v.secret }
      : undefined
  } catch {
    return undefined
  }
}

/** `/admin/webhooks`: the webhooks (secret shown once, on creation) and the outbox's waiting and failed entries. */
export function registerWebhooks(app: FastifyInstance, ctx: AppContext) {
  const db = ctx.store.db
  const render = async (
    req: FastifyRequest,
    reply: FastifyReply,
    form: FormState,
    created?: { name: string; secret: string },
  ) => {
    const page = Math.max(
      1,
      Math.min(1000, Number.parseInt((req.query as { page?: string }).page ?? '1', 10) || 1),
    )
    const [hooks, outbox] = await Promise.all([
      listWebhooks(db),
      outboxBacklog(db, { limit: OUTBOX_PAGE + 1, offset: (page - 1) * OUTBOX_PAGE }),
    ])
    const p = pageCtx(req, reply)
    const { t } = p
    const hookName = (target: string) => hooks.find((h) => String(h.id) === target)?.name ?? `#${target}`
    return reply.html(
      <Layout ctx={p} title={t('webhooks.title')}>
        <h1 safe>{t('webhooks.title')}</h1>
        <p class="help" safe>
          {t('webhooks.intro')}
        </p>
        {created ? (
          <div class="card secret">
            <p safe>{`${created.name} — ${t('webhooks.secret_once')}`}</p>
            <pre>
              <code id="webhook-secret" safe>
                {created.secret}
              </code>
            </pre>
          </div>
        ) : (
          ''
        )}
        {hooks.length === 0 ? <p safe>{t('webhooks.none')}</p> : ''}
        <table class="webhooks">
          <TableHead
            t={t}
            keys={[
              'webhooks.name',
              'webhooks.url',
              'webhooks.status',
              'webhooks.created_at',
              'common.actions',
            ]}
          />
          <tbody>
            {hooks.map((h) => (
              <tr data-id={String(h.id)}>
                <td safe>{h.name}</td>
                <td>
                  <code safe>{h.url}</code>
                </td>
                <td safe>{h.enabled ? t('webhooks.enabled') : t('webhooks.disabled')}</td>
                <td safe>{formatDateTime(h.created_at)}</td>
                <td>
                  <form method="post" action={`/admin/webhooks/${h.id}/toggle`} class="inline">
                    <input type="hidden" name="_csrf" value={p.csrf} />
                    <button type="submit" class="link" safe>
                      {h.enabled ? t('webhooks.disable') : t('webhooks.enable')}
                    </button>
                  </form>{' '}
                  <form method="post" action={`/admin/webhooks/${h.id}/delete`} class="inline">
                    <input type="hidden" name="_csrf" value={p.csrf} />
                    <button type="submit" class="link" safe>
                      {t('webhooks.delete')}
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <section class="card">
          <h2 safe>{t('webhooks.create_title')}</h2>
          <Form ctx={p} form={form} action="/admin/webhooks" submit={t('webhooks.create')}>
            <Field ctx={p} form={form} name="name" label={t('webhooks.name')} required />
            <Field
              ctx={p}
              form={form}
              name="url"
              label={t('webhooks.url')}
              type="url"
              required
              maxlength={2000}
            />
          </Form>
        </section>
        <section>
          <h2 safe>{t('webhooks.outbox')}</h2>
          {outbox.length === 0 ? <p safe>{t('webhooks.outbox_none')}</p> : ''}
          <table class="outbox">
            <TableHead
              t={t}
              keys={[
                'webhooks.status',
                'webhooks.channel',
                'webhooks.target',
                'webhooks.attempts',
                'webhooks.next_attempt',
                'webhooks.last_error',
                'common.actions',
              ]}
            />
            <tbody>
              {outbox.slice(0, OUTBOX_PAGE).map((o) => (
                <tr data-id={String(o.id)} class={o.status}>
                  <td safe>{t(`webhooks.outbox_status.${o.status}`)}</td>
                  <td safe>{t(`webhooks.channel.${o.channel}`)}</td>
                  <td safe>{o.channel === 'webhook' ? hookName(o.target) : o.target}</td>
                  <td>{o.attempts}</td>
                  <td>{o.status === 'pending' ? formatDateTime(o.next_attempt_at) : '—'}</td>
                  <td safe>{o.last_error ?? ''}</td>
                  <td>
                    {o.status === 'failed' ? (
                      <form method="post" action={`/admin/outbox/${o.id}/retry`} class="inline">
                        <input type="hidden" name="_csrf" value={p.csrf} />
                        <button type="submit" class="link" safe>
                          {t('webhooks.retry')}
                        </button>
                      </form>
                    ) : (
                      ''
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager ctx={p} page={page} hasNext={outbox.length > OUTBOX_PAGE} base="/admin/webhooks" />
        </section>
      </Layout>,
    )
  }

  app.get('/admin/webhooks', access, (req, reply) => {
    const created = takeCreated(req, reply)
    if (created) reply.header('cache-control', 'no-store')
    return render(req, reply, emptyForm(), created)
  })

  app.post('/admin/webhooks', access, async (req, reply) => {
    const body = (req.body ?? {}) as Record<string, unknown>
    try {
      const input = readWebhookForm(body)
      const hook = await createWebhook(db, input)
      await auditChange(ctx, req, {
        action: 'webhook.create',
        entity: 'webhook',
        entityId: hook.id,
        after: input,
      })
      // The secret rides to the next page in a signed, short-lived cookie the page then clears: never
      // in a URL, a log or the audit record, and a reload neither shows it again nor re-creates the hook.
      reply.setCookie(CREATED_COOKIE, JSON.stringify({ name: hook.name, secret: hook.secret }), {
        signed: true,
        httpOnly: true,
        sameSite: 'strict',
        path: '/admin/webhooks',
        maxAge: 120,
        secure: ctx.config.cookieSecure,
      })
      return reply.redirect('/admin/webhooks?ok=webhooks.created')
    } catch (e) {
      if (!isAppError(e) || e.code !== 'VALIDATION_FAILED') throw e
      reply.status(400)
      const values = {
        name: typeof body.name === 'string' ? body.name : '',
        url: typeof body.url === 'string' ? body.url : '',
      }
      return render(req, reply, { values, problems: e.fields, message: req.t('error.VALIDATION_FAILED') })
    }
  })

  const existing = async (idText: string) => {
    const id = idParam(idText)
    const hook = id === null ? undefined : await findWebhook(db, id)
    if (!hook) throw new AppError('NOT_FOUND', 'no such webhook')
    return hook
  }

  app.post<IdParams>('/admin/webhooks/:id/toggle', access, async (req, reply) => {
    const hook = await existing(req.params.id)
    const enabled = hook.enabled !== 1
    await setWebhookEnabled(db, hook.id, enabled)
    await auditChange(ctx, req, {
      action: enabled ? 'webhook.enable' : 'webhook.disable',
      entity: 'webhook',
      entityId: hook.id,
    })
    return reply.redirect('/admin/webhooks?ok=webhooks.updated')
  })

  app.post<IdParams>('/admin/webhooks/:id/delete', access, async (req, reply) => {
    const hook = await existing(req.params.id)
    await db.transaction().execute(async (trx) => {
      await removeWebhookFromRules(trx, hook.id)
      await deleteWebhook(trx, hook.id)
    })
    await auditChange(ctx, req, {
      action: 'webhook.delete',
      entity: 'webhook',
      entityId: hook.id,
      before: { name: hook.name, url: hook.url },
    })
    return reply.redirect('/admin/webhooks?ok=webhooks.deleted')
  })

  app.post<IdParams>('/admin/outbox/:id/retry', access, async (req, reply) => {
    const id = idParam(req.params.id)
    if (id === null || !(await retryOutboxNow(db, id, new Date())))
      throw new AppError('NOT_FOUND', 'no failed delivery with this id')
    await auditChange(ctx, req, { action: 'outbox.retry', entity: 'outbox', entityId: id })
    return reply.redirect('/admin/webhooks?ok=webhooks.retried')
  })
}
