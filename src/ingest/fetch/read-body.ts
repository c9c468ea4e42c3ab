import { type Readable, Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { createBrotliDecompress, createGunzip, createInflate, createInflateRaw } from 'node:zlib'
import { AppError } from '../../shared/errors.js'

/** The Accept-Encoding the fetcher sends: every coding it can undo with node:zlib. */
export const ACCEPT_ENCODING = 'gzip, deflate, br'

/** Builds the decoders for a Content-Encoding header, outermost coding applied first (RFC 9110 §8.4). */
export function decodersFor(contentEncoding: string | undefined): Transform[] {
  const codings = (contentEncoding ?? '')
    .split(',')
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c !== '' && c !== 'identity')
  return codings.reverse().map((coding) => {
    switch (coding) {
      case 'gzip':
      case 'x-gzip':
        return createGunzip()
      case 'br':
        return createBrotliDecompress()
      case 'deflate':
        return deflateDecoder()
      default:
        throw new AppError('FETCH_FAILED', `unsupported content-encoding ${coding}`, {
          details: { reason: 'decode' },
        })
    }
  })
}

/**
 * "deflate" is meant to be zlib-wrapped (RFC 1950) but some servers send raw RFC 1951 data. The first
 * byte of a zlib stream has 8 in its low nibble (CM = deflate), so peek at it and pick the decoder.
 */
function deflateDecoder(): Transform {
  let inner: Transform | null = null
  let proxy: Transform
  const pick = (first: number) => {
    const chosen = (first & 0x0f) === 8 ? createInflate() : createInflateRaw()
    chosen.on('data', (d: Buffer) => proxy.push(d))
    chosen.on('error', (e) => proxy.destroy(e))
    return chosen
  }
  proxy = new Transform({
    transform(chunk: Buffer, _enc, done) {
      inner ??= pick(chunk[0] ?? 0)
      inner.write(chunk, () => done())
    },
    flush(done) {
      if (!inner) return done()
      inner.once('end', () => done())
      inner.end()
    },
  })
  return proxy
}

const isZlibError = (e: unknown): e is NodeJS.ErrnoException =>
  e instanceof Error &&
  typeof (e as NodeJS.ErrnoException).code === 'string' &&
  /^Z_/.test((e as NodeJS.ErrnoException).code!)

/**
 * Streams the body through its decoders and stops as soon as the decoded size passes `maxBytes`
 * (so a 60 MB body or a decompression bomb costs at most `maxBytes` of memory, then the socket closes).
 */
export async function readBodyCapped(
  body: Readable,
  decoders: Transform[],
  maxBytes: number,
): Promise<Uint8Array> {
  const chunks: Buffer[] = []
  let total = 0
  // pipeline may report the teardown (AbortError) instead of the sink's own error, so keep it aside
  let overflow: AppError | null = null
  const sink = async (source: AsyncIterable<Buffer>) => {
    for await (const chunk of source) {
      total += chunk.length
      if (total > maxBytes) {
        overflow = new AppError('FETCH_TOO_LARGE', `body larger than ${maxBytes} bytes`, {
          details: { reason: 'too_large', maxBytes },
        })
        throw overflow
      }
      chunks.push(chunk)
    }
  }
  try {
    await (pipeline as (...streams: unknown[]) => Promise<void>)(body, ...decoders, sink)
  } catch (err) {
    if (overflow) throw overflow
    if (isZlibError(err)) {
      const truncated = err.code === 'Z_BUF_ERROR'
      throw new AppError(
        'FETCH_FAILED',
        truncated ? 'truncated compressed body' : `corrupt compressed body: ${err.message}`,
        {
          cause: err,
          details: { reason: 'decode' },
        },
      )
    }
    throw err
  }
  const out = Buffer.concat(chunks, total)
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength)
}
