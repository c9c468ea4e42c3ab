import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { isAppError } from '../../shared/errors.js'
import { parseOpml, writeOpml } from './opml.js'

const OPML = `<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <head><title>Nguồn theo dõi</title></head>
  <body>
    <outline text="Báo trung ương">
      <outline text="Nhân Dân" type="rss" xmlUrl="https://nhandan.example.vn/rss/home.rss" htmlUrl="https://nhandan.example.vn/"/>
      <outline text="Thông tấn xã" title="TTXVN" type="rss" xmlUrl="https://ttx.example.vn/rss"/>
    </outline>
    <outline text="Báo nước ngoài">
      <outline text="Châu Á">
        <outline text="Asia News" type="rss" xmlUrl="https://asia.example.com/feed"/>
      </outline>
    </outline>
    <outline text="Đà Nẵng" type="rss" xmlUrl="https://baodanang.example.vn/rss" category="/Địa phương"/>
    <outline text="Trùng" type="rss" xmlUrl="https://ttx.example.vn/rss"/>
  </body>
</opml>`

describe('OPML', () => {
  it('flattens folders into categories and drops duplicates', () => {
    assert.deepEqual(parseOpml(OPML), [
      {
        title: 'Nhân Dân',
        xmlUrl: 'https://nhandan.example.vn/rss/home.rss',
        htmlUrl: 'https://nhandan.example.vn/',
        category: 'Báo trung ương',
      },
      { title: 'TTXVN', xmlUrl: 'https://ttx.example.vn/rss', htmlUrl: null, category: 'Báo trung ương' },
      { title: 'Asia News', xmlUrl: 'https://asia.example.com/feed', htmlUrl: null, category: 'Châu Á' },
      { title: 'Đà Nẵng', xmlUrl: 'https://baodanang.example.vn/rss', htmlUrl: null, category: 'Địa phương' },
    ])
  })
  it('round-trips through writeOpml', () => {
    const sources = parseOpml(OPML)
    const xml = writeOpml(sources, { title: 'Xuất', now: new Date('2024-03-01T00:00:00Z') })
    assert.match(xml, /<title>Xuất<\/title>/)
    assert.deepEqual(parseOpml(xml), sources)
  })
  it('rejects non-OPML', () => {
    assert.throws(
      () => parseOpml('<rss version="2.0"></rss>'),
      (e) => isAppError(e) && e.code === 'PARSE_FAILED',
    )
  })
})
