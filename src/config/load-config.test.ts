import assert from 'node:assert/strict'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { isAppError } from '../shared/errors.js'
import { loadConfig } from './load-config.js'

test('defaults need no configuration', () => {
  const c = loadConfig({ env: {} })
  assert.equal(c.host, '127.0.0.1')
  assert.equal(c.port, 3000)
  assert.equal(c.dataDir, './var')
  assert.equal(c.databaseUrl, '')
  assert.equal(c.cookieSecure, false)
})

test('invalid configuration lists every problem at once', () => {
  try {
    loadConfig({ env: { HAIDANG_PORT: 'abc', HAIDANG_DATABASE_URL: 'mysql://x', HAIDANG_PROT: '1' } })
    assert.fail('should throw')
  } catch (e) {
    assert.ok(isAppError(e))
    assert.equal(e.code, 'CONFIG_INVALID')
    const problems = e.details.problems as string[]
    assert.equal(problems.length, 3)
    assert.match(e.message, /HAIDANG_PORT/)
    assert.match(e.message, /HAIDANG_DATABASE_URL/)
    assert.match(e.message, /HAIDANG_PROT: unknown option/)
  }
})

test('config file sits below the environment', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hd-cfg-'))
  const file = join(dir, 'c.json')
  writeFileSync(file, JSON.stringify({ port: 4000, HAIDANG_HOST: '0.0.0.0' }))
  const c = loadConfig({ env: { HAIDANG_PORT: '5000' }, file })
  assert.equal(c.port, 5000)
  assert.equal(c.host, '0.0.0.0')
  assert.throws(() => loadConfig({ env: {}, file: join(dir, 'missing.json') }), /cannot read config file/)
})
