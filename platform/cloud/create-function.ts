import * as v from 'valibot';
import type { ActionDefinition, OutputOf, ParsedInputOf } from '@domain/actions/define';
import { fieldErrorsOf, PARSE_CONFIG } from '@domain/actions/input-messages';
import { ActionError, isActionError } from '@domain/errors';
import { decide, isStationScoped, type StationScope } from '@domain/policy';
import { failure, success, type ActionResult } from '@domain/result';
import type { Actor } from '@domain/roles';
import { COLLECTIONS, type DistrictRecord, type StationRecord, type UserRecord } from './collections';
import { findById } from './documents';
import { actorOf, resolveUser } from './identity';
import { refusalToRun } from './settings';
import { cloud } from './wx';

/** What a handler gets besides its validated input. */
export interface ActionContext {
  actor: Actor;
  /** The caller's account; undefined only for timer runs. */
  user?: UserRecord;
  openid?: string;
  /** The station the action was authorised for, for station-scoped policies. */
  scope?: StationScope;
  requestId: string;
  now: Date;
}

/** For handlers of signed-in actions: the caller's account, which a timer run does not have. */
export function requireUser(context: ActionContext): { user: UserRecord; openid: string } {
  if (!context.user || !context.openid) throw new ActionError('UNAUTHENTICATED');
  return { user: context.user, openid: context.openid };
}

type Handler<A> = (input: ParsedInputOf<A>, context: ActionContext) => Promise<OutputOf<A>>;

/** A handler per action: forgetting one, or returning the wrong shape, fails the type check. */
export type Handlers<T extends Record<string, ActionDefinition>> = { [K in keyof T]: Handler<T[K]> };

interface TimerEvent {
  Type: 'Timer';
  TriggerName: string;
  Time?: string;
}

const isTimerEvent = (event: unknown): event is TimerEvent =>
  typeof event === 'object' && event !== null && (event as { Type?: unknown }).Type === 'Timer';

const actionEvent = v.object({ action: v.string(), input: v.optional(v.unknown()) });

type Request = { kind: 'timer'; action: string; input: unknown } | { kind: 'call'; action: string; input: unknown };

/**
 * A timer run names its action by the trigger's name (config.json); a client call by `action`.
 * A timer run carries no user and comes from WeChat's scheduler (SOURCE `wx_trigger`) or from
 * Tencent Cloud's API signed with the environment owner's key — `npm run deploy` runs a migration
 * that way before creating the indexes waiting for it (config/index-prerequisites.ts); WeChat's
 * SOURCE table calls such a call 非微信端触发, a SOURCE not starting with `wx_`. An event that
 * merely looks like a timer's (`{"Type":"Timer",…}` sent by a signed-in resident, or by a visitor
 * without identity from the mini-program: `wx_client`, or a chain starting there) is a call, and
 * must name an action.
 */
const TIMER_SOURCE = 'wx_trigger';
const fromWeChatEnd = (source: string | undefined): boolean => source !== undefined && source.startsWith('wx_');

function parseRequest(event: unknown, caller: { openid?: string; source?: string }): Request | undefined {
  if (isTimerEvent(event) && !caller.openid && (caller.source === TIMER_SOURCE || !fromWeChatEnd(caller.source))) return { kind: 'timer', action: event.TriggerName, input: {} };
  const parsed = v.safeParse(actionEvent, event);
  if (!parsed.success) return undefined;
  return { kind: 'call', action: parsed.output.action, input: parsed.output.input ?? {} };
}

function newRequestId(context: unknown): string {
  const fromRuntime = (context as { request_id?: unknown } | undefined)?.request_id;
  if (typeof fromRuntime === 'string' && fromRuntime) return fromRuntime;
  return `req_${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}

async function stationScope(stationId: string): Promise<StationScope> {
  const station = await findById<StationRecord>(COLLECTIONS.stations, stationId);
  if (!station) throw new ActionError('NOT_FOUND', '没有找到这个派出所');
  return { stationId: station._id, districtId: station.districtId };
}

/** A district-wide scope (no station yet): only that district's admins pass a station policy with it. */
async function districtScope(districtId: string): Promise<StationScope> {
  const district = await findById<DistrictRecord>(COLLECTIONS.districts, districtId);
  if (!district) throw new ActionError('NOT_FOUND', '没有找到这个分局');
  return { stationId: '', districtId: district._id };
}

/**
 * Builds a cloud function's `main` from its action table: dispatch, identity, validation,
 * policy, and the one envelope. Handlers only ever see valid input from an allowed caller.
 */
export function createCloudFunction<T extends Record<string, ActionDefinition>>(table: T, handlers: Handlers<T>) {
  const functionName = Object.values(table)[0]?.fn ?? 'unknown';
  return async function main(event: unknown, context?: unknown): Promise<ActionResult<unknown>> {
    const requestId = newRequestId(context);
    const now = new Date();
    let actionName = '?';
    try {
      // In production a missing secret or template id stops every call, loudly: no silent development fallback.
      const refusal = refusalToRun(functionName);
      if (refusal) {
        for (const problem of refusal) console.error(`[${requestId}] ${functionName} refuses to run: ${problem}`);
        return failure('INTERNAL', undefined, { requestId });
      }
      const wxContext = cloud.getWXContext();
      const callerOpenid = wxContext.OPENID || undefined;
      const request = parseRequest(event, { openid: callerOpenid, source: wxContext.SOURCE });
      if (!request) return failure('INVALID_INPUT', '请求格式不正确');
      actionName = request.action;
      const definition = Object.prototype.hasOwnProperty.call(table, actionName) ? table[actionName] : undefined;
      if (!definition) return failure('UNKNOWN_ACTION', undefined, { requestId });

      let actor: Actor;
      let user: UserRecord | undefined;
      let openid: string | undefined;
      if (request.kind === 'timer') {
        actor = { type: 'system', trigger: request.action };
      } else {
        // Identity only ever comes from WeChat's context, never from the event body.
        openid = callerOpenid;
        if (openid) {
          user = await resolveUser(openid, now);
          actor = actorOf(user);
        } else if (definition.policy === 'visitor') {
          actor = { type: 'visitor' };
        } else {
          return failure('UNAUTHENTICATED');
        }
      }

      const input = v.safeParse(definition.input, request.input, PARSE_CONFIG);
      if (!input.success) {
        const fields = fieldErrorsOf(input.issues);
        const first = Object.values(fields)[0];
        return failure('INVALID_INPUT', first, { fields });
      }

      let scope: StationScope | undefined;
      if (isStationScoped(definition.policy) && definition.districtOf) {
        scope = await districtScope(definition.districtOf(input.output));
      } else if (isStationScoped(definition.policy)) {
        if (!definition.stationOf) throw new Error(`action ${definition.fn}.${definition.name} has a station policy but no stationOf`);
        scope = await stationScope(definition.stationOf(input.output));
      }
      const decision = decide(definition.policy, actor, scope);
      if (!decision.allowed) return failure(decision.reason === 'unauthenticated' ? 'UNAUTHENTICATED' : 'FORBIDDEN');

      const handler = handlers[actionName as keyof T] as Handler<ActionDefinition>;
      const data = await handler(input.output, { actor, user, openid, scope, requestId, now });
      return success(data);
    } catch (error) {
      if (isActionError(error)) return failure(error.code, error.message, error.fields ? { fields: error.fields } : undefined);
      // The stack goes to the function log with the request id; the resident sees only the id.
      console.error(`[${requestId}] ${actionName} failed`, error);
      return failure('INTERNAL', undefined, { requestId });
    }
  };
}
