/** Lanczos coefficients (g = 7, n = 9): about 15 significant digits for x > 0. */
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
]
const LANCZOS_G = 7
const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI)
/** Summing stops once a term adds less than this share of the running total. */
const SERIES_EPSILON = 1e-14
/** Upper bound on summed terms: far past any realistic daily count; bounds the loop on bad input. */
const MAX_TERMS = 100_000

/** ln Γ(x) for x > 0. */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x)
  const z = x - 1
  let a = LANCZOS[0]!
  const t = z + LANCZOS_G + 0.5
  for (let i = 1; i < LANCZOS.length; i++) a += LANCZOS[i]! / (z + i)
  return HALF_LOG_2PI + (z + 0.5) * Math.log(t) - t + Math.log(a)
}

/**
 * P(X ≥ k) by summing the probability mass upward from k with the ratio `next(i)` = pmf(i+1)/pmf(i).
 * Summing the upper tail directly keeps tiny p-values exact (1 − CDF would round them to 0).
 */
function upperTail(
  k: number,
  logPmfK: number,
  ratio: (i: number) => number,
  lowerTail: () => number,
): number {
  if (k <= 0) return 1
  let term = Math.exp(logPmfK)
  // Below the mode the upper sum would take many terms; the lower sum is short and just as exact there.
  if (ratio(k) >= 1) return Math.min(1, Math.max(0, 1 - lowerTail()))
  let sum = 0
  for (let i = k; i < k + MAX_TERMS && term > 0; i++) {
    sum += term
    if (term < sum * SERIES_EPSILON) break
    term *= ratio(i)
  }
  return Math.min(1, sum)
}

/** P(X ≥ k) for X ~ Poisson(mean). */
export function poissonUpperTail(k: number, mean: number): number {
  if (k <= 0) return 1
  if (mean <= 0) return 0
  const logPmf = (i: number) => -mean + i * Math.log(mean) - logGamma(i + 1)
  const lower = () => {
    let s = 0
    for (let i = 0; i < k; i++) s += Math.exp(logPmf(i))
    return s
  }
  return upperTail(k, logPmf(k), (i) => mean / (i + 1), lower)
}

/**
 * P(X ≥ k) for a negative binomial with the given mean and size r (variance = mean + mean²/r).
 * It is the Poisson whose rate is itself uncertain (gamma-distributed): the right model for news
 * counts, which vary more from day to day than a Poisson allows. r → ∞ gives the Poisson.
 */
export function negBinomialUpperTail(k: number, mean: number, size: number): number {
  if (k <= 0) return 1
  if (mean <= 0) return 0
  if (!Number.isFinite(size) || size > 1e8) return poissonUpperTail(k, mean)
  const q = mean / (size + mean) // success probability of the "failure count" form
  const logQ = Math.log(q)
  const logP = Math.log1p(-q)
  const logPmf = (i: number) => logGamma(i + size) - logGamma(size) - logGamma(i + 1) + size * logP + i * logQ
  const lower = () => {
    let s = 0
    for (let i = 0; i < k; i++) s += Math.exp(logPmf(i))
    return s
  }
  return upperTail(k, logPmf(k), (i) => ((i + size) / (i + 1)) * q, lower)
}
