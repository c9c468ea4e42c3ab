import type { Command } from 'commander'
import { commandContext } from '../context.js'
import type { CliT } from '../messages.js'

export function registerServe(program: Command, t: CliT) {
  program
    .command('serve')
    .description(t('serve.description'))
    .option('--demo', t('serve.demo'))
    .option('--port <port>', t('serve.port'))
    .option('--host <host>', t('serve.host'))
    .option('--db <db>', t('opt.db'))
    .action(async (opts: { demo?: boolean; port?: string; host?: string }, cmd: Command) => {
      const { demoOrigin, loadDemo } = await import('../../demo/load-demo.js')
      const { getSetting } = await import('../../db/tables/settings.js')
      const { buildApp } = await import('../../web/app.js')
      const { openRuntime } = await import('../runtime.js')
      const { config, log } = commandContext(cmd, {
        ...(opts.port ? { port: opts.port } : {}),
        ...(opts.host ? { host: opts.host } : {}),
      })
      const rt = await openRuntime(config, log)
      // A demo instance lets its fetcher reach the demo press site, and only that loopback origin.
      const demoActive = opts.demo === true || (await getSetting(rt.store.db, 'demo.loaded_at')) !== undefined
      const taskConfig = demoActive
        ? {
            ...config,
            fetchAllowPrivate: [config.fetchAllowPrivate, demoOrigin(config)].filter(Boolean).join(','),
            fetchMinDelayMs: 0,
          }
        : config
      const closers: (() => Promise<void>)[] = []
      const demo = async () => {
        const site = await loadDemo({ config, store: rt.store, log })
        closers.push(() => site.close())
      }
      const app = await buildApp({ config, store: rt.store, log, queue: rt.queue, loadDemo: demo })
      if (config.runJobsInWeb && config.workers > 0) await rt.startWorkers(config.workers, taskConfig)
      const shutdown = async (signal: string) => {
        log.info({ signal }, 'shutting down')
        await app.close()
        for (const close of closers) await close().catch(() => {})
        await rt.close()
        process.exit(0)
      }
      process.once('SIGINT', () => void shutdown('SIGINT'))
      process.once('SIGTERM', () => void shutdown('SIGTERM'))
      await app.listen({ host: config.host, port: config.port })
      const addr = app.server.address()
      const port = typeof addr === 'object' && addr ? addr.port : config.port
      log.info(
        { url: `http://${config.host}:${port}`, database: rt.store.dialect, location: rt.store.location },
        'listening',
      )
      process.stdout.write(`${t('serve.listening', { url: `http://${config.host}:${port}` })}\n`)
      if (demoActive) void demo().catch((e: unknown) => log.error({ err: e }, 'demo load failed'))
    })
}
