import { createMonitorDelivery, monitorTasks } from '../../src/monitor/tasks.js'
import { searchAdapter } from '../../src/monitor/search-adapter.js'
import type { E2eServer } from './e2e-kit.js'

/**
 * The monitoring jobs exactly as the worker builds them (src/jobs/tasks.ts): the real search adapter,
 * the nodemailer mailer for `smtpUrl` (none when empty), the SSRF-guarded webhook client.
 */
export function monitorJobs(server: E2eServer, smtpUrl = '') {
  const delivery = createMonitorDelivery({ smtpUrl, mailFrom: 'canhbao@so.example.vn' })
  const tasks = monitorTasks({
    db: server.store.db,
    search: searchAdapter(server.store, server.ctx.config.queryTimeoutMs),
    log: server.ctx.log,
    publicUrl: server.ctx.config.publicUrl,
    mailer: delivery.mailer,
    webhooks: delivery.webhooks,
  })
  const run = (name: 'monitor.evaluate' | 'monitor.deliver') =>
    tasks[name]!({}, { jobId: `e2e-${name}`, attempt: 1, log: server.ctx.log })
  return {
    evaluate: () => run('monitor.evaluate'),
    deliver: () => run('monitor.deliver'),
    close: delivery.close,
  }
}
