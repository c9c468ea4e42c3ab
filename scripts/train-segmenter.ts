/**
 * Trains the word segmenter and writes data/models/segmenter.bin.gz (a few seconds).
 * Usage: node --import tsx scripts/train-segmenter.ts [--out <path>]
 * Deterministic: the same reference data gives the same file.
 */
import { parseArgs } from 'node:util'
import { saveModel } from '../src/text/segment/model-file.js'
import { defaultSegmenterPath } from '../src/text/segment/segmenter.js'
import { trainSegmenterModel } from '../src/text/segment/train-model.js'

const { values } = parseArgs({ options: { out: { type: 'string' } } })
const out = values.out ?? defaultSegmenterPath()
const t0 = performance.now()
const { model, meta } = trainSegmenterModel((line) => console.error(line))
const bytes = saveModel(out, model, meta)
const seconds = (performance.now() - t0) / 1000
console.log(JSON.stringify({ out, bytes, seconds: Number(seconds.toFixed(2)) }))
