import { readFileSync, writeFileSync } from 'node:fs'
import { endianness } from 'node:os'
import { gunzipSync, gzipSync } from 'node:zlib'
import { z } from 'zod'
import { AppError } from '../../shared/errors.js'
import { HashSet32 } from './hash.js'
import { SegmenterModel } from './model.js'

const MAGIC = 'HDSEG1\n'
export const MODEL_FORMAT_VERSION = 1

const Header = z.object({
  version: z.literal(MODEL_FORMAT_VERSION),
  bits: z.number().int().min(8).max(26),
  weights: z.number().int().nonnegative(),
  dict: z.number().int().nonnegative(),
  lexicon: z.number().int().nonnegative(),
  /** how the model was trained (free-form, for people) */
  meta: z.record(z.string(), z.unknown()),
})

/**
 * File layout (gzip): `HDSEG1\n`, u32 header length, JSON header, then little-endian arrays:
 * non-zero weight indices (u32), their values (f32), dictionary hashes (u32), lexicon hashes (u32).
 * Only non-zero weights are stored: a perceptron touches few of the hashed slots.
 */
export function saveModel(path: string, model: SegmenterModel, meta: Record<string, unknown>): number {
  assertLittleEndian()
  const nz: number[] = []
  model.weights.forEach((w, i) => {
    if (w !== 0) nz.push(i)
  })
  const idx = Uint32Array.from(nz)
  const vals = Float32Array.from(nz, (i) => model.weights[i]!)
  const dict = model.dict.values()
  const lexicon = model.lexicon.values()
  const header = JSON.stringify({
    version: MODEL_FORMAT_VERSION,
    bits: model.bits,
    weights: idx.length,
    dict: dict.length,
    lexicon: lexicon.length,
    meta,
  })
  const headerBytes = Buffer.from(header, 'utf8')
  const len = Buffer.alloc(4)
  len.writeUInt32LE(headerBytes.length)
  const parts = [Buffer.from(MAGIC), len, headerBytes, idx, vals, dict, lexicon].map((a) =>
    Buffer.isBuffer(a) ? a : Buffer.from(a.buffer, a.byteOffset, a.byteLength),
  )
  const gz = gzipSync(Buffer.concat(parts), { level: 9 })
  writeFileSync(path, gz)
  return gz.length
}

export function loadModel(path: string): SegmenterModel {
  assertLittleEndian()
  let raw: Buffer
  try {
    raw = gunzipSync(readFileSync(path))
  } catch (cause) {
    throw new AppError('MODEL_MISSING', `segmenter model not readable: ${path}`, { cause })
  }
  if (raw.toString('latin1', 0, MAGIC.length) !== MAGIC) {
    throw new AppError('MODEL_MISSING', `not a segmenter model: ${path}`)
  }
  let p = MAGIC.length
  const headerLen = raw.readUInt32LE(p)
  p += 4
  const header = Header.parse(JSON.parse(raw.toString('utf8', p, p + headerLen)))
  p += headerLen
  const take = (count: number) => {
    const out = new Uint32Array(count)
    Buffer.from(out.buffer).set(raw.subarray(p, p + count * 4))
    p += count * 4
    return out
  }
  const idx = take(header.weights)
  const vals = new Float32Array(take(header.weights).buffer)
  const weights = new Float32Array(1 << header.bits)
  for (let i = 0; i < idx.length; i++) weights[idx[i]!] = vals[i]!
  const dict = new HashSet32(take(header.dict))
  const lexicon = new HashSet32(take(header.lexicon))
  return new SegmenterModel(header.bits, weights, dict, lexicon)
}

function assertLittleEndian() {
  if (endianness() !== 'LE') throw new AppError('INTERNAL', 'segmenter model files need a little-endian CPU')
}
