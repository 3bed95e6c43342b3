export { detectEmergency, EMERGENCY_PROMPT, type EmergencyDetection } from './detect';
export {
  EMERGENCY_KINDS,
  EMERGENCY_THRESHOLD,
  type EmergencyKind,
  type PresentMarkerRule,
  type SignalRule,
  type SuppressorRule,
  type SuppressorType,
} from './rules';
