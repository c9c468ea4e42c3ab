import type { FastifyInstance } from 'fastify'
import { findHomeLocality } from '../../db/tables/localities.js'
import { getSetting } from '../../db/tables/settings.js'
import { countUsers } from '../../db/tables/users.js'
import { countOpenJobs } from '../../db/tables/jobs.js'
import type { AppContext } from '../context.js'
import { pageCtx } from '../page-context.js'
import { Layout } from '../views/layout.js'

export function registerHome(app: FastifyInstance, ctx: AppContext) {
  app.get('/', { config: { access: 'workspace.view' } }, async (req, reply) => {
    const db = ctx.store.db
    const [office, home, users, jobs] = await Promise.all([
      getSetting<{ name: string }>(db, 'office'),
      findHomeLocality(db),
      countUsers(db),
      countOpenJobs(db),
    ])
    const p = pageCtx(req, reply)
    const { t } = p
    return reply.html(
      <Layout ctx={p} title={t('home.title')}>
        <h1 safe>{t('home.title')}</h1>
        <p safe>{t('home.welcome', { name: req.user?.name ?? '' })}</p>
        <dl class="facts">
          <dt safe>{t('home.office')}</dt>
          <dd safe>{office?.name ?? ''}</dd>
          <dt safe>{t('home.locality')}</dt>
          <dd safe>{home?.name ?? ''}</dd>
          <dt safe>{t('home.users')}</dt>
          <dd>{users}</dd>
          <dt safe>{t('home.jobs')}</dt>
          <dd>{jobs}</dd>
        </dl>
      </Layout>,
    )
  })
}
