/**
 * The 大厅设置 page's working copy: what it refuses before asking the function (a window a service
 * still uses, the last window, hours it cannot read) and what it sends.
 */
import type { HallSettingsView } from '@domain/actions/station';
import { draftOf, inputOf, morningsText, newWindowId, removalRefusal, typedProblems } from '@/packages/officer/pages/hall-settings/draft';

const periods = [
  { start: '09:00', end: '12:00' },
  { start: '13:30', end: '17:00' },
];
const VIEW: HallSettingsView = {
  stationId: 'xiluoyuan',
  windows: [
    { id: 'w1', name: '1号窗口（户籍）' },
    { id: 'w3', name: '3号窗口（出入境）' },
  ],
  services: [
    { kind: 'idRenewal', minutes: 10, placesPerSlot: 3, note: '', windows: ['w1'] },
    { kind: 'passport', minutes: 15, placesPerSlot: 2, note: '', windows: ['w3'], hours: { mon: [periods[0]!], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] } },
  ],
  hours: { mon: periods, tue: periods, wed: periods, thu: periods, fri: periods, sat: [], sun: [] },
  slotMinutes: 30,
  holidays: [],
  makeUpWorkdays: [],
  horizonDays: 14,
  bookingCutoffMinutes: 30,
  cancelCutoffMinutes: 60,
  isNew: false,
};

test('a window serving services, or the last one, is not removed; one serving nothing is', () => {
  const draft = draftOf(VIEW);
  expect(removalRefusal(draft, draft.windows[1]!)).toBe('“3号窗口（出入境）”还在办理“普通护照”，请先在这些业务里取消这个窗口，再删除它');
  const unused = { ...draft, services: draft.services.filter((service) => service.kind !== 'passport') };
  expect(removalRefusal(unused, draft.windows[1]!)).toBeUndefined();
  expect(removalRefusal({ ...unused, windows: [draft.windows[0]!], services: [] }, draft.windows[0]!)).toBe('大厅至少要有一个窗口');
});

test('a new window never takes the id of one the hall had when the page opened', () => {
  const draft = draftOf(VIEW);
  expect(newWindowId(draft.windows.filter((window) => window.id !== 'w3'), VIEW.windows)).toBe('w4');
  expect(newWindowId([], [])).toBe('w1');
});

test('a service keeps its own hours as typed; unreadable ones are said at their box; the input carries windows and hours', () => {
  const draft = draftOf(VIEW);
  expect(draft.services[1]?.ownHours).toMatchObject({ mon: '09:00-12:00', tue: '' });
  expect(draft.services[0]?.ownHours).toBeUndefined();
  expect(morningsText(draft)).toMatchObject({ mon: '09:00-12:00', fri: '09:00-12:00', sat: '' });

  const typed = { ...draft, services: draft.services.map((service) => (service.kind === 'passport' ? { ...service, ownHours: { ...service.ownHours!, tue: '9点到12点' } } : service)) };
  expect(typedProblems(typed)).toEqual({ 'hall-passport-hours-tue': '周二的“9点到12点”看不懂，请写成 09:00-12:00，几段之间用顿号隔开' });

  const two = { ...draft, services: draft.services.map((service) => (service.kind === 'passport' ? { ...service, ownHours: { ...service.ownHours!, wed: '9:00-11:00、14:00-16:00' } } : service)) };
  const input = inputOf(two);
  expect(input.windows).toEqual(VIEW.windows);
  expect(input.services[0]).toEqual({ kind: 'idRenewal', minutes: 10, placesPerSlot: 3, note: '', windows: ['w1'] });
  expect(input.services[1]?.hours).toMatchObject({ mon: [{ start: '09:00', end: '12:00' }], tue: [], wed: [{ start: '09:00', end: '11:00' }, { start: '14:00', end: '16:00' }] });
  expect(input.hours.mon).toEqual(periods);
});
