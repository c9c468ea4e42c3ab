import type { Command } from 'commander'
import { createHttpClient } from '../../ingest/ingest-context.js'
import { extractArticle } from '../../ingest/extract/extract-article.js'
import { extractPath } from '../../ingest/extract/extract-path.js'
import { toSummary } from '../../ingest/extract/types.js'
import { decodeBytes } from '../../ingest/parse/charset.js'
import { loadConfig } from '../../config/load-config.js'
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
