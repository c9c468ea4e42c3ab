import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { isSetUp, runSetup } from '../../accounts/setup.js'
import { isAppError } from '../../shared/errors.js'
import type { AppContext } from '../context.js'
import { pageCtx } from '../page-context.js'
import { emptyForm, Field, Form, type FormState } from '../views/form.js'
import { Layout } from '../views/layout.js'

function SetupPage(props: { req: FastifyRequest; reply: FastifyReply; form: FormState }) {
  const ctx = pageCtx(props.req, props.reply)
  const { t } = ctx
  const f = { ctx, form: props.form }
  return (
    <Layout ctx={ctx} title={t('setup.title')}>
      <section class="card narrow">
        <h1 safe>{t('setup.title')}</h1>
        <p safe>{t('setup.intro')}</p>
        <Form ctx={ctx} form={props.form} action="/setup" submit={t('setup.submit')}>
          <Field {...f} name="officeName" label={t('setup.office')} required />
          <Field {...f} name="provinceName" label={t('setup.province')} required />
          <Field {...f} name="communeName" label={t('setup.commune')} />
          <Field {...f} name="name" label={t('user.name')} required autocomplete="name" />
          <Field {...f} name="email" label={t('user.email')} type="email" required autocomplete="username" />
          <Field
            {...f}
            name="password"
            label={t('user.password')}
            type="password"
            required
            autocomplete="new-password"
          />
          <Field
            {...f}
            name="passwordConfirm"
            label={t('user.password_confirm')}
            type="password"
            required
            autocomplete="new-password"
          />
          <div class="field check">
            <input
              type="checkbox"
              id="f-demo"
              name="demo"
              value="1"
              checked={props.form.values.demo === '1'}
            />
            <label for="f-demo" safe>
              {t('setup.demo')}
            </label>
          </div>
        </Form>
      </section>
    </Layout>
  )
}

const fields = [
  'officeName',
  'provinceName',
  'communeName',
  'name',
  'email',
  'password',
  'passwordConfirm',
  'demo',
] as const

/** First run only: while no user exists, every page sends people here; afterwards it is gone. */
export function registerSetup(app: FastifyInstance, ctx: AppContext) {
  app.get('/setup', { config: { access: 'public' } }, async (req, reply) => {
    if (await isSetUp(ctx.store.db)) return reply.redirect('/login')
    return reply.html(<SetupPage req={req} reply={reply} form={emptyForm()} />)
  })
  app.post(
    '/setup',
    { config: { access: 'public', rateLimit: { max: 20, timeWindow: '1 minute' } } },
    async (req, reply) => {
      const body = (req.body ?? {}) as Record<string, unknown>
      const values = Object.fromEntries(
        fields.map((k) => [k, typeof body[k] === 'string' ? body[k] : '']),
      ) as Record<string, string>
      try {
        await runSetup(ctx.store.db, { ...values, locale: req.locale }, req.ip)
      } catch (e) {
        if (!isAppError(e) || e.code !== 'VALIDATION_FAILED') throw e
        reply.status(400)
        return reply.html(
          <SetupPage
            req={req}
            reply={reply}
            form={{ values, problems: e.fields, message: req.t('error.VALIDATION_FAILED') }}
          />,
        )
      }
      if (values.demo === '1' && ctx.loadDemo) await ctx.loadDemo()
      return reply.redirect('/login?ok=setup.done')
    },
  )
  // Until setup is done, the app has nothing to show: send every page to the setup form.
  // Once done it never reverts, so the check stops querying after the first success.
  let setUp = false
  app.addHook('onRequest', async (req, reply) => {
    if (setUp) return
    if (
      req.method !== 'GET' ||
      req.url.startsWith('/setup') ||
      req.url.startsWith('/assets/') ||
      req.url.startsWith('/healthz') ||
      req.url.startsWith('/readyz') ||
      req.url.startsWith('/lang/')
    )
      return
    setUp = await isSetUp(ctx.store.db)
    if (!setUp) return reply.redirect('/setup')
  })
}
