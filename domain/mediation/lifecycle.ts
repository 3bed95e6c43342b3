/**
 * The mediation lifecycle as a pure state machine. Every change of a case goes through
 * `transition`, which refuses what the lifecycle does not allow and stamps what it allows with
 * when and by whom. The cloud function stores the result; it never sets a status itself.
 *
 *   requested ─accept→ accepted ─convene→ mediating ─agree→ agreed ─followUp(held|partlyHeld)→ closed
 *       └decline→ declined        │            │  ↑ convene          └followUp(broken)→ mediating (reopened)
 *                                 └──close──→ closed ←──close──┘
 *
 * `close` ends a case that did not reach (or does not need) a written agreement: 化解 without a
 * referral, or 部分化解 / 未化解 with an optional referral (人民调解委员会, 诉调对接, 12345).
 * A case with a signed agreement is closed by its 回访 only.
 */
import type { CaseOutcome, CaseStatus, FollowUpResult, Referral } from './model';

export interface Actor {
  userId: string;
  /** "赵警官", "王阿姨", "定时任务". */
  label: string;
}

export type CaseEvent =
  | { type: 'accept' }
  | { type: 'decline'; reason: string }
  | { type: 'convene'; sessionId: string }
  | { type: 'recordSession'; sessionId: string }
  | { type: 'proposeAgreement'; terms: number }
  | { type: 'agree'; followUpDays: number }
  | { type: 'followUp'; result: FollowUpResult }
  | { type: 'close'; outcome: CaseOutcome; referral?: Referral };

export type CaseEventType = CaseEvent['type'];

export interface HistoryEntry {
  /** 'open': the case was entered (or requested); every later entry is an event. */
  type: CaseEventType | 'open';
  from: CaseStatus;
  to: CaseStatus;
  at: Date;
  by: Actor;
  /** The event's own facts (session id, outcome, referral, follow-up result…). */
  detail?: Record<string, string | number>;
}

export interface CaseState {
  status: CaseStatus;
  /** Sessions convened so far (a session must exist before it is recorded). */
  sessionIds: string[];
  /** Terms of the agreement on the table (0: none proposed). */
  agreementTerms: number;
  outcome?: CaseOutcome;
  referral?: Referral;
  agreedAt?: Date;
  followUpDueAt?: Date;
  closedAt?: Date;
  history: HistoryEntry[];
}

export type TransitionResult = { ok: true; state: CaseState; entry: HistoryEntry } | { ok: false; reason: string };

export const newCaseState = (status: 'requested' | 'accepted', at: Date, by: Actor): CaseState => ({
  status,
  sessionIds: [],
  agreementTerms: 0,
  history: [{ type: 'open', from: status, to: status, at, by }],
});

/** Which events each status allows at all (guards on the event's facts come after). */
export const ALLOWED_EVENTS: Record<CaseStatus, readonly CaseEventType[]> = {
  requested: ['accept', 'decline'],
  accepted: ['convene', 'close'],
  mediating: ['convene', 'recordSession', 'proposeAgreement', 'agree', 'close'],
  agreed: ['followUp'],
  closed: [],
  declined: [],
};

const DAY_MS = 24 * 3_600_000;

const refuse = (reason: string): TransitionResult => ({ ok: false, reason });

function detailOf(event: CaseEvent): Record<string, string | number> | undefined {
  switch (event.type) {
    case 'decline':
      return { reason: event.reason };
    case 'convene':
    case 'recordSession':
      return { sessionId: event.sessionId };
    case 'proposeAgreement':
      return { terms: event.terms };
    case 'agree':
      return { followUpDays: event.followUpDays };
    case 'followUp':
      return { result: event.result };
    case 'close':
      return { outcome: event.outcome, ...(event.referral ? { referral: event.referral } : {}) };
    default:
      return undefined;
  }
}

/** The next state, or why not. Pure: the same state, event, time and actor give the same answer. */
export function transition(state: CaseState, event: CaseEvent, at: Date, by: Actor): TransitionResult {
  if (!ALLOWED_EVENTS[state.status].includes(event.type)) return refuse(`${state.status} 状态下不能 ${event.type}`);
  const last = state.history[state.history.length - 1];
  if (last && at.getTime() < last.at.getTime()) return refuse('时间不能早于上一步');

  let next: CaseState;
  switch (event.type) {
    case 'accept':
      next = { ...state, status: 'accepted' };
      break;
    case 'decline':
      if (!event.reason.trim()) return refuse('不受理需要说明原因');
      next = { ...state, status: 'declined', closedAt: at };
      break;
    case 'convene':
      if (state.sessionIds.includes(event.sessionId)) return refuse('这次调解会已经召集过了');
      next = { ...state, status: 'mediating', sessionIds: [...state.sessionIds, event.sessionId] };
      break;
    case 'recordSession':
      if (!state.sessionIds.includes(event.sessionId)) return refuse('没有召集过这次调解会');
      next = { ...state };
      break;
    case 'proposeAgreement':
      if (!Number.isInteger(event.terms) || event.terms < 1) return refuse('协议至少要有一条内容');
      next = { ...state, agreementTerms: event.terms };
      break;
    case 'agree':
      if (state.agreementTerms < 1) return refuse('还没有协议内容');
      if (!Number.isInteger(event.followUpDays) || event.followUpDays < 1 || event.followUpDays > 90) return refuse('回访时间应在 1–90 天之间');
      next = { ...state, status: 'agreed', agreedAt: at, followUpDueAt: new Date(at.getTime() + event.followUpDays * DAY_MS) };
      break;
    case 'followUp':
      if (event.result === 'broken') {
        // A broken agreement reopens the case: a new round table, a new agreement, a new 回访.
        const { agreedAt: _agreed, followUpDueAt: _due, ...rest } = state;
        next = { ...rest, status: 'mediating', agreementTerms: 0 };
      } else {
        const { followUpDueAt: _due, ...rest } = state;
        next = { ...rest, status: 'closed', outcome: event.result === 'held' ? 'resolved' : 'partlyResolved', closedAt: at };
      }
      break;
    case 'close':
      if (event.outcome === 'resolved' && event.referral) return refuse('已化解的案件不需要转出');
      next = { ...state, status: 'closed', outcome: event.outcome, ...(event.referral ? { referral: event.referral } : {}), closedAt: at };
      break;
  }
  const detail = detailOf(event);
  const entry: HistoryEntry = { type: event.type, from: state.status, to: next.status, at, by, ...(detail ? { detail } : {}) };
  return { ok: true, state: { ...next, history: [...state.history, entry] }, entry };
}

/** True when the case can still change (for lists: 进行中). */
export const isOpenStatus = (status: CaseStatus): boolean => status !== 'closed' && status !== 'declined';
