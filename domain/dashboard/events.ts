/**
 * What happened at a station, as the dashboard counts it: one small record per event, written by
 * the function where it happens (a first reply, an escalation, a rating, a 110 prompt shown, a
 * waitlist place claimed, a card shared or opened from a group). The record never changes
 * afterwards, so a day's figures can be rolled up again at any time and come out the same: a timer
 * that missed runs, or ran before a late reply, loses nothing. No resident's identity is kept:
 * officers and communities by id, groups by our hash of WeChat's group id.
 */
export type StationEvent =
  | { type: 'emergencyPrompt'; kind: string }
  | { type: 'firstResponse'; minutes: number; withinTarget: boolean; officerId?: string; communityId?: string }
  | { type: 'escalation' }
  | { type: 'rating'; stars: number }
  | { type: 'waitlistClaim'; service: string }
  | { type: 'share'; articleId: string }
  | { type: 'landing'; articleId: string }
  | { type: 'groupLanding'; articleId: string; groupId: string; newReader: boolean }
  | { type: 'groupAck'; articleId: string; groupId: string };

export type StationEventType = StationEvent['type'];

export type StationEventRecord = StationEvent & { _id: string; stationId: string; at: Date };
