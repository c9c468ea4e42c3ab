/**
 * Word segmentation on UD Vietnamese-VTB dev (gold syllables in, words out): the trained model
 * against the named baseline "dictionary forward longest match" (same dictionary), plus speed,
 * training time, model size, load time and peak memory.
 * Run: node --import tsx bench/segment.ts
 */
import { readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sharedDataDir } from '../src/shared/paths.js'
import { readConllu } from '../src/text/segment/corpus.js'
import { joinsToLengths, scoreSegmentation, type WordScores } from '../src/text/segment/evaluate.js'
import { LongestMatchSegmenter } from '../src/text/segment/longest-match.js'
import { loadModel, saveModel } from '../src/text/segment/model-file.js'
import { createSegmenter, defaultSegmenterPath } from '../src/text/segment/segmenter.js'
import { normalizeText } from '../src/text/normalize.js'
import { trainSegmenterModel } from '../src/text/segment/train-model.js'

/**
 * Timed passes over dev per segmenter; the best pass is reported. Times are this process's CPU time
 * (user + system), not wall time: the bench machine is shared and wall time mostly measures the
 * other load. The code is single-threaded, so CPU time is one core's time.
 */
const SPEED_PASSES = 5

interface Predictor {
  predict(syllables: readonly string[], joins: Uint8Array): void
}

/** CPU milliseconds used by this process so far. */
const cpuMs = () => {
  const u = process.cpuUsage()
  return (u.user + u.system) / 1000
}

function run(p: Predictor, sentences: string[][]): { lengths: number[][]; perSecond: number } {
  const joins = new Uint8Array(4096)
  let best = Number.POSITIVE_INFINITY
  let lengths: number[][] = []
  for (let pass = 0; pass < SPEED_PASSES; pass++) {
    const t0 = cpuMs()
    for (const s of sentences) p.predict(s, joins)
    best = Math.min(best, cpuMs() - t0)
  }
  lengths = sentences.map((s) => {
    p.predict(s, joins)
    return joinsToLengths(joins, s.length)
  })
  return { lengths, perSecond: (sentences.length / best) * 1000 }
}

/** Best-of-N CPU time of `fn` in ms. */
function bestMs(fn: () => void): number {
  let best = Number.POSITIVE_INFINITY
  for (let pass = 0; pass < SPEED_PASSES; pass++) {
    const t0 = cpuMs()
    fn()
    best = Math.min(best, cpuMs() - t0)
  }
  return best
}

const fmt = (s: WordScores) =>
  `P ${(s.precision * 100).toFixed(2)}  R ${(s.recall * 100).toFixed(2)}  F1 ${(s.f1 * 100).toFixed(2)}`

const dev = readConllu(sharedDataDir('ud-vtb', 'vi_vtb-ud-dev.conllu'))
const syllables = dev.map((s) => s.flat())

const t0 = performance.now()
const { model: trained, meta } = trainSegmenterModel()
const trainSeconds = (performance.now() - t0) / 1000
const tmpModel = join(tmpdir(), `segmenter-bench-${process.pid}.bin.gz`)
saveModel(tmpModel, trained, meta)

const shipped = defaultSegmenterPath()
const t1 = performance.now()
const model = loadModel(shipped)
const loadMs = performance.now() - t1

// End to end on raw sentences, as `haidang segment` runs: normalise, tokenise, segment, rebuild the line.
const rawLines = readFileSync(sharedDataDir('ud-vtb', 'vi_vtb-ud-dev.conllu'), 'utf8')
  .split('\n')
  .filter((l) => l.startsWith('# text ='))
  .map((l) => l.slice('# text ='.length).trim())
const seg = createSegmenter(model)
const rawMs = bestMs(() => {
  for (const l of rawLines) seg.segmentLine(normalizeText(l))
})
const rawBytes = rawLines.reduce((n, l) => n + Buffer.byteLength(l), 0)
const normMs = bestMs(() => {
  for (const l of rawLines) normalizeText(l)
})
const nfcMs = bestMs(() => {
  for (const l of rawLines) l.normalize('NFC')
})

const m = run(model, syllables)
const b = run(new LongestMatchSegmenter(model.dict), syllables)
const ms = scoreSegmentation(dev, m.lengths)
const bs = scoreSegmentation(dev, b.lengths)

console.log(
  `UD Vietnamese-VTB dev: ${dev.length} sentences, ${ms.goldWords} gold words, ${syllables.flat().length} syllables`,
)
console.log(`model (averaged perceptron)      ${fmt(ms)}  ${m.perSecond.toFixed(0)} sentences/s (CPU time)`)
console.log(`baseline (dict longest match)    ${fmt(bs)}  ${b.perSecond.toFixed(0)} sentences/s`)
console.log(`F1 ratio model/baseline          ${(ms.f1 / bs.f1).toFixed(4)}`)
console.log(`error ratio model/baseline       ${((1 - ms.f1) / (1 - bs.f1)).toFixed(3)}`)
console.log(`speed ratio model/baseline       ${(m.perSecond / b.perSecond).toFixed(2)}`)
console.log(
  `raw lines end to end (normalise+tokenise+segment) ${((rawLines.length / rawMs) * 1000).toFixed(0)} sentences/s`,
)
console.log(
  `normalizeText                    ${(rawBytes / 1e6 / (normMs / 1000)).toFixed(1)} MB/s  vs baseline String.normalize('NFC') ${(rawBytes / 1e6 / (nfcMs / 1000)).toFixed(1)} MB/s (ratio ${(nfcMs / normMs).toFixed(2)})`,
)
console.log(`training time                    ${trainSeconds.toFixed(1)} s (retrained in-process)`)
console.log(
  `model file                       ${statSync(shipped).size} bytes (retrained: ${statSync(tmpModel).size})`,
)
console.log(`model load time                  ${loadMs.toFixed(0)} ms`)
console.log(`peak RSS                         ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`)
rmSync(tmpModel, { force: true })
