/**
 * Which inputs are parsed on a worker thread. An ordinary article page (20–40 KB, 500–2,000 tags)
 * takes about 5 ms to extract and stays on the event loop; a page over these bounds can take seconds
 * (10,000 nested elements: 1.7–4 s), as can a feed of 100k items (~2 s), and goes to the work pool.
 */
export const HEAVY_PAGE_BYTES = 1_000_000
export const HEAVY_PAGE_TAGS = 8_000
export const HEAVY_FEED_BYTES = 500_000
/** A worker job past this is given up: the article or feed fails with PARSE_FAILED (reason timeout). */
export const PAGE_JOB_TIMEOUT_MS = 30_000
export const FEED_JOB_TIMEOUT_MS = 60_000

const LT = 0x3c

/** Whether a fetched page is big or tag-dense enough to be extracted off the event loop. */
export function isHeavyPage(bytes: Uint8Array): boolean {
  if (bytes.length > HEAVY_PAGE_BYTES) return true
  let tags = 0
  for (let i = bytes.indexOf(LT); i !== -1; i = bytes.indexOf(LT, i + 1))
    if (++tags > HEAVY_PAGE_TAGS) return true
  return false
}

/**
 * Whether a fetched feed is decoded and parsed off the event loop. Decided on the bytes: decoding 5 MB
 * and handing the text to a worker held the loop for 50–140 ms; the bytes cross as one copy.
 */
export const isHeavyFeed = (bytes: Uint8Array) => bytes.length > HEAVY_FEED_BYTES
