import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { isAppError } from '../../shared/errors.js'
import { sharedDataDir } from '../../shared/paths.js'
import { readConllu, readJavaStringSet, readUnderscoreCorpus } from './corpus.js'
import { joinsToLengths, scoreSegmentation } from './evaluate.js'
import { HashSet32 } from './hash.js'
import { LongestMatchSegmenter } from './longest-match.js'
import { loadModel, saveModel } from './model-file.js'
import { loadSegmenter } from './segmenter.js'

/** Dev sentences scored in the test (the full set is in bench/segment.ts). */
const DEV_SLICE = 300
/** The shipped model scores ~97.4 F1 on the whole dev set; the slice must stay above this. */
const MIN_F1 = 0.965

describe('loadSegmenter (shipped model)', () => {
  const seg = loadSegmenter()

  it('segments known sentences', () => {
    assert.deepEqual(seg.segment('Hà Nội'), ['Hà_Nội'])
    assert.ok(seg.segment('công tác thông tin đối ngoại năm 2019').includes('thông_tin'))
    assert.deepEqual(seg.segment('thông tin đối ngoại'), ['thông_tin', 'đối_ngoại'])
    assert.deepEqual(seg.segment('Chủ tịch tỉnh Quảng Ninh phát biểu tại hội nghị.'), [
      'Chủ_tịch',
      'tỉnh',
      'Quảng_Ninh',
      'phát_biểu',
      'tại',
      'hội_nghị',
      '.',
    ])
    assert.equal(
      seg.segmentLine('Bộ Ngoại giao Việt Nam bác bỏ thông tin sai lệch về Biển Đông.'),
      'Bộ Ngoại_giao Việt_Nam bác_bỏ thông_tin sai_lệch về Biển_Đông.',
    )
  })

  it('reads decomposed (NFD) input like NFC', () => {
    const nfd = 'thông tin đối ngoại'.normalize('NFD')
    assert.deepEqual(
      seg.segment(nfd).map((w) => w.normalize('NFC')),
      ['thông_tin', 'đối_ngoại'],
    )
  })

  it('treats both tone placements alike', () => {
    assert.deepEqual(seg.segment('hoà bình'), ['hoà_bình'])
    assert.deepEqual(seg.segment('hòa bình'), ['hòa_bình'])
  })

  it('segmentLine keeps the line and joins word syllables with _', () => {
    assert.equal(seg.segmentLine('Tôi yêu Hà Nội.'), 'Tôi yêu Hà_Nội.')
    assert.equal(
      seg.segmentLine('  Kế hoạch số 04/KH-UBND (13/3/2019) về thông tin đối ngoại!  '),
      '  Kế_hoạch số 04/KH-UBND (13/3/2019) về thông_tin đối_ngoại!  ',
    )
    assert.equal(seg.segmentLine(''), '')
    assert.equal(seg.segmentLine('Hà , Nội'), 'Hà , Nội') // never joins across punctuation
  })

  it(`scores F1 >= ${MIN_F1} on ${DEV_SLICE} dev sentences, above the longest-match baseline`, () => {
    const dev = readConllu(sharedDataDir('ud-vtb', 'vi_vtb-ud-dev.conllu')).slice(0, DEV_SLICE)
    const predict = (p: { predict(s: readonly string[], j: Uint8Array): void }) =>
      dev.map((s) => {
        const syl = s.flat()
        const joins = new Uint8Array(syl.length)
        p.predict(syl, joins)
        return joinsToLengths(joins, syl.length)
      })
    const model = scoreSegmentation(dev, predict(seg.model))
    const baseline = scoreSegmentation(dev, predict(new LongestMatchSegmenter(seg.model.dict)))
    assert.ok(model.f1 >= MIN_F1, `F1 ${model.f1}`)
    assert.ok(model.f1 > baseline.f1, `model ${model.f1} vs baseline ${baseline.f1}`)
  })
})

describe('model file', () => {
  it('saves and loads the same predictions', () => {
    const dir = mkdtempSync(join(tmpdir(), 'seg-'))
    try {
      const model = loadSegmenter().model
      const path = join(dir, 'm.bin.gz')
      saveModel(path, model, { test: true })
      const copy = loadModel(path)
      const syl = 'Ủy ban nhân dân tỉnh Quảng Ngãi ban hành kế hoạch'.split(' ')
      const a = new Uint8Array(syl.length)
      const b = new Uint8Array(syl.length)
      model.predict(syl, a)
      copy.predict(syl, b)
      assert.deepEqual(b, a)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('reports a missing model with MODEL_MISSING', () => {
    assert.throws(
      () => loadSegmenter('/nonexistent/segmenter.bin.gz'),
      (e) => isAppError(e) && e.code === 'MODEL_MISSING',
    )
  })
})

describe('training data readers', () => {
  it('reads CoNLL-U words with spaces, underscore text and the Java vocabulary', () => {
    const train = readConllu(sharedDataDir('ud-vtb', 'vi_vtb-ud-train.conllu'))
    assert.equal(train.length, 1400)
    assert.deepEqual(train[0]!.slice(4, 7), [['chủ', 'tịch'], ['xã'], ['Bùi', 'Văn', 'Luyến']])
    const rdr = readUnderscoreCorpus(sharedDataDir('rdrsegmenter', 'train', 'Train_gold.txt'))
    assert.ok(rdr.some((s) => s.some((w) => w.join(' ') === 'giác mạc')))
    const vocab = readJavaStringSet(sharedDataDir('rdrsegmenter', 'VnVocab'))
    assert.ok(vocab.length > 30000)
    assert.ok(vocab.includes('khiêm nhường'))
  })

  it('HashSet32 stores and finds values', () => {
    const set = new HashSet32(Uint32Array.from([5, 7, 7, 0xffffffff]))
    assert.equal(set.size, 3)
    assert.ok(set.has(7) && set.has(0xffffffff) && !set.has(6))
    assert.deepEqual([...set.values()], [5, 7, 0xffffffff])
  })
})
