import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { createUser } from '../../accounts/create-user.js'
import { setUserDisabled, setUserPassword, setUserRole } from '../../accounts/manage-user.js'
import { listUsers, ROLES, type UserRow } from '../../db/tables/users.js'
import { isAppError } from '../../shared/errors.js'
import { formatDateTime } from '../../shared/time.js'
import type { AppContext } from '../context.js'
import { type PageCtx, pageCtx } from '../page-context.js'
import { emptyForm, Field, Form, type FormState } from '../views/form.js'
import { Layout } from '../views/layout.js'
import { actorOf, str } from '../request-input.js'

const PAGE_SIZE = 50

function UserRowView(props: { ctx: PageCtx; u: UserRow }) {
  const { ctx, u } = props
  const { t } = ctx
  return (
    <tr>
      <td safe>{u.name}</td>
      <td safe>{u.email}</td>
      <td>
        <form method="post" action={`/admin/users/${u.id}/role`} class="inline">
          <input type="hidden" name="_csrf" value={ctx.csrf} />
          <label class="sr-only" for={`role-${u.id}`} safe>
            {t('users.set_role')}
          </label>
          <select id={`role-${u.id}`} name="role">
            {ROLES.map((r) => (
              <option value={r} selected={r === u.role} safe>
                {t(`role.${r}`)}
              </option>
            ))}
          </select>
          <button type="submit" safe>
            {t('common.save')}
          </button>
        </form>
      </td>
      <td safe>{u.disabled ? t('user.disabled') : t('user.active')}</td>
      <td>{u.last_login_at ? formatDateTime(u.last_login_at) : '—'}</td>
      <td>
        <form
          method="post"
          action={`/admin/users/${u.id}/${u.disabled ? 'enable' : 'disable'}`}
          class="inline"
        >
          <input type="hidden" name="_csrf" value={ctx.csrf} />
          <button type="submit" safe>
            {u.disabled ? t('users.enable') : t('users.disable')}
          </button>
        </form>
      </td>
    </tr>
  )
}

function UsersPage(props: { req: FastifyRequest; reply: FastifyReply; users: UserRow[]; form: FormState }) {
  const ctx = pageCtx(props.req, props.reply)
  const { t } = ctx
  const f = { ctx, form: props.form }
  return (
    <Layout ctx={ctx} title={t('users.title')}>
      <h1 safe>{t('users.title')}</h1>
      <table>
        <thead>
          <tr>
            {['user.name', 'user.email', 'user.role', 'user.status', 'user.last_login', 'common.actions'].map(
              (k) => (
                <th scope="col" safe>
                  {t(k)}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody>
          {props.users.map((u) => (
            <UserRowView ctx={ctx} u={u} />
          ))}
        </tbody>
      </table>
      <section class="card">
        <h2 safe>{t('users.add')}</h2>
        <Form ctx={ctx} form={props.form} action="/admin/users" submit={t('users.add')}>
          <Field {...f} name="name" label={t('user.name')} required />
          <Field {...f} name="email" label={t('user.email')} type="email" required />
          <div class="field">
            <label for="f-role" safe>
              {t('user.role')}
            </label>
            <select id="f-role" name="role">
              {ROLES.map((r) => (
                <option value={r} selected={r === (props.form.values.role ?? 'analyst')} safe>
                  {t(`role.${r}`)}
                </option>
              ))}
            </select>
          </div>
          <Field
            {...f}
            name="password"
            label={t('user.password')}
            type="password"
            required
            autocomplete="new-password"
          />
        </Form>
      </section>
    </Layout>
  )
}

export function registerUsers(app: FastifyInstance, ctx: AppContext) {
  const access = { config: { access: 'users.manage' as const } }
  const list = () => listUsers(ctx.store.db, { limit: PAGE_SIZE * 20 })

  app.get('/admin/users', access, async (req, reply) =>
    reply.html(
      <UsersPage req={req} reply={reply} users={await list()} form={emptyForm({ role: 'analyst' })} />,
    ),
  )

  app.post('/admin/users', access, async (req, reply) => {
    const b = (req.body ?? {}) as Record<string, unknown>
    const values = { name: str(b.name), email: str(b.email), role: str(b.role), password: str(b.password) }
    try {
      await createUser(ctx.store.db, { ...values, locale: 'vi' }, actorOf(req))
      return reply.redirect('/admin/users?ok=users.created')
    } catch (e) {
      if (!isAppError(e) || (e.code !== 'VALIDATION_FAILED' && e.code !== 'CONFLICT')) throw e
      reply.status(e.status)
      return reply.html(
        <UsersPage
          req={req}
          reply={reply}
          users={await list()}
          form={{ values, problems: e.fields, message: req.t(`error.${e.code}`) }}
        />,
      )
    }
  })

  app.post<{ Params: { id: string } }>('/admin/users/:id/role', access, async (req, reply) => {
    await setUserRole(
      ctx.store.db,
      Number(req.params.id),
      str((req.body as Record<string, unknown>)?.role),
      actorOf(req),
    )
    return reply.redirect('/admin/users?ok=users.updated')
  })
  app.post<{ Params: { id: string } }>('/admin/users/:id/password', access, async (req, reply) => {
    await setUserPassword(
      ctx.store.db,
      Number(req.params.id),
      str((req.body as Record<string, unknown>)?.password),
      actorOf(req),
    )
    return reply.redirect('/admin/users?ok=users.updated')
  })
  for (const verb of ['disable', 'enable'] as const) {
    app.post<{ Params: { id: string } }>(`/admin/users/:id/${verb}`, access, async (req, reply) => {
      await setUserDisabled(ctx.store.db, Number(req.params.id), verb === 'disable', actorOf(req))
      return reply.redirect('/admin/users?ok=users.updated')
    })
  }
}
