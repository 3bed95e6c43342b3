/**
 * A duty roster for the demo officers, generated around the day the demo data is loaded so
 * that "who is on duty now" always has an answer: beat, hall and anti-fraud officers work day
 * shifts with one rest day a week; 程警官 holds the night duty at 西罗园北警务区.
 */
import { dayShift, nightShift } from '@domain/routing';
import type { DutyShiftRecord } from '@platform/cloud/collections';
import { DEMO_OFFICERS } from './demo-data';

const DAY_MS = 86_400_000;
const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** YYYY-MM-DD of a moment, in Beijing time. */
const beijingDay = (at: Date): string => new Date(at.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10);

export function demoShifts(now: Date, days = { before: 1, after: 14 }): DutyShiftRecord[] {
  const shifts: DutyShiftRecord[] = [];
  for (let offset = -days.before; offset <= days.after; offset += 1) {
    const day = beijingDay(new Date(now.getTime() + offset * DAY_MS));
    const weekday = new Date(`${day}T12:00:00+08:00`).getUTCDay();
    DEMO_OFFICERS.forEach((officer, index) => {
      const nightDuty = officer.kinds.includes('duty');
      // Rest days are spread over the week so a post is never empty on the same day.
      if (!nightDuty && weekday === index % 7) return;
      const shift = nightDuty ? nightShift(officer._id, day) : dayShift(officer._id, day);
      shifts.push({
        _id: `${officer._id}-${day}-${nightDuty ? 'night' : 'day'}`,
        officerId: officer._id,
        stationId: officer.stationId,
        kind: nightDuty ? 'night' : 'day',
        shiftKind: nightDuty ? 'duty' : officer.kinds.includes('hall') ? 'hall' : 'community',
        start: shift.start,
        end: shift.end,
      });
    });
  }
  return shifts;
}
