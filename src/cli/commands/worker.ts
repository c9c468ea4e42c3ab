import type { Command } from 'commander'
import { commandContext } from '../context.js'
import type { CliT } from '../messages.js'

export function registerWorker(program: Command, t: CliT) {
  program
    .command('worker')
    .description(t('worker.description'))
    .option('--concurrency <n>', t('worker.concurrency'))
    .option('--db <db>', t('opt.db'))
    .action(async (opts: { concurrency?: string }, cmd: Command) => {
      const { openRuntime } = await import('../runtime.js')
      const { config, log } = commandContext(cmd, opts.concurrency ? { workers: opts.concurrency } : {})
      const rt = await openRuntime(config, log)
      await rt.startWorkers(Math.max(1, config.workers))
      log.info({ queue: rt.queue.kind, concurrency: config.workers }, 'worker started')
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve)
        process.once('SIGTERM', resolve)
      })
      await rt.close()
    })
}
