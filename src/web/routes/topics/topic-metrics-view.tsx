import type { TopicStatus } from '../../../analyze/user-topics/index.js'
import type { PageCtx } from '../../page-context.js'
import { percent } from './topic-web.js'

/** The topic's quality line: cross-validated figures, "needs more labels", or waiting for training. */
export function MetricsText(props: { ctx: PageCtx; s: TopicStatus }) {
  const { t } = props.ctx
  const m = props.s.metrics
  const text =
    m === null
      ? t('topics.metrics_pending')
      : m.status === 'needs_more_labels'
        ? t('topics.needs_more', { min: m.minPerClass, pos: m.positives, neg: m.negatives })
        : t('topics.metrics_line', {
            accuracy: percent(m.accuracy),
            precision: percent(m.precision),
            recall: percent(m.recall),
            f1: percent(m.f1),
          })
  return <span safe>{text}</span>
}
