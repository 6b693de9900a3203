/**
 * The series behind Erlang A, summed term by term with positive terms only (no cancellation)
 * and rescaled before they overflow, so each is returned as a logarithm or as a ratio.
 *
 * With x = N mu / theta and y = lambda / theta (mu = 1 / AHT, theta = 1 / patience), a
 * contact that finds all N agents busy and j contacts ahead arrives in a state whose
 * probability is proportional to q_j = y^j / ((x + 1) (x + 2) ... (x + j)).
 */

const RESCALE = 1e280
const LOG_RESCALE = Math.log(RESCALE)
const TAIL_SHARE = 1e-17

export interface WaitingSeries {
  /** ln S, S = sum of q_j: the ratio P(wait) / P(all N busy and nobody waiting). */
  readonly logSum: number
  /** P(abandon | wait) = sum q_j (j + 1) / (x + j + 1) / S. */
  readonly abandonGivenWait: number
  /**
   * theta E[wait; answered | wait] = sum q_j x / (x + j + 1) H_j / S, with
   * H_j = sum over k = 1..j + 1 of 1 / (x + k).
   */
  readonly answeredWaitGivenWait: number
}

// @debt staffing: the term count grows with y - x = (A - N) patience / AHT, so a heavily
// overloaded queue with long patience costs milliseconds; a sum started at the peak term
// (needs a log-gamma) would cut it to a few sqrt(y) terms.
/**
 * Sums the Erlang A waiting series for x = N mu / theta and y = lambda / theta. Without
 * `withWait` the ASA series is skipped (a search needs only the service level) and
 * `answeredWaitGivenWait` is NaN.
 */
export const waitingSeries = (x: number, y: number, withWait = true): WaitingSeries => {
  let term = 1
  let sum = 0
  let abandon = 0
  let answeredWait = 0
  let harmonic = 0
  let logScale = 0

  for (let j = 0; ; j++) {
    const share = 1 / (x + j + 1)
    sum += term
    abandon += term * (j + 1) * share
    if (withWait) {
      harmonic += share
      answeredWait += term * x * share * harmonic
    }

    const ratio = y * share
    term *= ratio
    if (ratio < 1) {
      // The terms left fall at least geometrically: their sum is below term / (1 - ratio),
      // and their harmonic weights stay below harmonic + 1 / ((1 - ratio) (x + j + 1)).
      const room = TAIL_SHARE * (1 - ratio)
      const done =
        term <= room * sum &&
        term <= room * abandon &&
        (!withWait || term * (harmonic + share / (1 - ratio)) <= room * answeredWait)
      if (done) break
    }
    if (sum > RESCALE) {
      term /= RESCALE
      sum /= RESCALE
      abandon /= RESCALE
      answeredWait /= RESCALE
      logScale += LOG_RESCALE
    }
  }

  return {
    logSum: Math.log(sum) + logScale,
    abandonGivenWait: abandon / sum,
    answeredWaitGivenWait: withWait ? answeredWait / sum : Number.NaN,
  }
}

/** ln M(a, z), M(a, z) = sum over k >= 0 of z^k / ((a + 1) ... (a + k)). */
export const logKummerSeries = (a: number, z: number): number => {
  let term = 1
  let sum = 0
  let logScale = 0
  for (let k = 1; ; k++) {
    sum += term
    const ratio = z / (a + k)
    term *= ratio
    if (ratio < 1 && term / (1 - ratio) <= TAIL_SHARE * sum) break
    if (sum > RESCALE) {
      term /= RESCALE
      sum /= RESCALE
      logScale += LOG_RESCALE
    }
  }
  return Math.log(sum) + logScale
}
