import type { Command } from 'commander'
import { commandContext } from '../context.js'
import type { CliT } from '../messages.js'

export function registerMigrate(program: Command, t: CliT) {
  program
    .command('migrate')
    .description(t('migrate.description'))
    .option('--db <db>', t('opt.db'))
    .action(async (_opts: unknown, cmd: Command) => {
      const { openDatabase } = await import('../../db/database.js')
      const { migrateToLatest } = await import('../../db/migrate.js')
      const { config } = commandContext(cmd)
      const store = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir })
      try {
        const applied = await migrateToLatest(store.db, store.dialect)
        process.stdout.write(`${t('migrate.done', { n: applied.length })}\n`)
      } finally {
        await store.close()
      }
    })
}
