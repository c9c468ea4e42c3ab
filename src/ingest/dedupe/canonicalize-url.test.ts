import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { isAppError } from '../../shared/errors.js'
import { canonicalizeUrl } from './canonicalize-url.js'

/** [what, input, expected canonical form] */
const CASES: [string, string, string][] = [
  [
    'mobile host, Zalo and utm tracking',
    'https://m.baomoi.example/tin-tuc/abc-123.epi?utm_source=zalo&zarsrc=30',
    'https://baomoi.example/tin-tuc/abc-123.epi',
  ],
  [
    'upper-case scheme and host, default port, fragment',
    'HTTPS://VnExpress.Example:443/thoi-su/hop-bao-chinh-phu-4712345.html#box_comment',
    'https://vnexpress.example/thoi-su/hop-bao-chinh-phu-4712345.html',
  ],
  [
    'http becomes https, www. dropped, explicit port 80 is the default',
    'http://www.baoquangtri.example.vn:80/kinh-te/xuc-tien-dau-tu-2025-187654.htm',
    'https://baoquangtri.example.vn/kinh-te/xuc-tien-dau-tu-2025-187654.htm',
  ],
  [
    'a non-default port keeps the scheme',
    'http://cong-thong-tin.example.vn:8080/tin-tuc/',
    'http://cong-thong-tin.example.vn:8080/tin-tuc',
  ],
  [
    'mobile. host and Facebook click id',
    'https://mobile.thanhnien.example.vn/thoi-su/bien-dong-185240101.htm?fbclid=IwAR0abc',
    'https://thanhnien.example.vn/thoi-su/bien-dong-185240101.htm',
  ],
  [
    'every listed tracking parameter goes, others are kept and sorted',
    'https://tuoitre.example.vn/search?q=bi%E1%BB%83n+%C4%91%C3%B4ng&gclid=1&dclid=2&msclkid=3&mc_cid=4&mc_eid=5&igshid=6&yclid=7&_ga=8&ref=home&ref_src=twsrc&cmpid=9&gidzl=zz&fromtop=1&UTM_Campaign=x&page=2',
    'https://tuoitre.example.vn/search?page=2&q=bi%E1%BB%83n+%C4%91%C3%B4ng',
  ],
  [
    'repeated names keep their order',
    'https://baochinhphu.example.vn/tim-kiem?tag=ha-noi&b=1&tag=da-nang&a=0',
    'https://baochinhphu.example.vn/tim-kiem?a=0&b=1&tag=ha-noi&tag=da-nang',
  ],
  [
    'only the tracking parameters go: article ids in the query stay (index.php too)',
    'https://www.qdnd.example.vn/index.php?newsid=12345&utm_medium=social',
    'https://qdnd.example.vn/?newsid=12345',
  ],
  [
    '/amp/ path segment',
    'https://dantri.example.vn/amp/xa-hoi/x-2025.htm',
    'https://dantri.example.vn/xa-hoi/x-2025.htm',
  ],
  [
    'trailing /amp',
    'https://vietnamnet.example.vn/thoi-su/bai-viet-2345/amp',
    'https://vietnamnet.example.vn/thoi-su/bai-viet-2345',
  ],
  [
    '.amp suffix',
    'https://znews.example.vn/bai-viet-post1543210.amp',
    'https://znews.example.vn/bai-viet-post1543210',
  ],
  [
    '.amp before the extension',
    'https://vtv.example.vn/tin-moi-2025.amp.html',
    'https://vtv.example.vn/tin-moi-2025.html',
  ],
  [
    '?amp=1',
    'https://laodong.example.vn/xa-hoi/tin-1234.ldo?amp=1',
    'https://laodong.example.vn/xa-hoi/tin-1234.ldo',
  ],
  ['bare ?amp', 'https://nld.example.vn/tin-1234.htm?amp', 'https://nld.example.vn/tin-1234.htm'],
  [
    'outputType=amp goes, another outputType stays',
    'https://plo.example.vn/tin.html?outputType=amp&x=1',
    'https://plo.example.vn/tin.html?x=1',
  ],
  [
    'outputType=print is kept',
    'https://plo.example.vn/tin.html?outputType=print',
    'https://plo.example.vn/tin.html?outputType=print',
  ],
  [
    'amp. host',
    'https://amp.baomoi.example/tin-tuc/abc-123.epi',
    'https://baomoi.example/tin-tuc/abc-123.epi',
  ],
  [
    'Google AMP cache (https origin)',
    'https://www-vietnamplus-example-vn.cdn.ampproject.org/c/s/www.vietnamplus.example.vn/amp/bien-dao-post998877.vnp?utm_source=google',
    'https://vietnamplus.example.vn/bien-dao-post998877.vnp',
  ],
  [
    'Google AMP cache (http origin)',
    'https://baoninhbinh-example-vn.cdn.ampproject.org/c/baoninhbinh.example.vn/tin-tuc/le-hoi-2025.amp',
    'https://baoninhbinh.example.vn/tin-tuc/le-hoi-2025',
  ],
  [
    "Google's AMP viewer",
    'https://www.google.com/amp/s/m.tienphong.example.vn/amp/xa-hoi/tin-123.tpo',
    'https://tienphong.example.vn/xa-hoi/tin-123.tpo',
  ],
  [
    'trailing slash',
    'https://baochinhphu.example.vn/chinh-sach-moi/',
    'https://baochinhphu.example.vn/chinh-sach-moi',
  ],
  [
    'duplicate slashes',
    'https://baochinhphu.example.vn//chinh-sach-moi//tin.htm',
    'https://baochinhphu.example.vn/chinh-sach-moi/tin.htm',
  ],
  ['root stays /', 'https://www.baochinhphu.example.vn', 'https://baochinhphu.example.vn/'],
  [
    'index.html',
    'https://sonoivu.quangtri.example.gov.vn/tin-tuc/index.html',
    'https://sonoivu.quangtri.example.gov.vn/tin-tuc',
  ],
  ['root index.php', 'https://ubnd.example.gov.vn/index.php', 'https://ubnd.example.gov.vn/'],
  [
    'escaped unreserved characters decoded, hex upper-cased',
    'https://baomoi.example/tin%2dtuc/%7euser/a%2fb%3f',
    'https://baomoi.example/tin-tuc/~user/a%2Fb%3F',
  ],
  [
    'raw Vietnamese path (NFC) and its escaped form agree',
    'https://vi.wiki.example/wiki/Tr%c6%b0%e1%bb%9dng_Sa',
    'https://vi.wiki.example/wiki/Tr%C6%B0%E1%BB%9Dng_Sa',
  ],
  [
    'raw Vietnamese path',
    'https://vi.wiki.example/wiki/Trường_Sa',
    'https://vi.wiki.example/wiki/Tr%C6%B0%E1%BB%9Dng_Sa',
  ],
  [
    'NFD (decomposed) Vietnamese path',
    'https://vi.wiki.example/wiki/Trươ\u0300ng_Sa',
    'https://vi.wiki.example/wiki/Tr%C6%B0%E1%BB%9Dng_Sa',
  ],
  // expected value checked with an independent encoder (Python's idna codec)
  [
    'IDN host to punycode',
    'https://báođiệntử.example.vn/tin',
    'https://xn--boint-xqa15aj24r3ja.example.vn/tin',
  ],
  ['trailing dot in host', 'https://baomoi.example./tin', 'https://baomoi.example/tin'],
  ['user info dropped', 'https://user:secret@baomoi.example/tin', 'https://baomoi.example/tin'],
  ['dot segments resolved', 'https://baomoi.example/a/./b/../tin.epi', 'https://baomoi.example/a/tin.epi'],
  ['empty query pieces', 'https://baomoi.example/tin?&&id=1&', 'https://baomoi.example/tin?id=1'],
  ['m.vn is not shortened to vn', 'https://m.vn/tin', 'https://m.vn/tin'],
  ['IPv4 host kept', 'http://203.162.4.190/tin/', 'https://203.162.4.190/tin'],
  [
    'an id segment that only looks like a suffix is kept',
    'https://baomoi.example/campaign/ampere',
    'https://baomoi.example/campaign/ampere',
  ],
]

describe('canonicalizeUrl', () => {
  for (const [what, input, expected] of CASES) {
    it(what, () => assert.equal(canonicalizeUrl(input), expected))
  }

  it('is idempotent', () => {
    for (const [, input] of CASES) {
      const once = canonicalizeUrl(input)
      assert.equal(canonicalizeUrl(once), once, input)
    }
  })

  it('makes the share, mobile, AMP and desktop links of one article equal', () => {
    const forms = [
      'https://baoquangtri.example.vn/kinh-te/xuc-tien-dau-tu-187654.htm',
      'http://www.baoquangtri.example.vn/kinh-te/xuc-tien-dau-tu-187654.htm?utm_source=facebook&fbclid=Iw1',
      'https://m.baoquangtri.example.vn/kinh-te/xuc-tien-dau-tu-187654.htm?zarsrc=31&gidzl=Ab-12',
      'https://baoquangtri.example.vn/amp/kinh-te/xuc-tien-dau-tu-187654.htm',
      'https://baoquangtri-example-vn.cdn.ampproject.org/c/s/baoquangtri.example.vn/kinh-te/xuc-tien-dau-tu-187654.htm?amp=1',
      'https://BAOQUANGTRI.example.vn/kinh-te/xuc-tien-dau-tu-187654.htm/#top',
    ]
    assert.equal(new Set(forms.map(canonicalizeUrl)).size, 1)
  })

  for (const bad of [
    '',
    'not a url',
    '/tin-tuc/abc',
    'mailto:toasoan@baomoi.example',
    'javascript:alert(1)',
  ]) {
    it(`rejects ${JSON.stringify(bad)}`, () => {
      assert.throws(
        () => canonicalizeUrl(bad),
        (e) => isAppError(e) && e.code === 'INPUT_INVALID',
      )
    })
  }
})
