/** Routing of resident questions (问片警): model, rules validation, duty roster and the engine. */
export {
  BEIJING_UTC_OFFSET,
  CONSULT_CATEGORIES,
  CONSULT_CATEGORY_LABELS,
  DAY_SHIFT_HOURS,
  DEFAULT_ROUTING_RULES,
  NIGHT_SHIFT_HOURS,
  PRIORITIES,
  PRIORITY_LABELS,
  ROUTING_TARGETS,
  ROUTING_TARGET_LABELS,
  dayShift,
  isConsultCategory,
  nightShift,
} from './model';
export type {
  Community,
  ConsultCategory,
  DirectorySnapshot,
  District,
  DutyRoster,
  Leave,
  Officer,
  Post,
  Priority,
  RoutingData,
  RoutingRule,
  RoutingRuleTable,
  RoutingRules,
  RoutingTarget,
  Shift,
  Station,
} from './model';
export { RoutingRuleTableSchema, RoutingRulesSchema, routingRuleSchema, ruleFor, validateRoutingRules } from './rules';
export type { RoutingRulesInput, RulesValidation } from './rules';
export { DutyIndex, buildDutyIndex, isOnDuty } from './duty';
export type { DutyStatus } from './duty';
export { createRoutingSnapshot } from './snapshot';
export type { RoutingSnapshot } from './snapshot';
export { GLOBAL_QUEUE_NAME, HALL_DESK_NOTE, officerDisplayName, route } from './route';
export type { Assignee, BoundaryFlag, RoutingDecision, RoutingInput } from './route';
