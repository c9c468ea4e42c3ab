import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { sentences, splitSentences } from './sentences.js'

describe('splitSentences', () => {
  it('splits on terminators followed by a capital', () => {
    assert.deepEqual(sentences('Trời mưa. Đường ngập! Có ai về không? Không.'), [
      'Trời mưa.',
      'Đường ngập!',
      'Có ai về không?',
      'Không.',
    ])
  })

  it('does not split after Vietnamese abbreviations and initials', () => {
    assert.deepEqual(sentences('PGS.TS. Nguyễn Văn A làm việc tại TP.HCM. Ông sống ở TP. Hồ Chí Minh.'), [
      'PGS.TS. Nguyễn Văn A làm việc tại TP.HCM.',
      'Ông sống ở TP. Hồ Chí Minh.',
    ])
    assert.deepEqual(sentences('GS. Trần B, ThS. Lê C và TS. Phạm D dự họp ở Q. 1, P. Bến Nghé, Tp. Huế.'), [
      'GS. Trần B, ThS. Lê C và TS. Phạm D dự họp ở Q. 1, P. Bến Nghé, Tp. Huế.',
    ])
    assert.deepEqual(sentences('Ông Nguyễn V. Anh phát biểu. Hội nghị bế mạc.'), [
      'Ông Nguyễn V. Anh phát biểu.',
      'Hội nghị bế mạc.',
    ])
  })

  it('does not split after English abbreviations', () => {
    assert.deepEqual(sentences('Mr. Smith met Dr. Jones of St. Mary in the U.S. on Monday. They agreed.'), [
      'Mr. Smith met Dr. Jones of St. Mary in the U.S. on Monday.',
      'They agreed.',
    ])
  })

  it('keeps decimals and dates, splits after a final number', () => {
    assert.deepEqual(sentences('Ngày 16.5.2019, GDP đạt 1.234,5 tỷ. Năm 2019. Sau đó tăng 3.5%.'), [
      'Ngày 16.5.2019, GDP đạt 1.234,5 tỷ.',
      'Năm 2019.',
      'Sau đó tăng 3.5%.',
    ])
  })

  it('handles ellipses and closing quotes', () => {
    assert.deepEqual(
      sentences('Anh nói: "Đi thôi!" Mọi người đứng dậy. Chờ đã... rồi sao? Không biết… Thôi.'),
      ['Anh nói: "Đi thôi!"', 'Mọi người đứng dậy.', 'Chờ đã... rồi sao?', 'Không biết…', 'Thôi.'],
    )
    assert.deepEqual(sentences('Ông hỏi “Vì sao?” Bà im lặng.'), ['Ông hỏi “Vì sao?”', 'Bà im lặng.'])
  })

  it('ends a sentence at a line break, and gives offsets', () => {
    const text = 'Tiêu đề không dấu chấm\n\n  Đoạn một. Đoạn hai'
    const spans = splitSentences(text)
    assert.deepEqual(
      spans.map((s) => s.text),
      ['Tiêu đề không dấu chấm', 'Đoạn một.', 'Đoạn hai'],
    )
    for (const s of spans) assert.equal(text.slice(s.start, s.end), s.text)
  })

  it('returns nothing for empty or blank text', () => {
    assert.deepEqual(sentences(''), [])
    assert.deepEqual(sentences(' \n '), [])
  })
})
