import type { FastifyInstance } from 'fastify'
import { AppError } from '../../shared/errors.js'
import { formatDateTime } from '../../shared/time.js'
import type { AppContext } from '../context.js'
import { pageCtx } from '../page-context.js'
import { Layout } from '../views/layout.js'

/** A story: its articles in order, outlets, languages, and the same event in other languages. */
export function registerStoryView(app: FastifyInstance, ctx: AppContext) {
  app.get<{ Params: { id: string } }>(
    '/stories/:id',
    { config: { access: 'articles.view' } },
    async (req, reply) => {
      if (!/^\d{1,12}$/.test(req.params.id)) throw new AppError('NOT_FOUND', 'no story')
      const id = Number(req.params.id)
      const db = ctx.store.db
      const story = await db.selectFrom('stories').selectAll().where('id', '=', id).executeTakeFirst()
      if (!story) throw new AppError('NOT_FOUND', `no story ${id}`)
      const [articles, links] = await Promise.all([
        db
          .selectFrom('articles')
          .innerJoin('sources', 'sources.id', 'articles.source_id')
          .select([
            'articles.id',
            'articles.title',
            'articles.published_at',
            'articles.lang',
            'articles.dup_of',
            'sources.name as source_name',
          ])
          .where('articles.story_id', '=', id)
          .orderBy('articles.published_at')
          .execute(),
        db
          .selectFrom('story_links')
          .innerJoin('stories', 'stories.id', 'story_links.other_id')
          .select(['stories.id', 'stories.title', 'stories.lang'])
          .where('story_links.story_id', '=', id)
          .execute(),
      ])
      const p = pageCtx(req, reply)
      const { t } = p
      return reply.html(
        <Layout ctx={p} title={story.title}>
          <h1 safe>{`${t('story.title')}: ${story.title}`}</h1>
          <p
            safe
          >{`${t('story.seen', { first: formatDateTime(story.first_seen), last: formatDateTime(story.last_seen) })} · ${t('dash.outlets', { n: new Set(articles.map((a) => a.source_name)).size })} · ${story.lang}`}</p>
          <ol class="items">
            {articles.map((a) => (
              <li>
                <a href={`/articles/${a.id}`} safe>
                  {a.title}
                </a>{' '}
                <small
                  safe
                >{`${a.source_name} · ${formatDateTime(a.published_at ?? '')}${a.dup_of ? ` · ${t('article.group')}` : ''}`}</small>
              </li>
            ))}
          </ol>
          {links.length ? (
            <>
              <h2 safe>{t('story.linked')}</h2>
              <ul class="items">
                {links.map((l) => (
                  <li>
                    <a href={`/stories/${l.id}`} safe>{`${l.title} (${l.lang})`}</a>
                  </li>
                ))}
              </ul>
            </>
          ) : (
            ''
          )}
        </Layout>,
      )
    },
  )
}
