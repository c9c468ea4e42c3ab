/**
 * Trains the general Vietnamese news topic model and writes data/models/news-vi.model.gz (+ .json with
 * the dev figures). Reproducible: same corpus, same split, same seed → same file.
 *
 *   node --import tsx scripts/train-news.ts [--data <vntc10-train.jsonl.gz>] [--out <dir>]
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { formatConfusion } from '../src/analyze/topics/linear/metrics.js'
import { encodeModel } from '../src/analyze/topics/linear/quantized-model.js'
import { loadSplits, VNTC_TRAIN_FILE } from '../src/analyze/topics/news/corpus.js'
import { evaluateModel } from '../src/analyze/topics/news/evaluate-news-model.js'
import { DEFAULT_NEWS_OPTIONS, trainNewsModel } from '../src/analyze/topics/news/train-news-model.js'
import { projectDataDir } from '../src/shared/paths.js'

const { values } = parseArgs({
  options: { data: { type: 'string' }, out: { type: 'string' } },
})
const dataPath = values.data ?? VNTC_TRAIN_FILE()
const outDir = values.out ?? projectDataDir('models')

const started = performance.now()
const splits = await loadSplits(dataPath)
console.log(
  `corpus ${dataPath}: train ${splits.train.length}, calibration ${splits.calibration.length}, dev ${splits.dev.length}`,
)
const trained = trainNewsModel(splits.train, splits.calibration)
const trainSeconds = (performance.now() - started) / 1000
// CPU time as well as wall time: on a shared machine the wall clock mostly measures the neighbours.
const cpu = process.cpuUsage()
const cpuSeconds = (cpu.user + cpu.system) / 1e6
const file = encodeModel(trained.model)
const modelPath = join(outDir, 'news-vi.model.gz')
writeFileSync(modelPath, file)

const report = evaluateModel(trained.model, splits.dev)
const baseline = evaluateModel(trained.baseline, splits.dev)
const e = report.evaluation
console.log(`\nmodel: one-vs-rest linear SVM, ${trained.model.hashes.length} terms, passes ${trained.passes}`)
console.log(
  `wrote ${modelPath} (${(file.length / 1024).toFixed(0)} KiB) in ${trainSeconds.toFixed(1)} s wall, ${cpuSeconds.toFixed(1)} s CPU`,
)
console.log(
  `timings (ms): ${JSON.stringify(trained.timings, (_, v) => (typeof v === 'number' ? Math.round(v) : v))}`,
)
console.log(`\ndev (${e.total} docs): accuracy ${e.accuracy.toFixed(4)}, macro-F1 ${e.macroF1.toFixed(4)}`)
console.log(
  `  mean score right ${report.meanScoreCorrect.toFixed(3)}, wrong ${report.meanScoreWrong.toFixed(3)}`,
)
console.log(formatConfusion(e))
console.log(
  `baseline complement NB: accuracy ${baseline.evaluation.accuracy.toFixed(4)}, macro-F1 ${baseline.evaluation.macroF1.toFixed(4)}`,
)

const meta = {
  name: 'news-vi',
  description:
    'General Vietnamese news topics (VNTC 10 topics): one-vs-rest linear SVM over syllable 1-2-grams and writing-style terms',
  labels: trained.model.labels,
  options: DEFAULT_NEWS_OPTIONS,
  terms: trained.model.hashes.length,
  temperature: trained.model.temperature,
  split: { train: splits.train.length, calibration: splits.calibration.length, dev: splits.dev.length },
  dev: {
    accuracy: round(e.accuracy),
    macroF1: round(e.macroF1),
    baselineAccuracy: round(baseline.evaluation.accuracy),
    baselineMacroF1: round(baseline.evaluation.macroF1),
    f1: Object.fromEntries(e.labels.map((l, k) => [l, round(e.f1[k]!)])),
  },
}
writeFileSync(join(outDir, 'news-vi.json'), `${JSON.stringify(meta, null, 2)}\n`)

function round(x: number) {
  return Math.round(x * 10_000) / 10_000
}
