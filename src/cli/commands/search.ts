import { createReadStream } from 'node:fs'
import type { Command } from 'commander'
import { commandContext } from '../context.js'
import type { Logger } from '../../shared/logger.js'
import type { CliT } from '../messages.js'
import { progress } from '../progress.js'
import { queryErrorText } from '../query-error-text.js'
import type { Runtime } from '../runtime.js'

/**
 * `haidang import FILE.jsonl --db PATH` and `haidang search "<query>" --db PATH --count | --format
 * jsonl [--limit N]` (stable interfaces, see DESIGN.md). Import indexes as it goes, then analyzes
 * the new articles (skip with --no-analyze).
 */
export function registerSearch(program: Command, t: CliT) {
  program
    .command('import <file>')
    .description(t('import.description'))
    .option('--db <db>', t('opt.db'))
    .option('--no-analyze', t('import.no_analyze'))
    .action(async (file: string, o: { analyze: boolean }, cmd: Command) => {
      const { importJsonl } = await import('../../search/import-jsonl.js')
      const { openRuntime } = await import('../runtime.js')
      const { config, log } = commandContext(cmd)
      const rt = await openRuntime(config, log)
      try {
        const bar = progress(t('import.lines'), 0, log)
        let seen = 0
        const r = await importJsonl(rt.store, createReadStream(file), {
          onProgress: (p) => {
            bar.setTotal(Math.max(p.lines, seen))
            bar.tick(p.lines - seen)
            seen = p.lines
          },
        })
        bar.stop()
        for (const e of r.errors.slice(0, 20))
          process.stderr.write(
            `${t('import.error', { line: e.line, detail: t(`import.reason.${e.reason}`, { field: e.field ?? '' }) })}\n`,
          )
        process.stdout.write(
          `${t('import.summary', { lines: r.lines, imported: r.imported, updated: r.updated, failed: r.failed })}\n`,
        )
        if (o.analyze && r.imported + r.updated > 0) await analyzePending(rt, t, log)
      } finally {
        await rt.close()
      }
    })

  program
    .command('search <query>')
    .description(t('search.description'))
    .option('--db <db>', t('opt.db'))
    .option('--count', t('search.count'))
    .option('--format <format>', 'jsonl | text', 'text')
    .option('--limit <n>', t('search.limit'))
    .option('--sort <sort>', 'relevance | date', 'relevance')
    .action(
      async (
        query: string,
        o: { count?: boolean; format: string; limit?: string; sort: string },
        cmd: Command,
      ) => {
        const { runSearch } = await import('../../search/run-search.js')
        const { openDatabase } = await import('../../db/database.js')
        const { migrateToLatest } = await import('../../db/migrate.js')
        const { config } = commandContext(cmd)
        const store = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir })
        try {
          await migrateToLatest(store.db, store.dialect)
          await runSearch(store, query, {
            count: o.count ?? false,
            format: o.format === 'jsonl' ? 'jsonl' : 'text',
            ...(o.limit ? { limit: Number(o.limit) } : {}),
            sort: o.sort === 'date' ? 'date' : 'relevance',
            timeoutMs: config.queryTimeoutMs,
            out: process.stdout,
          })
        } catch (e) {
          const text = queryErrorText(e, query, t)
          if (text === null) throw e
          process.stderr.write(text)
          process.exitCode = 2
        } finally {
          await store.close()
        }
      },
    )
}

async function analyzePending(rt: Runtime, t: CliT, log: Logger) {
  const { createAnalyzer } = await import('../../analyze/analyzer.js')
  const { runAnalysis } = await import('../../analyze/run-analysis.js')
  const { loadNewsClassifier } = await import('../../analyze/topics/news-classifier.js')
  const { indexArticle } = await import('../../search/index-article.js')
  const an = await createAnalyzer({ db: rt.store.db, news: loadNewsClassifier })
  let bar: ReturnType<typeof progress> | undefined
  await runAnalysis(an, rt.store.db, log, {
    onTotal: (n) => {
      bar = progress(t('analyze.articles'), n, log)
    },
    onDone: () => bar?.tick(),
    after: async (id) => {
      await indexArticle(rt.store, id)
    },
  })
  bar?.stop()
}
