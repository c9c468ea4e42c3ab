/** Runs of percent-escapes (`%E1%BB%A9`), decoded together so multi-byte UTF-8 stays whole. */
const ESCAPE_RUN = /(?:%[0-9A-Fa-f]{2})+/g
/** RFC 3986 unreserved characters: an escape of one of these means the character itself. */
const UNRESERVED = /^[A-Za-z0-9\-._~]$/
const HEX = '0123456789ABCDEF'

const strictUtf8 = new TextDecoder('utf-8', { fatal: true })

const escapeByte = (b: number) => `%${HEX[b >> 4]}${HEX[b & 15]}`

/**
 * One spelling for one URL component (RFC 3986 §6.2.2): escapes of unreserved ASCII are decoded
 * (`%7E` → `~`), other ASCII escapes keep their meaning and get upper-case hex (`%2f` → `%2F`),
 * escaped UTF-8 is decoded, put in NFC and re-escaped, so an NFD-typed Vietnamese slug
 * (`tin-tu\u0301c`) and its NFC form give the same escapes. Invalid UTF-8 is kept, upper-cased.
 * Expects the component as `URL` serialises it (non-ASCII already escaped).
 */
export function normalizePercentEncoding(component: string): string {
  if (!component.includes('%')) return component
  return component.replace(ESCAPE_RUN, (run) => {
    const bytes = new Uint8Array(run.length / 3)
    for (let i = 0; i < bytes.length; i++) bytes[i] = Number.parseInt(run.slice(i * 3 + 1, i * 3 + 3), 16)
    return rewriteBytes(bytes)
  })
}

function rewriteBytes(bytes: Uint8Array): string {
  let out = ''
  let i = 0
  while (i < bytes.length) {
    const b = bytes[i]!
    if (b < 0x80) {
      const ch = String.fromCharCode(b)
      out += UNRESERVED.test(ch) ? ch : escapeByte(b)
      i++
      continue
    }
    let j = i
    while (j < bytes.length && bytes[j]! >= 0x80) j++
    out += rewriteUtf8(bytes.subarray(i, j))
    i = j
  }
  return out
}

function rewriteUtf8(bytes: Uint8Array): string {
  try {
    return encodeURIComponent(strictUtf8.decode(bytes).normalize('NFC'))
  } catch {
    let out = ''
    for (const b of bytes) out += escapeByte(b)
    return out
  }
}
