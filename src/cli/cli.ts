import { Command } from 'commander'
import { isAppError } from '../shared/errors.js'
import { registerAnalyze } from './commands/analyze.js'
import { registerBackup } from './commands/backup.js'
import { registerClassify } from './commands/classify.js'
import { registerConfig } from './commands/config.js'
import { registerExtract } from './commands/extract.js'
import { registerGazetteer } from './commands/gazetteer.js'
import { registerIngest } from './commands/ingest.js'
import { registerMigrate } from './commands/migrate.js'
import { registerSearch } from './commands/search.js'
import { registerSegment } from './commands/segment.js'
import { registerServe } from './commands/serve.js'
import { registerUser } from './commands/user.js'
import { registerWorker } from './commands/worker.js'
import { cliTranslator } from './messages.js'

/** `haidang …`: every command is registered here; each lives in commands/<name>.ts. */
export function buildCli(argv: string[], env: NodeJS.ProcessEnv): Command {
  const t = cliTranslator(argv, env)
  const program = new Command('haidang')
    .description(t('cli.description'))
    .option('--lang <lang>', t('opt.lang'))
    .option('--config <file>', t('opt.config'))
    .helpOption('-h, --help', t('opt.help'))
    .helpCommand('help [command]', t('opt.help_command'))
    .showHelpAfterError()
  for (const register of [
    registerServe,
    registerWorker,
    registerMigrate,
    registerUser,
    registerBackup,
    registerConfig,
    registerIngest,
    registerExtract,
    registerAnalyze,
    registerSegment,
    registerClassify,
    registerGazetteer,
    registerSearch,
  ]) {
    register(program, t)
  }
  return program
}

export async function main(argv = process.argv, env = process.env): Promise<void> {
  const t = cliTranslator(argv, env)
  try {
    await buildCli(argv, env).parseAsync(argv)
  } catch (e) {
    const code = isAppError(e) ? e.code : 'INTERNAL'
    process.stderr.write(`${t('error.prefix')} [${code}]: ${(e as Error).message}\n`)
    process.exitCode = isAppError(e) && e.code === 'CONFIG_INVALID' ? 78 : 1
  }
}
