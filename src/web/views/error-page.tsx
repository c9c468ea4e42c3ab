import type { PageCtx } from '../page-context.js'
import { Layout } from './layout.js'

export function ErrorPage(props: { ctx: PageCtx; status: number; message: string }) {
  const { t } = props.ctx
  return (
    <Layout ctx={props.ctx} title={t('error.title')}>
      <section class="card narrow">
        <h1 safe>{`${props.status} · ${t('error.title')}`}</h1>
        <p safe>{props.message}</p>
        <p>
          <a href="/" safe>
            {t('error.back')}
          </a>
        </p>
      </section>
    </Layout>
  )
}
