/**
 * The smallest whole number n >= 1 for which `meets(n)` holds, for a `meets` that is false
 * up to some n and true from there on. Gallops from `start` (down while it holds, up while
 * it does not) in steps doubling from `firstStep`, then bisects. Never calls `meets` below 1.
 */
export const smallestMeeting = (
  start: number,
  firstStep: number,
  meets: (n: number) => boolean,
): number => {
  let passing = start
  let failing = 0
  if (meets(start)) {
    for (let step = firstStep; passing > 1; step *= 2) {
      const probe = Math.max(1, passing - step)
      if (!meets(probe)) {
        failing = probe
        break
      }
      passing = probe
    }
  } else {
    failing = start
    for (let step = firstStep; ; step *= 2) {
      const probe = failing + step
      if (meets(probe)) {
        passing = probe
        break
      }
      failing = probe
    }
  }
  while (passing - failing > 1) {
    const probe = Math.floor((passing + failing) / 2)
    if (meets(probe)) passing = probe
    else failing = probe
  }
  return passing
}
