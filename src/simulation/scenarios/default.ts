import type { Scenario } from '../scenario.js'

/** Expected requests per local hour on a weekday (00:00 to 23:00), a mid-size shop. */
const weekdayHours = [
  4, 2, 2, 1, 1, 3, 8, 25, 70, 120, 150, 160, 150, 140, 150, 140, 120, 100, 80, 60, 40, 25, 14, 8,
]

/** Weekends run at about 40 per cent of a weekday, and peak later. */
const weekendHours = [
  5, 3, 2, 1, 1, 1, 3, 8, 20, 40, 55, 65, 65, 60, 60, 55, 50, 45, 40, 30, 20, 14, 8, 6,
]

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'] as const

/**
 * A mid-size chat floor over one week (Monday 2 March 2026 to Sunday, London time):
 * about 9,300 requests, 27 agents on weekday, night and weekend shifts, three chats
 * at a time each, two reserve leads. The what-if adds two agents on weekdays from
 * 10:00 to 14:00, the busiest hours. Requests outside every shift become offline cases.
 */
export const defaultScenario: Scenario = {
  name: 'mid-size floor, one week',
  start: '2026-03-02T00:00:00',
  duration: '7d',
  timeZone: 'Europe/London',
  targetSeconds: 60,
  arrivals: {
    type: 'weekly',
    intervalMinutes: 60,
    days: {
      Mon: weekdayHours,
      Tue: weekdayHours,
      Wed: weekdayHours,
      Thu: weekdayHours,
      Fri: weekdayHours,
      Sat: weekendHours,
      Sun: weekendHours,
    },
  },
  handleTime: { type: 'lognormal', mean: 660, cv: 0.8 },
  patience: { type: 'lognormal', mean: 180, cv: 1 },
  responseDelay: { type: 'exponential', mean: 15 },
  caps: { global: 3 },
  floor: { releaseGraceMs: 60_000, nobodyOnline: 'offline-case' },
  roster: [
    { group: 'early', agents: 9, shifts: [{ days: WEEKDAYS, from: '07:00', to: '15:00' }] },
    { group: 'late', agents: 9, shifts: [{ days: WEEKDAYS, from: '12:00', to: '20:00' }] },
    { group: 'night', agents: 2, shifts: [{ from: '20:00', to: '07:00' }] },
    {
      group: 'weekend',
      agents: 5,
      shifts: [{ days: ['Sat', 'Sun'], from: '08:00', to: '20:00' }],
    },
    {
      group: 'lead',
      agents: 2,
      tier: 2,
      reserve: true,
      maxChats: 2,
      shifts: [{ days: WEEKDAYS, from: '09:00', to: '17:00' }],
    },
  ],
  whatIf: {
    name: 'two more agents 10:00-14:00 on weekdays',
    addAgents: [
      { group: 'midday', agents: 2, shifts: [{ days: WEEKDAYS, from: '10:00', to: '14:00' }] },
    ],
  },
}
