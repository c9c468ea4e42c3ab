import { z } from 'zod'
import type { NewsModel } from './news-model.js'

const InputLine = z.object({ id: z.union([z.string(), z.number()]), text: z.string() })

export interface ClassifyCounts {
  classified: number
  failed: number
}

/**
 * `haidang classify`: reads JSON lines `{"id","text"}` and writes `{"id","label","score"}` per line, in
 * order, as it goes. Each item of `input` is one line (e.g. from `readline`); an item holding several
 * newline-separated lines is split. Blank lines are skipped. A malformed line yields
 * `{"id": <id or null>, "error": "line N: …"}` and processing continues.
 */
export async function classifyJsonLines(
  input: AsyncIterable<string>,
  output: (line: string) => void,
  model: Pick<NewsModel, 'classify'>,
): Promise<ClassifyCounts> {
  const counts: ClassifyCounts = { classified: 0, failed: 0 }
  let lineNumber = 0
  for await (const chunk of input) {
    for (const line of chunk.split('\n')) {
      lineNumber++
      if (line.trim() === '') continue
      const result = classifyLine(line, lineNumber, model)
      if ('error' in result) counts.failed++
      else counts.classified++
      output(JSON.stringify(result))
    }
  }
  return counts
}

type LineResult =
  | { id: string | number; label: string; score: number }
  | { id: string | number | null; error: string }

/** Score precision in the output: four decimals are plenty for a calibrated probability. */
const SCORE_DECIMALS = 4

function classifyLine(line: string, lineNumber: number, model: Pick<NewsModel, 'classify'>): LineResult {
  let value: unknown
  try {
    value = JSON.parse(line)
  } catch {
    return { id: null, error: `line ${lineNumber}: not valid JSON` }
  }
  const parsed = InputLine.safeParse(value)
  if (!parsed.success) {
    const id = idOf(value)
    const fields = parsed.error.issues.map((i) => i.path.join('.') || 'line').join(', ')
    return { id, error: `line ${lineNumber}: expected {"id": string|number, "text": string}; bad ${fields}` }
  }
  const { id, text } = parsed.data
  const { label, score } = model.classify(text)
  return { id, label, score: Number(score.toFixed(SCORE_DECIMALS)) }
}

/** The id of a malformed line when it has a usable one, so the caller can match the error. */
function idOf(value: unknown): string | number | null {
  if (typeof value !== 'object' || value === null || !('id' in value)) return null
  const id = value.id
  return typeof id === 'string' || typeof id === 'number' ? id : null
}
