import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { login } from '../../accounts/login.js'
import { endSession } from '../../accounts/sessions.js'
import { isAppError } from '../../shared/errors.js'
import type { AppContext } from '../context.js'
import { pageCtx } from '../page-context.js'
import { clearSessionCookie, setLangCookie, setSessionCookie } from '../session-cookie.js'
import { emptyForm, Field, Form, type FormState } from '../views/form.js'
import { Layout } from '../views/layout.js'
import { safeNext } from './lang.js'
import { str } from '../request-input.js'

function LoginPage(props: { req: FastifyRequest; reply: FastifyReply; form: FormState }) {
  const ctx = pageCtx(props.req, props.reply)
  const { t } = ctx
  return (
    <Layout ctx={ctx} title={t('login.title')}>
      <section class="card narrow">
        <h1 safe>{t('login.title')}</h1>
        <Form ctx={ctx} form={props.form} action="/login" submit={t('login.submit')}>
          <input type="hidden" name="next" value={props.form.values.next ?? '/'} />
          <Field
            ctx={ctx}
            form={props.form}
            name="email"
            label={t('login.email')}
            type="email"
            required
            autocomplete="username"
          />
          <Field
            ctx={ctx}
            form={props.form}
            name="password"
            label={t('login.password')}
            type="password"
            required
            autocomplete="current-password"
          />
        </Form>
      </section>
    </Layout>
  )
}

export function registerLogin(app: FastifyInstance, ctx: AppContext) {
  app.get<{ Querystring: { next?: string } }>(
    '/login',
    { config: { access: 'public' } },
    async (req, reply) => {
      if (req.user) return reply.redirect(safeNext(req.query.next))
      return reply.html(
        <LoginPage req={req} reply={reply} form={emptyForm({ next: safeNext(req.query.next) })} />,
      )
    },
  )

  // Per-address burst limit in memory; per-account failure counting (10 by default) is in the database.
  app.post(
    '/login',
    { config: { access: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } } },
    async (req, reply) => {
      const body = (req.body ?? {}) as Record<string, unknown>
      const values = { email: str(body.email).slice(0, 254), next: safeNext(body.next) }
      try {
        const policy = {
          maxAttempts: ctx.config.loginMaxAttempts,
          windowMinutes: ctx.config.loginWindowMinutes,
          sessionDays: ctx.config.sessionDays,
        }
        const r = await login(
          ctx.store.db,
          {
            email: values.email,
            password: str(body.password).slice(0, 500),
            ip: req.ip,
            userAgent: req.headers['user-agent'] ?? null,
          },
          policy,
        )
        setSessionCookie(ctx, reply, r.token)
        setLangCookie(reply, r.locale)
        return reply.redirect(values.next)
      } catch (e) {
        if (!isAppError(e) || (e.code !== 'LOGIN_FAILED' && e.code !== 'RATE_LIMITED')) throw e
        ctx.log.info({ error_code: e.code, ip: req.ip }, 'login refused')
        reply.status(e.status)
        if (e.code === 'RATE_LIMITED') reply.header('retry-after', String(ctx.config.loginWindowMinutes * 60))
        const message = req.t(`error.${e.code}`, { minutes: ctx.config.loginWindowMinutes })
        return reply.html(<LoginPage req={req} reply={reply} form={{ values, problems: [], message }} />)
      }
    },
  )

  app.post('/logout', { config: { access: 'authenticated' } }, async (req, reply) => {
    if (req.user) await endSession(ctx.store.db, req.user.sessionId)
    clearSessionCookie(reply)
    return reply.redirect('/login')
  })
}
