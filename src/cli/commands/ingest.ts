import { setTimeout as sleep } from 'node:timers/promises'
import type { Command } from 'commander'
import { commandContext } from '../context.js'
import type { CliT } from '../messages.js'
import { progress } from '../progress.js'

/** Between passes of a continuous run; each feed still waits for its own interval. */
const PASS_EVERY_MS = 60_000

export function registerIngest(program: Command, t: CliT) {
  program
    .command('ingest')
    .description(t('ingest.description'))
    .option('--once', t('ingest.once'))
    .option('--force', t('ingest.force'))
    .option('--source <id>', t('ingest.source'))
    .option('--db <db>', t('opt.db'))
    .action(async (o: { once?: boolean; force?: boolean; source?: string }, cmd: Command) => {
      const { createIngestContext } = await import('../../ingest/ingest-context.js')
      const { runIngest } = await import('../../ingest/run-ingest.js')
      const { openRuntime } = await import('../runtime.js')
      const { config, log } = commandContext(cmd)
      const rt = await openRuntime(config, log)
      const ctx = createIngestContext(config, rt.store.db, log)
      let stop = false
      process.once('SIGINT', () => {
        stop = true
      })
      try {
        do {
          let total = 0
          const bar = progress(t('ingest.articles'), 0, log)
          const summary = await runIngest(ctx, {
            force: o.force ?? false,
            sourceId: o.source ? Number(o.source) : undefined,
            onProgress: (e) => {
              if (e.kind === 'total') {
                total += e.n
                bar.setTotal(total)
              } else bar.tick()
            },
          })
          bar.stop()
          process.stdout.write(`${t('ingest.summary', { ...summary })}\n`)
          if (o.once || stop) break
          await sleep(PASS_EVERY_MS)
        } while (!stop)
      } finally {
        await ctx.fetcher.close()
        await rt.close()
      }
    })
}
