import type { Command } from 'commander'
import { commandContext } from '../context.js'
import type { CliT } from '../messages.js'
import { progress } from '../progress.js'

export function registerAnalyze(program: Command, t: CliT) {
  program
    .command('analyze')
    .description(t('analyze.description'))
    .option('--all', t('analyze.all'))
    .option('--db <db>', t('opt.db'))
    .action(async (o: { all?: boolean }, cmd: Command) => {
      const { createAnalyzer } = await import('../../analyze/analyzer.js')
      const { runAnalysis } = await import('../../analyze/run-analysis.js')
      const { loadNewsClassifier } = await import('../../analyze/topics/news-classifier.js')
      const { openRuntime } = await import('../runtime.js')
      const { config, log } = commandContext(cmd)
      const rt = await openRuntime(config, log)
      try {
        const an = await createAnalyzer({ db: rt.store.db, news: loadNewsClassifier })
        let bar: ReturnType<typeof progress> | undefined
        const summary = await runAnalysis(an, rt.store.db, log, {
          all: o.all ?? false,
          onTotal: (n) => {
            bar = progress(t('analyze.articles'), n, log)
          },
          onDone: () => bar?.tick(),
        })
        bar?.stop()
        process.stdout.write(`${t('analyze.summary', { ...summary })}\n`)
      } finally {
        await rt.close()
      }
    })
}
