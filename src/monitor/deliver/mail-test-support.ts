import { once } from 'node:events'
import { type AddressInfo, createServer, type Server, type Socket } from 'node:net'
import { SMTPServer } from 'smtp-server'

/** Test support: real SMTP servers on loopback and a small MIME reader for what they receive. */
export interface ReceivedMail {
  from: string
  to: string[]
  raw: string
}

export interface TestSmtp {
  url: string
  received: ReceivedMail[]
  close(): Promise<void>
}

/** An SMTP server on 127.0.0.1 (random port); `refuse` answers every RCPT TO with a 450. */
export async function startSmtp(opts: { refuse?: boolean } = {}): Promise<TestSmtp> {
  const received: ReceivedMail[] = []
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (!opts.refuse) return callback()
      const err = Object.assign(new Error('Mailbox busy, try later'), { responseCode: 450 })
      callback(err)
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (c: Buffer) => chunks.push(c))
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        })
        callback()
      })
    },
  })
  server.listen(0, '127.0.0.1')
  await once(server.server, 'listening')
  const { port } = server.server.address() as AddressInfo
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    close: () => new Promise((r) => server.close(() => r())),
  }
}

/** A TCP server that accepts connections and never says a word (a hung relay). */
export async function startSilentServer(): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<Socket>()
  const server: Server = createServer((s) => {
    sockets.add(s)
    s.on('error', () => {})
  })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = server.address() as AddressInfo
  return {
    url: `smtp://127.0.0.1:${port}`,
    close: async () => {
      for (const s of sockets) s.destroy()
      await new Promise<void>((r) => server.close(() => r()))
    },
  }
}

const ENCODED_WORD = /=\?utf-8\?([bq])\?([^?]*)\?=/gi

/** Decodes RFC 2047 encoded words (`=?UTF-8?B?…?=`, `=?UTF-8?Q?…?=`) in a header value. */
export function decodeHeader(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(ENCODED_WORD, (_m, enc: string, text: string) =>
      enc.toLowerCase() === 'b'
        ? Buffer.from(text, 'base64').toString('utf8')
        : decodeQuotedPrintable(text.replace(/_/g, ' ')),
    )
}

const HEX_PAIR = /^[0-9A-F]{2}$/i

export function decodeQuotedPrintable(s: string): string {
  const t = s.replace(/=\r?\n/g, '')
  const bytes: number[] = []
  for (let i = 0; i < t.length; i++) {
    const hex = t.slice(i + 1, i + 3)
    if (t[i] === '=' && HEX_PAIR.test(hex)) {
      bytes.push(Number.parseInt(hex, 16))
      i += 2
    } else bytes.push(...Buffer.from(t[i]!, 'utf8'))
  }
  return Buffer.from(bytes).toString('utf8')
}

/** The subject and the decoded text/plain and text/html parts of a raw message. */
export function readMail(raw: string): { subject: string; text: string; html: string } {
  const subjectLine = /^Subject: (.*(?:\r?\n[ \t].*)*)/m.exec(raw)?.[1] ?? ''
  const subject = decodeHeader(subjectLine.replace(/\r?\n[ \t]/g, ' '))
  const part = (type: string) => {
    const m = new RegExp(
      `Content-Type: ${type}[^\\r\\n]*\\r?\\nContent-Transfer-Encoding: ([\\w-]+)\\r?\\n\\r?\\n([\\s\\S]*?)\\r?\\n--`,
      'i',
    ).exec(raw)
    if (!m) return ''
    const body = m[2]!
    if (m[1]!.toLowerCase() === 'base64')
      return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
    if (m[1]!.toLowerCase() === 'quoted-printable') return decodeQuotedPrintable(body)
    return body
  }
  return { subject, text: part('text/plain'), html: part('text/html') }
}
