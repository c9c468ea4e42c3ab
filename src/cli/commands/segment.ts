import { createInterface } from 'node:readline'
import type { Command } from 'commander'
import type { CliT } from '../messages.js'

/**
 * `haidang segment` (a stable interface, see DESIGN.md): one sentence per line on stdin; the same
 * text on stdout with the syllables of each word joined by `_`. Streams, so any input size works.
 */
export function registerSegment(program: Command, t: CliT) {
  program
    .command('segment')
    .description(t('segment.description'))
    .option('--model <file>', t('segment.model'))
    .action(async (o: { model?: string }) => {
      const { loadSegmenter } = await import('../../text/segment/segmenter.js')
      const seg = loadSegmenter(o.model)
      const out: string[] = []
      const flush = () => {
        if (out.length) process.stdout.write(`${out.join('\n')}\n`)
        out.length = 0
      }
      for await (const line of createInterface({
        input: process.stdin,
        crlfDelay: Number.POSITIVE_INFINITY,
      })) {
        out.push(seg.segmentLine(line))
        if (out.length >= 1000) flush()
      }
      flush()
    })
}
