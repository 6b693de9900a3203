/**
 * Caps on concurrent chats. The most specific limit wins: the agent's own, then the
 * smallest limit among the agent's departments, then the global one, then the default.
 */

/** The cap of an agent when no limit has been set anywhere. */
export const DEFAULT_MAX_CHATS = 3

export interface CapLimits {
  readonly global: number | undefined
  readonly byDepartment: ReadonlyMap<string, number>
  readonly byAgent: ReadonlyMap<string, number>
}

export const noCapLimits: CapLimits = {
  global: undefined,
  byDepartment: new Map(),
  byAgent: new Map(),
}

/** The cap that applies to one agent given the limits in force. */
export const effectiveCap = (
  limits: CapLimits,
  agentId: string,
  departments: ReadonlyArray<string>,
): number => {
  const own = limits.byAgent.get(agentId)
  if (own !== undefined) return own

  let departmentCap: number | undefined
  for (const department of departments) {
    const cap = limits.byDepartment.get(department)
    if (cap !== undefined && (departmentCap === undefined || cap < departmentCap)) {
      departmentCap = cap
    }
  }
  if (departmentCap !== undefined) return departmentCap

  return limits.global ?? DEFAULT_MAX_CHATS
}

/** Whether a value can be a cap: a non-negative whole number. */
export const isValidCap = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0
