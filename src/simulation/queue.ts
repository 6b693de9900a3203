/**
 * The simulator's agenda: a binary min-heap of pending happenings ordered by time, then
 * by the order they were scheduled, so two happenings at the same millisecond always
 * come out in the same order and a seed always gives the same run.
 *
 * Entries live in parallel typed arrays (no object per entry): a happening is a small
 * `kind` code and a `subject` (a customer or agent number) the simulator interprets.
 */
export class EventQueue {
  private times = new Float64Array(1024)
  private sequences = new Float64Array(1024)
  private kinds = new Uint8Array(1024)
  private subjects = new Int32Array(1024)
  private count = 0
  private scheduled = 0

  /** Time of the happening just taken by `pop`. */
  time = 0
  /** Kind of the happening just taken by `pop`. */
  kind = 0
  /** Subject of the happening just taken by `pop`. */
  subject = 0

  get size(): number {
    return this.count
  }

  /** Earliest pending time, or Infinity when nothing is pending. */
  peekTime(): number {
    return this.count === 0 ? Infinity : (this.times[0] ?? Infinity)
  }

  push(time: number, kind: number, subject: number): void {
    this.pushInTurn(time, kind, subject, this.scheduled++)
  }

  /**
   * Takes a turn in the scheduling order now for a happening that may be pushed later,
   * with `pushInTurn`, or never: it then sorts as if it had been pushed now.
   */
  reserveTurn(): number {
    return this.scheduled++
  }

  /** Pushes a happening in a turn taken by `reserveTurn`. */
  pushInTurn(time: number, kind: number, subject: number, sequence: number): void {
    if (this.count === this.times.length) this.grow()
    let index = this.count++
    const { times, sequences, kinds, subjects } = this

    while (index > 0) {
      const parent = (index - 1) >> 1
      const parentTime = times[parent] ?? 0
      if (parentTime < time || (parentTime === time && (sequences[parent] ?? 0) < sequence)) break
      times[index] = parentTime
      sequences[index] = sequences[parent] ?? 0
      kinds[index] = kinds[parent] ?? 0
      subjects[index] = subjects[parent] ?? 0
      index = parent
    }
    times[index] = time
    sequences[index] = sequence
    kinds[index] = kind
    subjects[index] = subject
  }

  /** Takes the earliest happening into `time`, `kind` and `subject`; false when empty. */
  pop(): boolean {
    if (this.count === 0) return false
    const { times, sequences, kinds, subjects } = this
    this.time = times[0] ?? 0
    this.kind = kinds[0] ?? 0
    this.subject = subjects[0] ?? 0

    const last = --this.count
    const time = times[last] ?? 0
    const sequence = sequences[last] ?? 0
    let index = 0
    let child = 1
    while (child < last) {
      // The earlier of the two children, then whether it comes before the moved entry.
      let childTime = times[child] ?? 0
      const right = child + 1
      if (right < last) {
        const rightTime = times[right] ?? 0
        if (
          rightTime < childTime ||
          (rightTime === childTime && (sequences[right] ?? 0) < (sequences[child] ?? 0))
        ) {
          child = right
          childTime = rightTime
        }
      }
      const childSequence = sequences[child] ?? 0
      if (time < childTime || (time === childTime && sequence < childSequence)) break
      times[index] = childTime
      sequences[index] = childSequence
      kinds[index] = kinds[child] ?? 0
      subjects[index] = subjects[child] ?? 0
      index = child
      child = 2 * index + 1
    }
    times[index] = time
    sequences[index] = sequence
    kinds[index] = kinds[last] ?? 0
    subjects[index] = subjects[last] ?? 0
    return true
  }

  private grow(): void {
    const capacity = this.times.length * 2
    const times = new Float64Array(capacity)
    const sequences = new Float64Array(capacity)
    const kinds = new Uint8Array(capacity)
    const subjects = new Int32Array(capacity)
    times.set(this.times)
    sequences.set(this.sequences)
    kinds.set(this.kinds)
    subjects.set(this.subjects)
    this.times = times
    this.sequences = sequences
    this.kinds = kinds
    this.subjects = subjects
  }
}

/**
 * Turns taken in the agenda (`reserveTurn`) for happenings left unpushed, kept for one
 * millisecond of simulated time: holding a turn at a later time forgets the earlier ones.
 */
export class HeldTurns {
  private readonly entries: number[] = []
  private count = 0
  private at = NaN

  /** Holds `turn` for `subject` at `time` (epoch ms). */
  hold(time: number, subject: number, turn: number): void {
    if (time !== this.at) {
      this.at = time
      this.count = 0 // cleared by count: setting the length would drop the storage
    }
    this.entries[this.count++] = subject
    this.entries[this.count++] = turn
  }

  /** The turn held for `subject` at `time`, given out once; -1 when none. */
  take(time: number, subject: number): number {
    if (time !== this.at) return -1
    const { entries } = this
    for (let i = 0; i < this.count; i += 2) {
      if (entries[i] !== subject) continue
      entries[i] = -1
      return entries[i + 1] ?? -1
    }
    return -1
  }
}
