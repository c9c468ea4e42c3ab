import type { FastifyInstance } from 'fastify'
import { listAudit } from '../../db/tables/audit-log.js'
import { formatDateTime } from '../../shared/time.js'
import type { AppContext } from '../context.js'
import { pageCtx } from '../page-context.js'
import { Pager } from '../views/form.js'
import { Layout } from '../views/layout.js'
import { TableHead } from '../views/table-head.js'

const PAGE_SIZE = 50

const change = (before: string | null, after: string | null) =>
  [before ? `− ${before}` : '', after ? `+ ${after}` : ''].filter(Boolean).join('\n')

export function registerAudit(app: FastifyInstance, ctx: AppContext) {
  app.get<{ Querystring: { page?: string } }>(
    '/admin/audit',
    { config: { access: 'audit.view' } },
    async (req, reply) => {
      const page = Math.max(1, Math.min(10_000, Number.parseInt(req.query.page ?? '1', 10) || 1))
      const rows = await listAudit(ctx.store.db, { limit: PAGE_SIZE + 1, offset: (page - 1) * PAGE_SIZE })
      const p = pageCtx(req, reply)
      const { t } = p
      return reply.html(
        <Layout ctx={p} title={t('audit.title')}>
          <h1 safe>{t('audit.title')}</h1>
          {rows.length === 0 ? <p safe>{t('common.none')}</p> : ''}
          <table>
            <TableHead
              t={t}
              keys={['audit.at', 'audit.actor', 'audit.action', 'audit.entity', 'audit.change']}
            />
            <tbody>
              {rows.slice(0, PAGE_SIZE).map((r) => (
                <tr>
                  <td safe>{formatDateTime(r.at)}</td>
                  <td safe>{r.actor}</td>
                  <td>
                    <code safe>{r.action}</code>
                  </td>
                  <td safe>{`${r.entity}${r.entity_id ? ` #${r.entity_id}` : ''}`}</td>
                  <td>
                    <pre safe>{change(r.before_json, r.after_json)}</pre>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager ctx={p} page={page} hasNext={rows.length > PAGE_SIZE} base="/admin/audit" />
        </Layout>,
      )
    },
  )
}
