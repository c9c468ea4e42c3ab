import type { OutletDef } from './corpus-schema.js'

/** What differs between the outlets' article templates: class names, headings, machine-readable dates. */
export interface PageLayout {
  nav: string[]
  classes: { article: string; title: string; sapo: string; body: string; date: string; author: string }
  home: string
  related: string
  mostRead: string
  comments: string | null
  /** `article:published_time` and friends in the head */
  ogDates: boolean
  /** a JSON-LD NewsArticle block */
  jsonLd: boolean
  /** portal style: date line above the title and a dated "Các tin khác" list */
  portal: boolean
}

const VI_NAV = [
  'Thời sự',
  'Kinh tế',
  'Văn hóa',
  'Xã hội',
  'Giáo dục',
  'Quốc phòng - Biển đảo',
  'Du lịch',
  'Thể thao',
]

const LAYOUTS: Record<OutletDef['dateStyle'], PageLayout> = {
  'weekday-gmt7': {
    nav: VI_NAV,
    classes: {
      article: 'fck_detail-wrap',
      title: 'title-detail',
      sapo: 'description',
      body: 'fck_detail',
      date: 'date',
      author: 'Normal author',
    },
    home: 'Trang chủ',
    related: 'Tin liên quan',
    mostRead: 'Đọc nhiều',
    comments: 'Ý kiến bạn đọc',
    ogDates: true,
    jsonLd: false,
    portal: false,
  },
  'dash-time': {
    nav: ['Thời sự', 'Đầu tư', 'Thị trường', 'Doanh nghiệp', 'Tài chính', 'Kinh tế'],
    classes: {
      article: 'article-detail',
      title: 'article-title',
      sapo: 'sapo',
      body: 'article-body',
      date: 'publish-date',
      author: 'article-author',
    },
    home: 'Trang chủ',
    related: 'Tin liên quan',
    mostRead: 'Tin đọc nhiều',
    comments: 'Bình luận',
    ogDates: true,
    jsonLd: false,
    portal: false,
  },
  'portal-seconds': {
    nav: ['Giới thiệu', 'Tin hoạt động', 'Chỉ đạo điều hành', 'Thông tin đối ngoại', 'Đối ngoại', 'Đầu tư'],
    classes: {
      article: 'news-detail',
      title: 'news-title',
      sapo: 'news-lead',
      body: 'news-content',
      date: 'news-date',
      author: 'news-author',
    },
    home: 'Trang chủ',
    related: 'Các tin khác',
    mostRead: 'Tin nổi bật',
    comments: null,
    ogDates: false,
    jsonLd: false,
    portal: true,
  },
  'en-long': {
    nav: ['Region', 'Business', 'Rights', 'Environment', 'Culture', 'Travel'],
    classes: {
      article: 'story',
      title: 'headline',
      sapo: 'standfirst',
      body: 'story-body',
      date: 'dateline',
      author: 'byline',
    },
    home: 'Home',
    related: 'Related stories',
    mostRead: 'Most read',
    comments: 'Comments',
    ogDates: true,
    jsonLd: true,
    portal: false,
  },
  'en-utc': {
    nav: ['Regional news', 'Press releases', 'Markets', 'Community'],
    classes: {
      article: 'release',
      title: 'release-title',
      sapo: 'release-summary',
      body: 'release-body',
      date: 'release-date',
      author: 'release-source',
    },
    home: 'Home',
    related: 'More releases',
    mostRead: 'Latest',
    comments: null,
    ogDates: true,
    jsonLd: true,
    portal: false,
  },
}

export const layoutOf = (def: OutletDef): PageLayout => LAYOUTS[def.dateStyle]
