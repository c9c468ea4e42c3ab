import assert from 'node:assert/strict'
import { once } from 'node:events'
import { createServer, type IncomingMessage } from 'node:http'
import { createHmac, timingSafeEqual } from 'node:crypto'
import type { AddressInfo } from 'node:net'
import { after, before, describe, test } from 'node:test'
import { createTestDb, type TestDb, testDialects } from '../../../test/support/databases.js'
import { silentLogger } from '../../shared/logger.js'
import { enqueueOutbox, findOutbox } from '../store/outbox.js'
import { createWebhook } from '../store/webhooks.js'
import { type DeliveryContext, deliverOutbox, OUTBOX_POLICY, retryDelay } from './deliver-outbox.js'
import { createMailer, smtpOptions } from './mailer.js'
import { readMail, startSilentServer, startSmtp } from './mail-test-support.js'
import { renderAlertEmail } from './render-email.js'
import { createWebhookClient } from './send-webhook.js'

const alertMail = renderAlertEmail(
  {
    title: 'Tăng đột biến: Đặc khu Lý Sơn — 6 bài hôm nay',
    body: '6 bài trong ngày 2026-03-10, mức thường ngày khoảng 0,3.',
    bullets: ['Nguồn đăng nhiều: Foreign Daily (6 bài)', 'Từ khóa: <script>alert(1)</script> & "tàu cá"'],
    link: '/explore?q=place%3Avn%3A22.ly-son',
    level: 'alert',
  },
  'https://haidang.example.vn',
)

/** A webhook receiver that checks the signature over the raw body, as a real one would. */
async function startReceiver(secret: string, status = 204) {
  const got: { verified: boolean; body: unknown; headers: IncomingMessage['headers'] }[] = []
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const raw = Buffer.concat(chunks)
      const want = Buffer.from(`sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`)
      const sig = Buffer.from(String(req.headers['x-haidang-signature'] ?? ''))
      const verified = sig.length === want.length && timingSafeEqual(sig, want)
      got.push({ verified, body: JSON.parse(raw.toString('utf8')), headers: req.headers })
      res.statusCode = verified ? status : 401
      res.end(verified ? '' : 'bad signature')
    })
  })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/hooks/haidang`,
    got,
    close: () => new Promise<void>((r) => server.close(() => r())),
  }
}

for (const dialect of testDialects()) {
  describe(`deliverOutbox on ${dialect}`, () => {
    let t: TestDb
    const now = new Date('2026-03-10T03:00:00.000Z')
    const loopback = createWebhookClient({ allowPrivate: ['127.0.0.1/32'], timeoutMs: 2000 })
    const guarded = createWebhookClient({ timeoutMs: 2000 })
    before(async () => {
      t = await createTestDb(dialect)
    })
    after(async () => {
      await loopback.close()
      await guarded.close()
      await t.dispose()
    })
    const ctxWith = (over: Partial<DeliveryContext>): DeliveryContext => ({
      db: t.db,
      mailer: null,
      webhooks: loopback,
      log: silentLogger(),
      ...over,
    })
    const queueMail = async (key: string, at = now) => {
      await enqueueOutbox(
        t.db,
        [
          {
            channel: 'email',
            target: 'lanh.dao@so.example.vn',
            payload: alertMail,
            notBefore: at,
            dedupeKey: key,
          },
        ],
        now,
      )
      return (
        await t.db.selectFrom('outbox').select('id').where('dedupe_key', '=', key).executeTakeFirstOrThrow()
      ).id
    }

    test('an e-mail reaches a real SMTP server with its Vietnamese subject, bullets and escaped HTML', async () => {
      const smtp = await startSmtp()
      const mailer = createMailer(smtp.url, 'Hải Đăng <canh-bao@so.example.vn>')
      try {
        const id = await queueMail('ok')
        const summary = await deliverOutbox(ctxWith({ mailer }), now)
        assert.deepEqual(summary, { sent: 1, retrying: 0, failed: 0 })
        assert.equal(smtp.received.length, 1)
        assert.deepEqual(smtp.received[0]!.to, ['lanh.dao@so.example.vn'])
        const mail = readMail(smtp.received[0]!.raw)
        assert.equal(mail.subject, '[Hải Đăng] Tăng đột biến: Đặc khu Lý Sơn — 6 bài hôm nay')
        assert.ok(mail.text.includes('• Nguồn đăng nhiều: Foreign Daily (6 bài)'), mail.text)
        assert.ok(mail.text.includes('https://haidang.example.vn/explore?q=place%3Avn%3A22.ly-son'))
        assert.ok(
          mail.html.includes('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;tàu cá&quot;'),
          mail.html,
        )
        assert.ok(!mail.html.includes('<script>'))
        const row = await findOutbox(t.db, id)
        assert.equal(row?.status, 'sent')
        assert.equal(row?.attempts, 1)
        // sent entries are not sent again
        assert.deepEqual(await deliverOutbox(ctxWith({ mailer }), now), { sent: 0, retrying: 0, failed: 0 })
      } finally {
        mailer.close()
        await smtp.close()
      }
    })

    test('an SMTP server that refuses leaves the e-mail queued with a later attempt', async () => {
      const smtp = await startSmtp({ refuse: true })
      const mailer = createMailer(smtp.url, 'canh-bao@so.example.vn')
      try {
        const id = await queueMail('refused')
        const summary = await deliverOutbox(ctxWith({ mailer }), now)
        assert.equal(summary.retrying, 1)
        const row = await findOutbox(t.db, id)
        assert.equal(row?.status, 'pending')
        assert.equal(row?.attempts, 1)
        assert.match(row?.last_error ?? '', /450|busy/i)
        assert.equal(row?.next_attempt_at, new Date(now.getTime() + retryDelay(1)).toISOString())
        // not due yet: the next pass a few seconds later leaves it alone
        await deliverOutbox(ctxWith({ mailer }), new Date(now.getTime() + 5000))
        assert.equal((await findOutbox(t.db, id))?.attempts, 1)
      } finally {
        mailer.close()
        await smtp.close()
      }
    })

    test('an SMTP server that never answers times out and the e-mail stays queued', async () => {
      const silent = await startSilentServer()
      const mailer = createMailer(silent.url, 'canh-bao@so.example.vn', {
        greetingTimeoutMs: 300,
        socketTimeoutMs: 300,
      })
      try {
        const id = await queueMail('silent', new Date(now.getTime() - 1000))
        const started = Date.now()
        await deliverOutbox(ctxWith({ mailer }), now)
        assert.ok(Date.now() - started < 5000)
        const row = await findOutbox(t.db, id)
        assert.equal(row?.status, 'pending')
        assert.equal(row?.attempts, 1)
        assert.match(row?.last_error ?? '', /greeting|timeout/i)
        assert.ok(row!.next_attempt_at > now.toISOString())
      } finally {
        mailer.close()
        await silent.close()
      }
    })

    test('backoff grows, and the last allowed attempt marks the entry failed', async () => {
      assert.deepEqual([1, 2, 3, 4].map(retryDelay), [60_000, 240_000, 960_000, 3_840_000])
      assert.equal(retryDelay(20), OUTBOX_POLICY.maxRetryMs)
      const id = await queueMail('doomed')
      await t.db
        .updateTable('outbox')
        .set({ attempts: OUTBOX_POLICY.maxAttempts - 1 })
        .where('id', '=', id)
        .execute()
      const silent = await startSilentServer()
      const mailer = createMailer(silent.url, 'canh-bao@so.example.vn', { greetingTimeoutMs: 200 })
      try {
        const summary = await deliverOutbox(ctxWith({ mailer }), now)
        assert.equal(summary.failed, 1)
        assert.equal((await findOutbox(t.db, id))?.status, 'failed')
      } finally {
        mailer.close()
        await silent.close()
      }
    })

    test('SMTP URLs become transport options', () => {
      assert.deepEqual(smtpOptions('smtp://canh%40bao:p%3Ass@mail.so.example.vn:2525'), {
        host: 'mail.so.example.vn',
        port: 2525,
        secure: false,
        auth: { user: 'canh@bao', pass: 'p:ss' },
      })
      assert.deepEqual(smtpOptions('smtps://relay.example.vn'), {
        host: 'relay.example.vn',
        port: 465,
        secure: true,
      })
      assert.throws(() => smtpOptions('http://relay.example.vn'), /smtp/)
    })

    test('without a mailer e-mail waits untouched', async () => {
      const id = await queueMail('no-smtp')
      await deliverOutbox(ctxWith({ mailer: null }), now)
      const row = await findOutbox(t.db, id)
      assert.equal(row?.attempts, 0)
      assert.equal(row?.status, 'pending')
    })

    test('a webhook is POSTed with an HMAC-SHA256 signature the receiver verifies', async () => {
      const receiver = await startReceiver('s3cret-key')
      try {
        const hook = await createWebhook(t.db, { name: 'Trực ban', url: receiver.url, secret: 's3cret-key' })
        const payload = { event: 'alert.created', alert: { id: 7, title: 'Tăng đột biến: Lý Sơn' } }
        await enqueueOutbox(
          t.db,
          [{ channel: 'webhook', target: String(hook.id), payload, notBefore: now, dedupeKey: 'hook-ok' }],
          now,
        )
        const summary = await deliverOutbox(ctxWith({}), now)
        assert.equal(summary.sent, 1)
        assert.equal(receiver.got.length, 1)
        assert.equal(receiver.got[0]!.verified, true)
        assert.deepEqual(receiver.got[0]!.body, payload)
        assert.match(String(receiver.got[0]!.headers['x-haidang-timestamp']), /^\d{10}$/)
        assert.match(String(receiver.got[0]!.headers['x-haidang-delivery']), /^\d+$/)
      } finally {
        await receiver.close()
      }
    })

    test('a wrong secret is refused by the receiver and retried; loopback without an allow list is blocked', async () => {
      const receiver = await startReceiver('the-real-key')
      try {
        const wrong = await createWebhook(t.db, {
          name: 'Sai khoá',
          url: receiver.url,
          secret: 'another-key',
        })
        await enqueueOutbox(
          t.db,
          [
            {
              channel: 'webhook',
              target: String(wrong.id),
              payload: { n: 1 },
              notBefore: now,
              dedupeKey: 'hook-wrong',
            },
          ],
          now,
        )
        assert.equal((await deliverOutbox(ctxWith({}), now)).retrying, 1)
        assert.equal(receiver.got[0]?.verified, false)
        const row = await t.db
          .selectFrom('outbox')
          .selectAll()
          .where('dedupe_key', '=', 'hook-wrong')
          .executeTakeFirstOrThrow()
        assert.match(row.last_error ?? '', /HTTP 401/)

        const right = await createWebhook(t.db, {
          name: 'Đúng khoá',
          url: receiver.url,
          secret: 'the-real-key',
        })
        await enqueueOutbox(
          t.db,
          [
            {
              channel: 'webhook',
              target: String(right.id),
              payload: { n: 2 },
              notBefore: now,
              dedupeKey: 'hook-ssrf',
            },
          ],
          now,
        )
        assert.equal((await deliverOutbox(ctxWith({ webhooks: guarded }), now)).retrying, 1)
        assert.equal(receiver.got.length, 1, 'nothing reached the loopback receiver')
        const blocked = await t.db
          .selectFrom('outbox')
          .selectAll()
          .where('dedupe_key', '=', 'hook-ssrf')
          .executeTakeFirstOrThrow()
        assert.match(blocked.last_error ?? '', /blocked address 127\.0\.0\.1/)
      } finally {
        await receiver.close()
      }
    })
  })
}
