import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { parseQuery } from '../search/query/parse-query.js'
import { appError } from '../shared/errors.js'
import { cliTranslator } from './messages.js'
import { queryErrorText } from './query-error-text.js'

const refusal = (q: string): unknown => {
  try {
    parseQuery(q)
  } catch (e) {
    return e
  }
  assert.fail(`"${q}" should be refused`)
}

test('a refused query is explained in the CLI language with a caret under the position', () => {
  const q = 'bien dong AND (kinh te'
  const vi = queryErrorText(refusal(q), q, cliTranslator([], {}))
  assert.equal(
    vi,
    `[QUERY_SYNTAX] Lỗi cú pháp ở vị trí 15: Thiếu dấu đóng ngoặc\n  ${q}\n                ^\n`,
  )
  const en = queryErrorText(refusal('"bien dong'), '"bien dong', cliTranslator(['--lang', 'en'], {}))
  assert.equal(en, '[QUERY_SYNTAX] Syntax error at position 1: Unclosed quotation mark\n  "bien dong\n  ^\n')
})

test('a timeout has no position; other errors are left to the common handler', () => {
  const t = cliTranslator([], { HAIDANG_CLI_LANG: 'en' })
  const timeout = appError('QUERY_TIMEOUT', 'took too long')
  assert.match(queryErrorText(timeout, 'x', t) ?? '', /^\[QUERY_TIMEOUT\] The search took too long/)
  assert.equal(queryErrorText(new Error('boom'), 'x', t), null)
  assert.equal(queryErrorText(appError('NOT_FOUND', 'gone'), 'x', t), null)
})

test('haidang search exits with 2 and the Vietnamese reason on a malformed query', () => {
  const dir = mkdtempSync(join(tmpdir(), 'haidang-cli-'))
  try {
    const r = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', 'search', 'NEAR/0', '--db', join(dir, 'x.sqlite')],
      { encoding: 'utf8', env: { ...process.env, HAIDANG_DATA_DIR: dir }, timeout: 60_000 },
    )
    assert.equal(r.status, 2, r.stderr)
    assert.match(r.stderr, /^\[QUERY_SYNTAX\] Lỗi cú pháp ở vị trí \d+: /)
    assert.equal(r.stdout, '')
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})
