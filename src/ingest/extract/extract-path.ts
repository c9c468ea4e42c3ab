import { readdir, readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { appError } from '../../shared/errors.js'
import { decodeHtml } from './decode-html.js'
import { extractArticle } from './extract-article.js'
import { type ExtractedSummary, toSummary } from './types.js'

/** Files a directory run reads; the key of each result is the name without this suffix. */
const HTML_FILE = /\.html?(\.gz)?$/i

async function extractFile(path: string): Promise<ExtractedSummary> {
  const html = decodeHtml(await readFile(path))
  return toSummary(extractArticle(html))
}

/**
 * `haidang extract <file|dir>`: one file gives one summary; a directory gives one object keyed by file
 * name (without `.html`/`.html.gz`), in name order. URLs are not read here (they go through the safe
 * fetcher first).
 */
export async function extractPath(
  path: string,
): Promise<Record<string, ExtractedSummary> | ExtractedSummary> {
  let info: Awaited<ReturnType<typeof stat>>
  try {
    info = await stat(path)
  } catch (e) {
    throw appError('NOT_FOUND', `no such file or directory: ${path}`, { cause: e })
  }
  if (info.isFile()) return extractFile(path)
  if (!info.isDirectory()) throw appError('INPUT_INVALID', `not a file or directory: ${path}`)
  const names = (await readdir(path)).filter((n) => HTML_FILE.test(n)).sort()
  const out: Record<string, ExtractedSummary> = {}
  for (const name of names) {
    const full = join(path, name)
    if (!(await stat(full)).isFile()) continue
    out[name.replace(HTML_FILE, '')] = await extractFile(full)
  }
  return out
}
