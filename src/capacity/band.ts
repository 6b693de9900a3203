/**
 * How busy a stretch of time was against the capacity on hand. `closed`: no capacity and
 * no demand at all (the team was not working and nobody asked).
 */
export type Band = 'exceeded' | 'near' | 'comfortable' | 'overstaffed' | 'closed'

export const BANDS: ReadonlyArray<Band> = [
  'exceeded',
  'near',
  'comfortable',
  'overstaffed',
  'closed',
]

/** Utilisation is in progress / capacity, as a fraction (0.8 = 80 %). */
export interface BandThresholds {
  /** Utilisation at or above this is exceeded. */
  readonly exceededUtilisation: number
  /** An average queue (chats) at or above this is exceeded whatever the utilisation. */
  readonly exceededQueue: number
  readonly nearUtilisation: number
  readonly comfortableUtilisation: number
}

export const DEFAULT_BAND_THRESHOLDS: BandThresholds = {
  exceededUtilisation: 1,
  exceededQueue: 1,
  nearUtilisation: 0.8,
  comfortableUtilisation: 0.4,
}

/**
 * The band of averages over one stretch: closed with no capacity and no demand; exceeded
 * with demand but no capacity, utilisation >= exceededUtilisation, or average queue >=
 * exceededQueue; near from nearUtilisation; comfortable from comfortableUtilisation;
 * below that, overstaffed.
 */
export const bandOf = (
  avgInProgress: number,
  avgQueued: number,
  avgCapacity: number,
  requests: number,
  thresholds: BandThresholds = DEFAULT_BAND_THRESHOLDS,
): Band => {
  const demand = avgInProgress > 0 || avgQueued > 0 || requests > 0
  if (avgCapacity === 0) return demand ? 'exceeded' : 'closed'
  const utilisation = avgInProgress / avgCapacity
  if (utilisation >= thresholds.exceededUtilisation) return 'exceeded'
  if (avgQueued >= thresholds.exceededQueue) return 'exceeded'
  if (utilisation >= thresholds.nearUtilisation) return 'near'
  if (utilisation >= thresholds.comfortableUtilisation) return 'comfortable'
  return 'overstaffed'
}
