import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { updateProfile, setUserPassword } from '../../accounts/manage-user.js'
import { verifyPassword } from '../../accounts/passwords.js'
import { recordAudit } from '../../db/tables/audit-log.js'
import { findUserById } from '../../db/tables/users.js'
import {
  type NotificationSettings,
  notificationSettings,
  putNotificationSettings,
} from '../../monitor/store/notification-settings.js'
import { AppError, isAppError } from '../../shared/errors.js'
import type { AppContext } from '../context.js'
import { pageCtx } from '../page-context.js'
import { clearSessionCookie, setLangCookie } from '../session-cookie.js'
import { emptyForm, Field, Form, type FormState } from '../views/form.js'
import { Layout } from '../views/layout.js'
import { actorOf, str } from '../request-input.js'

function ProfilePage(props: {
  req: FastifyRequest
  reply: FastifyReply
  profile: FormState
  password: FormState
  mail: NotificationSettings
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
        <h2 safe>{t('notifications.settings')}</h2>
        <p class="help" safe>
          {t('notifications.settings_help')}
        </p>
        <form method="post" action="/profile/notifications">
          <input type="hidden" name="_csrf" value={ctx.csrf} />
          <div class="field check">
            <input
              type="checkbox"
              id="f-alert_email"
              name="alert_email"
              value="1"
              checked={props.mail.alertEmail}
            />
            <label for="f-alert_email" safe>
              {t('notifications.alert_email')}
            </label>
          </div>
          <div class="field check">
            <input
              type="checkbox"
              id="f-digest_email"
              name="digest_email"
              value="1"
              checked={props.mail.digestEmail}
            />
            <label for="f-digest_email" safe>
              {t('notifications.digest_email')}
            </label>
          </div>
          <button type="submit" safe>
            {t('notifications.settings_save')}
          </button>
        </form>
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

export function registerProfile(app: FastifyInstance, ctx: AppContext) {
  const access = { config: { access: 'authenticated' as const } }
  const me = async (req: FastifyRequest) => {
    const u = req.user ? await findUserById(ctx.store.db, req.user.id) : undefined
    if (!u) throw new AppError('UNAUTHENTICATED', 'no user')
    return u
  }

  app.get('/profile', access, async (req, reply) => {
    const u = await me(req)
    return reply.html(
      <ProfilePage
        req={req}
        reply={reply}
        profile={emptyForm({ name: u.name, locale: u.locale })}
        password={emptyForm()}
        mail={await notificationSettings(ctx.store.db, u.id)}
      />,
    )
  })

  app.post('/profile', access, async (req, reply) => {
    const u = await me(req)
    const b = (req.body ?? {}) as Record<string, unknown>
    const values = { name: str(b.name), locale: str(b.locale) }
    try {
      await updateProfile(ctx.store.db, u.id, values, actorOf(req))
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
          mail={await notificationSettings(ctx.store.db, u.id)}
        />,
      )
    }
  })

  app.post('/profile/notifications', access, async (req, reply) => {
    const u = await me(req)
    const b = (req.body ?? {}) as Record<string, unknown>
    const before = await notificationSettings(ctx.store.db, u.id)
    const after = { alertEmail: b.alert_email === '1', digestEmail: b.digest_email === '1' }
    await putNotificationSettings(ctx.store.db, u.id, after)
    await recordAudit(ctx.store.db, {
      ...actorOf(req),
      action: 'notification_settings.update',
      entity: 'user',
      entityId: u.id,
      before,
      after,
    })
    return reply.redirect('/profile?ok=notifications.settings_saved')
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
      await setUserPassword(ctx.store.db, u.id, str(b.password), actorOf(req))
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
          mail={await notificationSettings(ctx.store.db, u.id)}
        />,
      )
    }
  })
}
