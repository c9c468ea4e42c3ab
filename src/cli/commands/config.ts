import type { Command } from 'commander'
import { configDocs } from '../../config/load-config.js'
import { redactUrl } from '../../db/database.js'
import { commandContext } from '../context.js'
import type { CliT } from '../messages.js'

export function registerConfig(program: Command, t: CliT) {
  program
    .command('config')
    .description(t('config.description'))
    .option('--docs', 'Markdown')
    .action(async (opts: { docs?: boolean }, cmd: Command) => {
      if (opts.docs) {
        process.stdout.write(`${configDocs()}\n`)
        return
      }
      const { config } = commandContext(cmd)
      const shown = {
        ...config,
        databaseUrl: redactUrl(config.databaseUrl),
        smtpUrl: redactUrl(config.smtpUrl),
      }
      process.stdout.write(`${JSON.stringify(shown, null, 2)}\n`)
    })
}
