import { createInterface } from 'node:readline'
import type { Command } from 'commander'
import type { CliT } from '../messages.js'

/** Models `haidang classify` knows by name, and their shipped files. */
const MODELS: Record<string, string | undefined> = { 'news-vi': undefined }

/**
 * `haidang classify --model news-vi` (a stable interface, see DESIGN.md): JSON lines `{"id","text"}`
 * on stdin → `{"id","label","score"}` on stdout; a malformed line yields an error line and the rest go on.
 */
export function registerClassify(program: Command, t: CliT) {
  program
    .command('classify')
    .description(t('classify.description'))
    .option('--model <name>', t('classify.model'), 'news-vi')
    .option('--model-file <file>', t('classify.model_file'))
    .action(async (o: { model: string; modelFile?: string }) => {
      if (!(o.model in MODELS))
        throw new Error(`unknown model "${o.model}" (known: ${Object.keys(MODELS).join(', ')})`)
      const { loadNewsModel } = await import('../../analyze/topics/news/news-model.js')
      const { classifyJsonLines } = await import('../../analyze/topics/news/classify-json-lines.js')
      const model = loadNewsModel(o.modelFile ?? MODELS[o.model])
      const buffer: string[] = []
      const flush = () => {
        if (buffer.length) process.stdout.write(`${buffer.join('\n')}\n`)
        buffer.length = 0
      }
      await classifyJsonLines(
        createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY }),
        (line) => {
          buffer.push(line)
          if (buffer.length >= 500) flush()
        },
        model,
      )
      flush()
    })
}
