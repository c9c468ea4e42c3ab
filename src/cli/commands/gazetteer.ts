import { readFileSync } from 'node:fs'
import type { Command } from 'commander'
import { commandContext } from '../context.js'
import type { CliT } from '../messages.js'

/**
 * `haidang gazetteer import FILE`: official unit lists (2025 and pre-2025 JSON, the statistics
 * office's CSV/XLSX) into the places table; the old→new mapping file links stored units instead.
 */
export function registerGazetteer(program: Command, t: CliT) {
  const g = program.command('gazetteer').description(t('gazetteer.description'))
  g.command('import <file>')
    .description(t('gazetteer.import'))
    .option('--db <db>', t('opt.db'))
    .action(async (file: string, _o: unknown, cmd: Command) => {
      const { importPlacesFile } = await import('../../analyze/places/import-places-file.js')
      const { storePlaces, linkStoredPlaces } = await import('../../analyze/places/store-places.js')
      const { openRuntime } = await import('../runtime.js')
      const { config, log } = commandContext(cmd)
      const parsed = await importPlacesFile(new Uint8Array(readFileSync(file)))
      const rt = await openRuntime(config, log)
      try {
        if (parsed.mapping) {
          const report = await linkStoredPlaces(rt.store.db, parsed.mapping)
          process.stdout.write(`${t('gazetteer.linked', { n: report.linked, missing: report.unmatched })}\n`)
        } else {
          const n = await storePlaces(rt.store.db, parsed.records)
          process.stdout.write(`${t('gazetteer.imported', { n, kind: parsed.kind })}\n`)
        }
      } finally {
        await rt.close()
      }
    })
}
