import { createReadStream } from 'node:fs'
import { createInterface } from 'node:readline'
import { createGunzip } from 'node:zlib'
import { z } from 'zod'
import { sharedDataDir } from '../../../shared/paths.js'
import { hashString } from '../linear/hash.js'

/** One labelled news article of the training corpus. */
export interface LabelledDoc {
  id: string
  label: string
  text: string
}

export const VNTC_TRAIN_FILE = () => sharedDataDir('vntc', 'vntc10-train.jsonl.gz')

const DocSchema = z.object({
  id: z.union([z.string(), z.number()]),
  label: z.string().min(1),
  text: z.string(),
})

/** Which part of the training file a document belongs to; decided by a hash of its text. */
export type Split = 'train' | 'calibration' | 'dev'

/**
 * Percent buckets of the split: 10 % dev (never trained on, reported), 5 % calibration (fits the score
 * temperature, never trained on), the rest train. Hashing the text (not the id) keeps exact duplicates
 * on the same side.
 */
const DEV_PERCENT = 10
const CALIBRATION_PERCENT = 5
const SPLIT_SEED = 0x1f2e3d4c

export function splitOf(text: string): Split {
  const bucket = hashString(text, SPLIT_SEED) % 100
  if (bucket < DEV_PERCENT) return 'dev'
  if (bucket < DEV_PERCENT + CALIBRATION_PERCENT) return 'calibration'
  return 'train'
}

/** Streams a `.jsonl.gz` (or plain `.jsonl`) corpus of `{id,label,text}` lines, skipping bad lines. */
export async function* readCorpus(path: string = VNTC_TRAIN_FILE()): AsyncGenerator<LabelledDoc> {
  const raw = createReadStream(path)
  const input = path.endsWith('.gz') ? raw.pipe(createGunzip()) : raw
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })
  for await (const line of lines) {
    if (line.trim() === '') continue
    let value: unknown
    try {
      value = JSON.parse(line)
    } catch {
      continue
    }
    const doc = DocSchema.safeParse(value)
    if (doc.success) yield { ...doc.data, id: String(doc.data.id) }
  }
}

/** Loads the corpus and splits it; `limit` keeps tests and quick runs bounded. */
export async function loadSplits(
  path?: string,
  limit = Number.POSITIVE_INFINITY,
): Promise<Record<Split, LabelledDoc[]>> {
  const out: Record<Split, LabelledDoc[]> = { train: [], calibration: [], dev: [] }
  let n = 0
  for await (const doc of readCorpus(path)) {
    if (n++ >= limit) break
    out[splitOf(doc.text)].push(doc)
  }
  return out
}
