import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { updateProfile, setUserPassword } from '../../accounts/manage-user.js'
import { verifyPassword } from '../../accounts/passwords.js'
import { findUserById } from '../../db/tables/users.js'
import { AppError, isAppError } from '../../shared/errors.js'
import type { AppContext } from '../context.js'
import { pageCtx } from '../page-context.js'
import { clearSessionCookie, setLangCookie } from '../session-cookie.js'
import { emptyForm, Field, Form, type FormState } from '../views/form.js'
import { Layout } from '../views/layout.js'

function ProfilePage(props: {
  req: FastifyRequest
  reply: FastifyReply
  profile: FormState
  password: FormState
}) {
  const ctx = pageCtx(props.req, props.reply)
  const { t } = ctx
  return (
    <Layout ctx={ctx} title={t('profile.title')}>
      <h1 safe>{t('profile.title')}</h1>
      <section class="card">
        <Form ctx={ctx} form={props.profile} action="/profile" submit={t('profile.save')}>
          <Field ctx={ctx} form={props.profile} name="name" label={t('user.name')} required />
          <div class="field">
            <label for="f-locale" safe>
              {t('user.locale')}
            </label>
            <select id="f-locale" name="locale">
              <option value="vi" selected={props.profile.values.locale === 'vi'}>
                Tiếng Việt
              </option>
              <option value="en" selected={props.profile.values.locale === 'en'}>
                English
              </option>
            </select>
          </div>
        </Form>
      </section>
      <section class="card">
        <h2 safe>{t('profile.change_password')}</h2>
        <Form
          ctx={ctx}
          form={props.password}
          action="/profile/password"
          submit={t('profile.change_password')}
        >
          <Field
            ctx={ctx}
            form={props.password}
            name="current"
            label={t('profile.current_password')}
            type="password"
            required
            autocomplete="current-password"
          />
          <Field
            ctx={ctx}
            form={props.password}
            name="password"
            label={t('profile.new_password')}
            type="password"
            required
            autocomplete="new-password"
          />
        </Form>
      </section>
    </Layout>
  )
}

const str = (v: unknown) => (typeof v === 'string' ? v : '')

export function registerProfile(app: FastifyInstance, ctx: AppContext) {
  const access = { config: { access: 'authenticated' as const } }
  const me = async (req: FastifyRequest) => {
    const u = req.user ? await findUserById(ctx.store.db, req.user.id) : undefined
    if (!u) throw new AppError('UNAUTHENTICATED', 'no user')
    return u
  }
  const actor = (req: FastifyRequest) => ({
    userId: req.user?.id ?? null,
    actor: req.user?.email ?? 'unknown',
    ip: req.ip,
  })

  app.get('/profile', access, async (req, reply) => {
    const u = await me(req)
    return reply.html(
      <ProfilePage
        req={req}
        reply={reply}
        profile={emptyForm({ name: u.name, locale: u.locale })}
        password={emptyForm()}
      />,
    )
  })

  app.post('/profile', access, async (req, reply) => {
    const u = await me(req)
    const b = (req.body ?? {}) as Record<string, unknown>
    const values = { name: str(b.name), locale: str(b.locale) }
    try {
      await updateProfile(ctx.store.db, u.id, values, actor(req))
      setLangCookie(reply, values.locale)
      return reply.redirect('/profile?ok=profile.saved')
    } catch (e) {
      if (!isAppError(e) || e.code !== 'VALIDATION_FAILED') throw e
      reply.status(400)
      return reply.html(
        <ProfilePage
          req={req}
          reply={reply}
          profile={{ values, problems: e.fields, message: req.t('error.VALIDATION_FAILED') }}
          password={emptyForm()}
        />,
      )
    }
  })

  app.post('/profile/password', access, async (req, reply) => {
    const u = await me(req)
    const b = (req.body ?? {}) as Record<string, unknown>
    const profile = emptyForm({ name: u.name, locale: u.locale })
    try {
      if (!(await verifyPassword(u.password_hash, str(b.current)))) {
        throw new AppError('VALIDATION_FAILED', 'wrong current password', {
          fields: [{ field: 'current', key: 'field.password_wrong' }],
        })
      }
      await setUserPassword(ctx.store.db, u.id, str(b.password), actor(req))
      clearSessionCookie(reply)
      return reply.redirect('/login?ok=profile.password_changed')
    } catch (e) {
      if (!isAppError(e) || e.code !== 'VALIDATION_FAILED') throw e
      reply.status(400)
      return reply.html(
        <ProfilePage
          req={req}
          reply={reply}
          profile={profile}
          password={{ values: {}, problems: e.fields, message: req.t('error.VALIDATION_FAILED') }}
        />,
      )
    }
  })
}
