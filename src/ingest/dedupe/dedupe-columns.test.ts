import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import Database from 'better-sqlite3'
import { type DedupeColumns, dedupeColumns, fingerprintFromColumns, NO_BAND } from './dedupe-columns.js'
import { PRESS_RELEASE, REPRINT_ALL_EDITS, REPRINTS, SAME_TOPIC_ARTICLES } from './dedupe-fixtures.js'
import { fingerprint, isNearDuplicate } from './fingerprint.js'
import { MINHASH_BANDS } from './minhash.js'

const BANDS = ['sim_b0', 'sim_b1', 'sim_b2', 'sim_b3', 'mh_b0', 'mh_b1', 'mh_b2', 'mh_b3'] as const

/** The storage recipe the articles table follows, on a real SQLite database. */
function openStore() {
  const db = new Database(':memory:')
  db.exec(`CREATE TABLE articles (
    id INTEGER PRIMARY KEY, content_hash TEXT NOT NULL, simhash TEXT NOT NULL,
    ${BANDS.map((b) => `${b} INTEGER NOT NULL`).join(', ')},
    minhash BLOB NOT NULL, shingles INTEGER NOT NULL)`)
  for (const b of BANDS) db.exec(`CREATE INDEX articles_${b}_idx ON articles (${b})`)
  const insert = db.prepare(
    `INSERT INTO articles (id, content_hash, simhash, ${BANDS.join(', ')}, minhash, shingles)
     VALUES (@id, @content_hash, @simhash, ${BANDS.map((b) => `@${b}`).join(', ')}, @minhash, @shingles)`,
  )
  const candidates = db.prepare<DedupeColumns, Row>(
    `SELECT id, content_hash, simhash, minhash, shingles FROM articles WHERE ${BANDS.map((b) => `${b} = @${b}`).join(' OR ')}`,
  )
  return { db, insert, candidates }
}

interface Row {
  id: number
  content_hash: string
  simhash: string
  minhash: Buffer
  shingles: number
}

describe('dedupeColumns', () => {
  it('has one MinHash column per band', () => assert.equal(MINHASH_BANDS, 4))

  it('round-trips a fingerprint through a SQLite row and finds reprints by band', () => {
    const { db, insert, candidates } = openStore()
    const stored = [PRESS_RELEASE, ...Object.values(SAME_TOPIC_ARTICLES)]
    for (const [id, text] of stored.entries()) insert.run({ id, ...dedupeColumns(fingerprint(text)) })

    const first = candidates.all(dedupeColumns(fingerprint(PRESS_RELEASE)))
    assert.deepEqual(fingerprintFromColumns(first.find((r) => r.id === 0)!), fingerprint(PRESS_RELEASE))

    for (const reprint of [...Object.values(REPRINTS), REPRINT_ALL_EDITS]) {
      const fp = fingerprint(reprint)
      const rows = candidates.all(dedupeColumns(fp))
      const matches = rows.filter((r) => isNearDuplicate(fp, fingerprintFromColumns(r))).map((r) => r.id)
      assert.deepEqual(matches, [0])
    }
    for (const [i, text] of Object.values(SAME_TOPIC_ARTICLES).entries()) {
      const fp = fingerprint(text)
      const rows = candidates.all(dedupeColumns(fp))
      const matches = rows.filter((r) => isNearDuplicate(fp, fingerprintFromColumns(r))).map((r) => r.id)
      assert.deepEqual(matches, [i + 1], 'only itself')
    }
    db.close()
  })

  it('keeps a short text out of band lookups', () => {
    const cols = dedupeColumns(fingerprint('Ảnh: TTXVN'))
    for (const b of BANDS) assert.equal(cols[b], NO_BAND)
    const long = dedupeColumns(fingerprint(PRESS_RELEASE))
    for (const b of BANDS) assert.ok(long[b] >= 0)
    assert.equal(long.minhash.length, 256)
    assert.match(long.simhash, /^[0-9a-f]{16}$/)
  })
})
