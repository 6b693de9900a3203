import type * as E from 'fp-ts/lib/Either.js'
import type { AgentStatus, FloorEvent } from '../chat/events.js'
import type { FloorCommand } from './commands.js'
import { execute } from './decide.js'
import type { FloorError } from './errors.js'
import type { Floor } from './floor.js'
import { floorOver } from './floor.js'
import type { FloorSettings } from './settings.js'
import type { ChatStage } from './state.js'
import { initialFloorState } from './state.js'
import { nextDueAt } from './timers.js'
import { apply } from './apply.js'
import { heapPeek } from './heap.js'
import type { Run } from './routing.js'
import { startRun } from './routing.js'

export interface AgentView {
  readonly agentId: string
  readonly name: string | undefined
  readonly tier: number
  readonly reserve: boolean
  readonly departments: ReadonlyArray<string>
  readonly status: AgentStatus
  readonly cap: number
  /** Chats held plus offers pending. */
  readonly load: number
  readonly chats: ReadonlyArray<string>
  readonly missedOffers: number
}

export interface ChatView {
  readonly chatId: string
  readonly stage: ChatStage
  readonly department: string | undefined
  readonly priority: number
  /** The agent holding the chat or with its pending offer. */
  readonly agentId: string | undefined
  /** Epoch ms the chat's wait counts from: its request, or its latest reopen. */
  readonly waitingSince: number
  /** Agents who missed or declined the chat this round: asked again only in a new round. */
  readonly passedOver: ReadonlyArray<string>
  /** The agent who transferred the chat away: not asked for it until someone takes it. */
  readonly sentAwayBy: string | undefined
}

/**
 * The live floor for a host or a simulator: the same rules as `floorDecider`, over a
 * private state that changes in place, so a routing decision costs microseconds.
 */
export class FloorEngine {
  private readonly floor: Floor
  /** Restarted for every command: the events it gathers are handed over, never kept. */
  private readonly run: Run

  constructor(settings: FloorSettings) {
    this.floor = floorOver(initialFloorState(), settings)
    this.run = startRun(this.floor, 0)
  }

  /** Carries out a command; on an error nothing changed. */
  handle(command: FloorCommand): E.Either<FloorError, ReadonlyArray<FloorEvent>> {
    return execute(this.floor, command, this.run)
  }

  /** Folds an event that was stored earlier (replay); it is not checked again. */
  replay(event: FloorEvent): void {
    apply(this.floor, event)
  }

  /** When the next timer falls due (epoch ms): send a Tick then. */
  nextDueAt(): number | undefined {
    return nextDueAt(this.floor)
  }

  queueLength(): number {
    return this.floor.state.waiting
  }

  /** The chat first in line in a department's queue, or in the queue of no department. */
  queueHead(department?: string): string | undefined {
    const { state } = this.floor
    const queue =
      department === undefined ? state.queueAnyone : state.queuesByDepartment.get(department)
    return queue === undefined ? undefined : heapPeek(queue)
  }

  /**
   * How many agents are signed in (online or away): those who serve `department`, or
   * everyone when it is left out. Counted as statuses change, so it costs O(1).
   */
  signedIn(department?: string): number {
    const { state } = this.floor
    if (department === undefined) return state.signedIn
    return state.signedInByDepartment.get(department) ?? 0
  }

  /** Chats held plus offers pending; 0 for an agent not on the roster. */
  agentLoad(agentId: string): number {
    return this.floor.state.agents.get(agentId)?.load ?? 0
  }

  agent(agentId: string): AgentView | undefined {
    const agent = this.floor.state.agents.get(agentId)
    if (agent === undefined) return undefined
    return {
      agentId: agent.agentId,
      name: agent.name,
      tier: agent.tier,
      reserve: agent.reserve,
      departments: [...agent.departments],
      status: agent.status,
      cap: agent.cap,
      load: agent.load,
      chats: [...agent.chats],
      missedOffers: agent.missedOffers,
    }
  }

  /** Every agent, in profile order. */
  roster(): ReadonlyArray<AgentView> {
    const views: AgentView[] = []
    for (const agentId of this.floor.state.agents.keys()) {
      const view = this.agent(agentId)
      if (view !== undefined) views.push(view)
    }
    return views
  }

  chat(chatId: string): ChatView | undefined {
    const chat = this.floor.state.chats.get(chatId)
    if (chat === undefined) return undefined
    return {
      chatId: chat.chatId,
      stage: chat.stage,
      department: chat.department,
      priority: chat.priority,
      agentId: chat.agentId,
      waitingSince: chat.routingSince,
      passedOver: [...chat.passedOver],
      sentAwayBy: chat.sentAwayBy,
    }
  }
}
