import { softmaxInPlace } from './linear-weights.js'

/** Search range for log(temperature): scores of SVMs and NB baselines sit well inside e^-5…e^5. */
const LOG_T_MIN = -5
const LOG_T_MAX = 5
const SEARCH_STEPS = 60

/**
 * Temperature scaling (Guo et al. 2017): the single T that minimises the negative log-likelihood of the
 * gold labels under softmax(scores / T), found by golden-section search on log T. Fit it on documents
 * the model was not trained on, so that `score` means "probability of being right".
 */
export function fitTemperature(scores: readonly Float64Array[], gold: readonly number[]): number {
  const nll = (logT: number) => {
    const t = Math.exp(logT)
    let sum = 0
    const p = new Float64Array(scores[0]?.length ?? 0)
    scores.forEach((s, i) => {
      p.set(s)
      softmaxInPlace(p, t)
      sum -= Math.log(Math.max(p[gold[i]!]!, 1e-12))
    })
    return sum
  }
  const phi = (Math.sqrt(5) - 1) / 2
  let lo = LOG_T_MIN
  let hi = LOG_T_MAX
  for (let step = 0; step < SEARCH_STEPS; step++) {
    const a = hi - phi * (hi - lo)
    const b = lo + phi * (hi - lo)
    if (nll(a) < nll(b)) hi = b
    else lo = a
  }
  return Math.exp((lo + hi) / 2)
}
