import type { Children } from '@kitajs/html'
import { can, type Permission } from '../../accounts/permissions.js'
import type { PageCtx } from '../page-context.js'

/** The main navigation, in order; each entry shows only to roles holding its permission. */
const NAV: { href: string; key: string; perm: Permission | null }[] = [
  { href: '/', key: 'nav.home', perm: null },
  { href: '/explore', key: 'nav.explore', perm: 'articles.view' },
  { href: '/triage', key: 'nav.triage', perm: 'triage.edit' },
  { href: '/watchlists', key: 'nav.watchlists', perm: 'articles.view' },
  { href: '/topics', key: 'nav.topics', perm: 'watchlists.edit' },
  { href: '/notifications', key: 'nav.notifications', perm: 'workspace.view' },
  { href: '/articles', key: 'nav.articles', perm: 'articles.view' },
  { href: '/sources', key: 'nav.sources', perm: 'articles.view' },
  { href: '/admin/users', key: 'nav.users', perm: 'users.manage' },
  { href: '/admin/audit', key: 'nav.audit', perm: 'audit.view' },
  { href: '/admin/webhooks', key: 'nav.webhooks', perm: 'settings.manage' },
  { href: '/profile', key: 'nav.profile', perm: null },
]

const isCurrent = (path: string, href: string) =>
  href === '/'
    ? path === '/' || path.startsWith('/?')
    : path === href || path.startsWith(`${href}/`) || path.startsWith(`${href}?`)

/** The page shell: skip link, header with navigation by role, language switch, main landmark. */
export function Layout(props: { ctx: PageCtx; title: string; children?: Children }) {
  const { ctx } = props
  const { t, user } = ctx
  const other = ctx.locale === 'vi' ? 'en' : 'vi'
  return (
    <>
      {'<!doctype html>'}
      <html lang={ctx.locale}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <meta name="htmx-config" content='{"includeIndicatorStyles":false,"allowEval":false}' />
          <title safe>{`${props.title} · ${t('app.name')}`}</title>
          <link rel="stylesheet" href="/assets/app.css" />
          <script src="/assets/htmx.min.js" defer></script>
          <script src="/assets/app.js" defer></script>
        </head>
        <body hx-headers={JSON.stringify({ 'x-csrf-token': ctx.csrf })}>
          <a class="skip" href="#main" safe>
            {t('nav.skip')}
          </a>
          <header class="top">
            <a class="brand" href="/" safe>
              {t('app.name')}
            </a>
            {user ? (
              <nav aria-label="main">
                {NAV.filter((n) => n.perm === null || can(user.role, n.perm)).map((n) =>
                  n.href === '/notifications' && ctx.unread ? (
                    <a href={n.href} aria-current={isCurrent(ctx.path, n.href) ? 'page' : undefined}>
                      <span safe>{t(n.key)}</span>{' '}
                      <span class="badge" aria-hidden="true">
                        {ctx.unread}
                      </span>
                      <span class="sr-only" safe>
                        {`(${t('notifications.unread_count', { n: ctx.unread })})`}
                      </span>
                    </a>
                  ) : (
                    <a href={n.href} aria-current={isCurrent(ctx.path, n.href) ? 'page' : undefined} safe>
                      {t(n.key)}
                    </a>
                  ),
                )}
              </nav>
            ) : (
              ''
            )}
            <div class="tools">
              <a href={`/lang/${other}?next=${encodeURIComponent(ctx.path)}`} lang={other} safe>
                {t('nav.language')}
              </a>
              {user ? (
                <form method="post" action="/logout" class="inline">
                  <input type="hidden" name="_csrf" value={ctx.csrf} />
                  <button type="submit" class="link" safe>
                    {t('nav.logout')}
                  </button>
                </form>
              ) : (
                ''
              )}
            </div>
          </header>
          <main id="main" tabindex="-1">
            {ctx.flash ? (
              <output class="flash" safe>
                {ctx.flash}
              </output>
            ) : (
              ''
            )}
            {props.children}
          </main>
        </body>
      </html>
    </>
  )
}
