import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'

test('haidang import says in Vietnamese which lines it skipped and why, and imports the rest', () => {
  const dir = mkdtempSync(join(tmpdir(), 'haidang-cli-'))
  try {
    const file = join(dir, 'in.jsonl')
    const good = JSON.stringify({ id: 'a', title: 'Tin', text: 'Giá lúa gạo tăng.' })
    writeFileSync(file, `${good}\nkhông phải json\n{"id":"b"}\n{"id":"c","text":""}\n`)
    const r = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', 'import', file, '--db', join(dir, 'x.sqlite'), '--no-analyze'],
      { encoding: 'utf8', env: { ...process.env, HAIDANG_DATA_DIR: dir }, timeout: 60_000 },
    )
    assert.equal(r.status, 0, r.stderr)
    assert.match(r.stderr, /dòng 2: không phải JSON hợp lệ/)
    assert.match(r.stderr, /dòng 3: thiếu trường "text"/)
    assert.match(r.stderr, /dòng 4: trường "text" không hợp lệ/)
    assert.match(r.stdout, /1 bài mới, 0 bài cập nhật, 3 dòng lỗi/)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})
