import type { Command } from 'commander'
import type { CliT } from '../messages.js'

/**
 * `haidang extract <file|dir|url> --format json` (a stable interface, see DESIGN.md): a directory
 * gives one JSON object keyed by file name without .html/.html.gz; a file or URL gives one object.
 * URLs go through the same SSRF-guarded fetcher as ingest.
 */
export function registerExtract(program: Command, t: CliT) {
  program
    .command('extract <target>')
    .description(t('extract.description'))
    .option('--format <format>', 'json', 'json')
    .action(async (target: string, o: { format: string }) => {
      const { createHttpClient } = await import('../../ingest/ingest-context.js')
      const { extractArticle } = await import('../../ingest/extract/extract-article.js')
      const { extractPath } = await import('../../ingest/extract/extract-path.js')
      const { toSummary } = await import('../../ingest/extract/types.js')
      const { decodeBytes } = await import('../../ingest/parse/charset.js')
      const { loadConfig } = await import('../../config/load-config.js')
      if (o.format !== 'json') throw new Error(`unsupported --format ${o.format} (json)`)
      let out: unknown
      if (/^https?:\/\//i.test(target)) {
        const config = loadConfig({ overrides: { fetchMinDelayMs: '0' } })
        const ctx = createHttpClient(config)
        try {
          const res = await ctx.client.get(target)
          out = toSummary(
            extractArticle(decodeBytes(res.bytes, { charset: res.charset }).text, { url: res.url }),
          )
        } finally {
          await ctx.fetcher.close()
        }
      } else {
        out = await extractPath(target)
      }
      process.stdout.write(`${JSON.stringify(out, null, 2)}\n`)
    })
}
