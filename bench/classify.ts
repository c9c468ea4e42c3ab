/**
 * News topic model benchmark: dev-split accuracy, macro-F1, confusion matrix, training time, model file
 * size and ms per article of the one-vs-rest SVM against the complement Naive Bayes baseline trained
 * in the same run on the same features, plus peak memory.
 *
 *   node --import tsx bench/classify.ts              # train both, then measure (about 1 CPU-minute training, 2 in all)
 *   node --import tsx bench/classify.ts --shipped    # measure data/models/news-vi.model.gz only
 */
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { formatConfusion } from '../src/analyze/topics/linear/metrics.js'
import { decodeModel, encodeModel } from '../src/analyze/topics/linear/quantized-model.js'
import { type LabelledDoc, loadSplits } from '../src/analyze/topics/news/corpus.js'
import { evaluateModel } from '../src/analyze/topics/news/evaluate-news-model.js'
import { defaultNewsModelPath, loadNewsModel } from '../src/analyze/topics/news/news-model.js'
import { trainNewsModel } from '../src/analyze/topics/news/train-news-model.js'

/** Articles of about 3,000 characters: the latency target is stated for that size. */
const ARTICLE_MIN = 2_500
const ARTICLE_MAX = 3_500
/** Repetitions of the latency loop, so the timer resolution and JIT warm-up do not dominate. */
const LATENCY_ROUNDS = 5

const { values } = parseArgs({ options: { shipped: { type: 'boolean', default: false } } })
const splits = await loadSplits()
const dir = mkdtempSync(join(tmpdir(), 'bench-classify-'))

const candidates: { name: string; path: string; trainMs?: number }[] = []
if (values.shipped) {
  candidates.push({ name: 'shipped news-vi (SVM)', path: defaultNewsModelPath() })
} else {
  const cpu0 = process.cpuUsage()
  const trained = trainNewsModel(splits.train, splits.calibration)
  const cpu = process.cpuUsage(cpu0)
  const t = trained.timings
  console.log(`training CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s; stages (wall ms):`, roundAll(t))
  for (const [name, model, trainMs] of [
    ['linear SVM (news-vi)', trained.model, t.featurize + t.vocabulary + t.train],
    ['complement NB (baseline)', trained.baseline, t.featurize + t.vocabulary + t.baselineTrain],
  ] as const) {
    const path = join(dir, `${name.split(' ')[0]}.model.gz`)
    writeFileSync(path, encodeModel(model))
    candidates.push({ name, path, trainMs })
  }
  const same = readFileSync(candidates[0]!.path).equals(readFileSync(defaultNewsModelPath()))
  console.log(`retrained model file ${same ? 'is byte-identical to' : 'DIFFERS from'} the shipped one`)
}

const articles = splits.dev.filter((d) => d.text.length >= ARTICLE_MIN && d.text.length <= ARTICLE_MAX)
const rows = candidates.map((c) => measure(c.name, c.path, c.trainMs, splits.dev, articles))
for (const r of rows) {
  console.log(`\n== ${r.name}`)
  console.log(
    `dev ${r.total} docs: accuracy ${r.accuracy.toFixed(4)}, macro-F1 ${r.macroF1.toFixed(4)}; ` +
      `file ${(r.bytes / 1024).toFixed(0)} KiB; load ${r.loadMs.toFixed(0)} ms; ` +
      `${r.msPerArticle.toFixed(3)} ms wall / ${r.cpuMsPerArticle.toFixed(3)} ms CPU per ~3,000-char article ` +
      `(${articles.length} articles)` +
      (r.trainMs === undefined ? '' : `; training ${(r.trainMs / 1000).toFixed(1)} s wall`),
  )
  console.log(r.confusion)
}
if (rows.length === 2) {
  const [m, b] = rows as [Row, Row]
  console.log(
    `\nratio SVM / NB: accuracy ${(m.accuracy / b.accuracy).toFixed(3)}, macro-F1 ${(m.macroF1 / b.macroF1).toFixed(3)}, ` +
      `ms/article ${(m.msPerArticle / b.msPerArticle).toFixed(2)} wall, ${(m.cpuMsPerArticle / b.cpuMsPerArticle).toFixed(2)} CPU, file size ${(m.bytes / b.bytes).toFixed(2)}`,
  )
}
console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`)

type Row = ReturnType<typeof measure>

function measure(
  name: string,
  path: string,
  trainMs: number | undefined,
  dev: LabelledDoc[],
  sized: LabelledDoc[],
) {
  const report = evaluateModel(decodeModel(readBytes(path)), dev)
  const t0 = performance.now()
  const model = loadNewsModel(path)
  const loadMs = performance.now() - t0
  for (const a of sized.slice(0, 50)) model.classify(a.text) // warm-up
  const t1 = performance.now()
  const cpu0 = process.cpuUsage()
  for (let r = 0; r < LATENCY_ROUNDS; r++) for (const a of sized) model.classify(a.text)
  const runs = LATENCY_ROUNDS * Math.max(1, sized.length)
  const msPerArticle = (performance.now() - t1) / runs
  // CPU time too: on a shared machine wall time also counts waiting for a core.
  const cpuMsPerArticle = process.cpuUsage(cpu0).user / 1000 / runs
  const e = report.evaluation
  return {
    name,
    trainMs,
    bytes: statSync(path).size,
    loadMs,
    msPerArticle,
    cpuMsPerArticle,
    accuracy: e.accuracy,
    macroF1: e.macroF1,
    total: e.total,
    confusion: formatConfusion(e),
  }
}

function readBytes(path: string): Buffer {
  return readFileSync(path)
}

function roundAll(o: Record<string, number>) {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, Math.round(v)]))
}
