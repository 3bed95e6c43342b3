/**
 * A station run by its own people, through the real station, account, consult and booking
 * functions on the embedded database: deactivating or moving an officer never leaves work with an
 * inactive officer (threads, 圆桌调解 cases, shifts, communities); leave reaches routing at once; hall setting changes never leave more bookings
 * than places; every change is audited.
 * Clock: Wednesday 2026-11-25 10:00 Beijing — 赵警官 (西罗园第二社区) is on his day shift.
 */
import { actions, type HallSettingsView } from '@domain/actions';
import { mediationActions } from '@domain/actions/mediation';
import { BOOKING_TEMPLATES } from '@domain/booking';
import { CONSULT_TEMPLATES } from '@domain/consult';
import { readOutbox, recordSubscription } from '@local-cloud/wechat';
import { userIdFor } from '@platform/cloud/identity';
import { officerIdOf, persona } from '../support/cloud-harness';
import { clockedHarness, failed, ok } from '../support/clocked-harness';
import { slotPlaces } from '../support/places';

// Officer records are made when the demo officers redeem their invites.
const CHENG = officerIdOf('officer-duty-xly');
const LIU = officerIdOf('officer-beat-xly-south');
const SUN = officerIdOf('officer-beat-xly-yangqiao');
const TIAN = officerIdOf('officer-beat-bs');
const LI_HALL = officerIdOf('officer-hall-xly');
const ZHAO = officerIdOf('officer-beat-xly');

const NOW = new Date('2026-11-25T10:00:00+08:00');
const harness = clockedHarness(NOW);

const admin = () => persona('admin-xly').openid;
const wang = () => persona('resident-xly2').openid;

interface StoredThread {
  _id: string;
  assigneeKey: string;
  open: boolean;
}
interface StoredOfficer {
  _id: string;
  active?: boolean;
  stationId: string;
  communityIds: string[];
}

async function ask(text: string, who = wang()) {
  const started = ok(await harness.call(who, actions.consult.startThread, { category: 'dispute', text }));
  if (started.kind !== 'sent') throw new Error('expected a thread');
  return started;
}

/** The invariant: no inactive officer holds an open thread, a shift still to come, or a community. */
function workLeftWithInactiveOfficers(): string[] {
  const inactive = (harness.engine.find('officers') as unknown as StoredOfficer[]).filter((officer) => officer.active === false);
  const left: string[] = [];
  for (const officer of inactive) {
    const threads = (harness.engine.find('consult_threads') as unknown as StoredThread[]).filter((thread) => thread.open && thread.assigneeKey === `officer:${officer._id}`);
    const shifts = (harness.engine.find('duty_shifts') as unknown as { officerId: string; end: Date }[]).filter((shift) => shift.officerId === officer._id && shift.end.getTime() > Date.now());
    if (threads.length) left.push(`${officer._id}: ${threads.length} open threads`);
    if (shifts.length) left.push(`${officer._id}: ${shifts.length} upcoming shifts`);
    const cases = (harness.engine.find('mediation_cases') as unknown as { open: boolean; officerIds: string[] }[]).filter((entry) => entry.open && entry.officerIds.includes(officer._id));
    if (cases.length) left.push(`${officer._id}: ${cases.length} open mediation cases`);
    if (officer.communityIds.length) left.push(`${officer._id}: communities ${officer.communityIds.join(',')}`);
  }
  return left;
}

describe('deactivating an officer', () => {
  test('hands open threads, upcoming shifts and communities to the chosen colleague in one step; the next question goes to them', async () => {
    const first = await ask('楼上邻居装修太吵了，能不能帮忙协调一下');
    const second = await ask('小区里电动车乱停，堵住了消防通道');
    expect(first.routing.assigneeLabel).toContain('赵警官');
    const threads = () => harness.engine.find('consult_threads') as unknown as StoredThread[];
    expect(threads().filter((thread) => thread.assigneeKey === `officer:${ZHAO}`)).toHaveLength(2);

    // A 圆桌调解 case 赵警官 opened from the first question.
    const mediation = ok(
      await harness.call(persona('officer-beat-xly').openid, mediationActions.openCase, {
        source: 'thread',
        threadId: first.threadId,
        category: 'noise',
        place: { text: '西罗园二区5号楼3单元' },
        description: '楼上住户每晚十一点后装修，王阿姨睡不好。',
        parties: [{ name: '李先生', phone: '13912345678', address: '西罗园二区5号楼3单元602' }],
      }),
    );

    const handover = ok(await harness.call(admin(), actions.station.deactivateOfficer, { stationId: 'xiluoyuan', officerId: ZHAO, successorId: LIU }));
    expect(handover).toMatchObject({ officerId: ZHAO, successorId: LIU, successorTitle: '刘警官', threads: 2, cases: 1, communities: 1, outcome: 'deactivated' });
    expect(harness.engine.find('mediation_cases', { _id: mediation.id })[0]).toMatchObject({ ownerOfficerId: LIU, officerIds: [LIU] });
    expect(handover.shifts).toBeGreaterThan(0);

    expect(workLeftWithInactiveOfficers()).toEqual([]);
    expect(threads().map((thread) => thread.assigneeKey).sort()).toEqual([`officer:${LIU}`, `officer:${LIU}`]);
    const liu = harness.engine.find('officers', { _id: LIU })[0] as unknown as StoredOfficer;
    expect(liu.communityIds).toContain('xly-2');
    // The resident reads who has the question now.
    const view = ok(await harness.call(wang(), actions.consult.getThread, { threadId: first.threadId }));
    expect(JSON.stringify(view)).toContain('已交给 刘警官 继续办理');
    // 赵警官's account is a resident's again; the admin sees him under inactive officers only.
    expect(ok(await harness.call(persona('officer-beat-xly').openid, actions.account.me, {})).role).toBe('resident');
    expect(ok(await harness.call(admin(), actions.station.listOfficers, { stationId: 'xiluoyuan' })).map((officer) => officer.id)).not.toContain(ZHAO);
    // Routing uses it at once: the next question from 西罗园第二社区 goes to 刘警官.
    expect((await ask('楼道里堆了很多杂物')).routing.assigneeLabel).toContain('刘警官');
    expect(harness.engine.find('audit_log', { type: 'officer.deactivated' })).toHaveLength(1);
    expect(second.threadId).toBeTruthy();
  });

  test('moving an officer to another station hands over the same way; the account follows the officer', async () => {
    ok(await harness.call(admin(), actions.station.deactivateOfficer, { stationId: 'xiluoyuan', officerId: ZHAO, successorId: CHENG, moveToStationId: 'changqing' }));
    const zhao = harness.engine.find('officers', { _id: ZHAO })[0] as unknown as StoredOfficer;
    expect(zhao).toMatchObject({ stationId: 'changqing', communityIds: [] });
    const futureShiftsHere = (harness.engine.find('duty_shifts') as unknown as { officerId: string; stationId: string; end: Date }[]).filter(
      (shift) => shift.officerId === ZHAO && shift.stationId === 'xiluoyuan' && shift.end.getTime() > Date.now(),
    );
    expect(futureShiftsHere).toEqual([]);
    expect(ok(await harness.call(persona('officer-beat-xly').openid, actions.account.me, {})).station?.id).toBe('changqing');
    expect((await ask('小区门口有人吵架')).routing.assigneeLabel).toContain('程警官');
  });

  test('refuses a successor who is the officer, inactive or of another station, and then changes nothing', async () => {
    const before = JSON.stringify([harness.engine.find('officers'), harness.engine.find('duty_shifts'), harness.engine.find('consult_threads')]);
    expect(failed(await harness.call(admin(), actions.station.deactivateOfficer, { stationId: 'xiluoyuan', officerId: ZHAO, successorId: ZHAO })).code).toBe('CONFLICT');
    expect(failed(await harness.call(admin(), actions.station.deactivateOfficer, { stationId: 'xiluoyuan', officerId: ZHAO, successorId: TIAN })).code).toBe('NOT_FOUND');
    expect(JSON.stringify([harness.engine.find('officers'), harness.engine.find('duty_shifts'), harness.engine.find('consult_threads')])).toBe(before);
    ok(await harness.call(admin(), actions.station.deactivateOfficer, { stationId: 'xiluoyuan', officerId: SUN, successorId: LIU }));
    expect(failed(await harness.call(admin(), actions.station.deactivateOfficer, { stationId: 'xiluoyuan', officerId: ZHAO, successorId: SUN })).code).toBe('CONFLICT');
    // Nobody may assign work to a deactivated officer either.
    expect(failed(await harness.call(admin(), actions.station.addShift, { stationId: 'xiluoyuan', officerId: SUN, kind: 'duty', day: '2026-11-26', start: '18:00', end: '08:00' })).code).toBe('CONFLICT');
    expect(failed(await harness.call(admin(), actions.station.assignOfficer, { stationId: 'xiluoyuan', officerId: SUN, communityIds: [], kinds: ['beat'] })).code).toBe('CONFLICT');
    expect(workLeftWithInactiveOfficers()).toEqual([]);
  });

  test('taking the role back from an officer who holds work is refused (the hand-over is the way); one who holds none is deactivated with it', async () => {
    const refused = failed(await harness.call(admin(), actions.account.revokeStaff, { stationId: 'xiluoyuan', userId: userIdFor(persona('officer-beat-xly').openid) }));
    expect(refused.code).toBe('CONFLICT');
    const invite = ok(await harness.call(admin(), actions.account.createInvite, { stationId: 'xiluoyuan', role: 'officer', officerKinds: ['beat'], validHours: 8 }));
    const me = ok(await harness.call('openid-newcomer', actions.account.redeemInvite, { code: invite.code, name: '冯志远', phone: '13800138000' }));
    expect(ok(await harness.call('openid-newcomer', actions.station.myOfficerProfile, {}))).toMatchObject({ title: '冯警官', phone: '13800138000', kinds: ['beat'] });
    ok(await harness.call(admin(), actions.account.revokeStaff, { stationId: 'xiluoyuan', userId: me.userId }));
    expect(ok(await harness.call('openid-newcomer', actions.station.myOfficerProfile, {}))).toBeNull();
    expect(workLeftWithInactiveOfficers()).toEqual([]);
  });
});

describe('new-question alerts on the workbench', () => {
  test('the officer sees how many WeChat alerts are left; each message spends one; WeChat saying none are left sets it to 0', async () => {
    const zhao = persona('officer-beat-xly').openid;
    expect(ok(await harness.call(zhao, actions.station.myOfficerProfile, {}))?.alertCredits).toBe(0);
    // Three taps on 再开启, but WeChat recorded only one acceptance (the others were declined there).
    recordSubscription(zhao, [CONSULT_TEMPLATES.newQuestion], { [CONSULT_TEMPLATES.newQuestion]: 'accept' });
    expect(ok(await harness.call(zhao, actions.station.armAlerts, { accepted: 3 })).alertCredits).toBe(3);
    await ask('楼上天天半夜拖桌子');
    expect(readOutbox().filter((message) => message.touser === zhao)).toHaveLength(1);
    expect(ok(await harness.call(zhao, actions.station.myOfficerProfile, {}))?.alertCredits).toBe(2);
    await ask('楼下饭馆油烟太大');
    expect(ok(await harness.call(zhao, actions.station.myOfficerProfile, {}))?.alertCredits).toBe(0);
    // Armed again: the count starts from what was left (none), not from before the messages spent.
    expect(ok(await harness.call(zhao, actions.station.armAlerts, { accepted: 2 })).alertCredits).toBe(2);
    expect(ok(await harness.call(zhao, actions.station.myOfficerProfile, {}))?.alertCredits).toBe(2);
    // A resident cannot arm officer alerts.
    expect(failed(await harness.call(wang(), actions.station.armAlerts, { accepted: 1 })).code).toBe('NOT_FOUND');
  });
});

describe('the roster', () => {
  test('leave reaches routing at once: the question goes to the colleague on duty, and the resident is told why', async () => {
    ok(await harness.call(admin(), actions.station.addLeave, { stationId: 'xiluoyuan', officerId: ZHAO, fromDay: '2026-11-25', toDay: '2026-11-26', reason: '病假' }));
    const asked = await ask('楼上漏水到我家了');
    expect(asked.routing.reason).toContain('赵警官现在不在岗');
    expect(asked.routing.assigneeLabel).not.toContain('赵警官');
    const week = ok(await harness.call(admin(), actions.station.rosterWeek, { stationId: 'xiluoyuan' }));
    expect(week.weekStart).toBe('2026-11-23');
    expect(week.shifts.find((shift) => shift.officerId === ZHAO && shift.day === '2026-11-25')).toMatchObject({ onLeave: true, kind: 'community' });
    expect(week.leave).toEqual([expect.objectContaining({ officerId: ZHAO, fromDay: '2026-11-25', toDay: '2026-11-26', reason: '病假' })]);
  });

  test('shifts by kind, a swap, repeating a week, and the gaps the admin is warned about', async () => {
    const overview = ok(await harness.call(admin(), actions.station.stationOverview, { stationId: 'xiluoyuan' }));
    expect(overview.onDutyNow.map((entry) => entry.title)).toContain('赵警官');
    expect(overview.gaps.filter((gap) => gap.kind === 'hall' && gap.day === '2026-11-26')).toEqual([]);

    // Without 李警官's 大厅 shift on Thursday, the hall's opening hours that day are a gap.
    const thursday = ok(await harness.call(admin(), actions.station.rosterWeek, { stationId: 'xiluoyuan' })).shifts.find((shift) => shift.officerId === LI_HALL && shift.day === '2026-11-26');
    expect(thursday).toMatchObject({ kind: 'hall' });
    ok(await harness.call(admin(), actions.station.removeShift, { stationId: 'xiluoyuan', shiftId: thursday!.id }));
    const gaps = ok(await harness.call(admin(), actions.station.stationOverview, { stationId: 'xiluoyuan' })).gaps;
    expect(gaps.filter((gap) => gap.kind === 'hall' && gap.day === '2026-11-26').map((gap) => gap.text)).toEqual(['11月26日 09:00–12:00 大厅开放但没有窗口民警', '11月26日 13:30–17:00 大厅开放但没有窗口民警']);

    const hall = ok(await harness.call(admin(), actions.station.addShift, { stationId: 'xiluoyuan', officerId: LI_HALL, kind: 'hall', day: '2026-11-26', start: '08:30', end: '17:30' }));
    expect(hall).toMatchObject({ kind: 'hall', label: '大厅 08:30–17:30', day: '2026-11-26' });
    const gapsAfter = ok(await harness.call(admin(), actions.station.stationOverview, { stationId: 'xiluoyuan' })).gaps;
    expect(gapsAfter.some((gap) => gap.kind === 'hall' && gap.day === '2026-11-26')).toBe(false);

    const night = ok(await harness.call(admin(), actions.station.addShift, { stationId: 'xiluoyuan', officerId: LIU, kind: 'duty', day: '2026-11-27', start: '18:00', end: '08:00' }));
    expect(night.label).toBe('值班 18:00–次日08:00');
    expect(failed(await harness.call(admin(), actions.station.addShift, { stationId: 'xiluoyuan', officerId: LIU, kind: 'duty', day: '2026-11-27', start: '20:00', end: '22:00' })).code).toBe('CONFLICT');
    const swapped = ok(await harness.call(admin(), actions.station.swapShifts, { stationId: 'xiluoyuan', shiftId: hall.id, otherShiftId: night.id }));
    expect(swapped.map((shift) => [shift.id, shift.officerId])).toEqual([
      [hall.id, LIU],
      [night.id, LI_HALL],
    ]);
    const repeated = ok(await harness.call(admin(), actions.station.repeatWeek, { stationId: 'xiluoyuan', weekStart: '2026-11-23' }));
    expect(repeated.weekStart).toBe('2026-11-30');
    expect(repeated.added).toBeGreaterThan(0);
    const nextWeek = ok(await harness.call(admin(), actions.station.rosterWeek, { stationId: 'xiluoyuan', weekStart: '2026-11-30' }));
    expect(nextWeek.shifts.find((shift) => shift.day === '2026-12-03' && shift.kind === 'hall' && shift.start === '08:30')).toMatchObject({ officerId: LIU });
    // Repeating again adds nothing twice.
    expect(ok(await harness.call(admin(), actions.station.repeatWeek, { stationId: 'xiluoyuan', weekStart: '2026-11-23' })).added).toBe(0);
    expect(harness.engine.find('audit_log').map((entry) => (entry as { type: string }).type)).toEqual(
      expect.arrayContaining(['roster.shift-added', 'roster.shifts-swapped', 'roster.week-repeated']),
    );
  });
});

describe('hall settings', () => {
  const gongshu = () => persona('admin-gongshu').openid;
  const slot = 'changqing:idRenewal:2026-11-26:0900';
  const reserve = (openid: string) => harness.call(openid, actions.booking.reserve, { slotId: slot, person: { self: true }, needs: { kinds: [] } });
  const settingsWith = (settings: HallSettingsView, places: number) => {
    const { isNew: _isNew, ...rest } = settings;
    return { ...rest, services: settings.services.map((service) => (service.kind === 'idRenewal' ? { ...service, placesPerSlot: places } : service)) };
  };
  const activeIn = () =>
    (harness.engine.find('bookings') as unknown as { slotId: string; status: string; closure?: unknown }[]).filter((booking) => booking.slotId === slot && booking.status === 'booked' && !booking.closure);
  const counter = () => slotPlaces(harness.engine, slot);

  test('fewer places lists the residents who lose theirs before saving; saving marks them like a closure and never leaves more bookings than places', async () => {
    for (const who of ['openid-a', 'openid-b', 'openid-c']) ok(await reserve(who));
    recordSubscription('openid-c', [BOOKING_TEMPLATES.slotClosed], { [BOOKING_TEMPLATES.slotClosed]: 'accept' });
    const settings = ok(await harness.call(gongshu(), actions.station.getHallSettings, { stationId: 'changqing' }));
    const before = JSON.stringify([harness.engine.find('hall_configs'), harness.engine.find('bookings')]);

    const preview = ok(await harness.call(gongshu(), actions.station.saveHallSettings, { ...settingsWith(settings, 1) }));
    expect(preview.saved).toBe(false);
    expect(preview.affected).toHaveLength(2);
    expect(preview.affected[0]).toMatchObject({ service: expect.any(String), time: '2026-11-26 09:00', why: expect.stringContaining('名额') });
    expect(JSON.stringify([harness.engine.find('hall_configs'), harness.engine.find('bookings')])).toBe(before);

    const saved = ok(await harness.call(gongshu(), actions.station.saveHallSettings, { ...settingsWith(settings, 1), confirmAffected: true }));
    expect(saved).toMatchObject({ saved: true, notified: 1 });
    expect(activeIn()).toHaveLength(1);
    // The places follow: one below the new capacity, the displaced two above it (they take nobody's place, and nobody new gets in until they move).
    expect(counter()).toMatchObject({ capacity: 1, remaining: -2 });
    expect(counter().places.filter((place) => place.endsWith('#0'))).toHaveLength(1);
    expect(readOutbox()).toEqual([expect.objectContaining({ touser: 'openid-c', templateId: BOOKING_TEMPLATES.slotClosed })]);
    // Nobody new gets in, even after one displaced resident cancels.
    expect(failed(await reserve('openid-d')).code).toBe('CONFLICT');
    const mine = ok(await harness.call('openid-c', actions.booking.myBookings, {}));
    expect(mine.upcoming[0]?.closure?.reason).toContain('名额');
    ok(await harness.call('openid-c', actions.booking.cancel, { bookingId: mine.upcoming[0]!.id }));
    expect(failed(await reserve('openid-d')).code).toBe('CONFLICT');
    expect(activeIn().length).toBeLessThanOrEqual(counter().capacity);
    // The demo's own set-up saved each hall once (as its admin); this test saved 长庆's once more.
    expect(harness.engine.find('audit_log', { type: 'hall.settings-saved', stationId: 'changqing' })).toHaveLength(2);
  });

  test('fewer places that still hold every booking: the taken places move below the new number, and the slot is full', async () => {
    const residents = ['openid-a', 'openid-b', 'openid-c'];
    const booked = new Map<string, string>();
    for (const who of residents) booked.set(who, ok(await reserve(who)).id);
    // The booking on place #0 is cancelled: the other two hold #1 and #2.
    const onFirst = residents.find((who) => harness.engine.find('bookings', { _id: booked.get(who) })[0]?.place === `${slot}#0`)!;
    ok(await harness.call(onFirst, actions.booking.cancel, { bookingId: booked.get(onFirst)! }));
    expect(counter().places.sort()).toEqual([`${slot}#1`, `${slot}#2`]);
    const settings = ok(await harness.call(gongshu(), actions.station.getHallSettings, { stationId: 'changqing' }));
    const saved = ok(await harness.call(gongshu(), actions.station.saveHallSettings, { ...settingsWith(settings, 2) }));
    expect(saved).toMatchObject({ saved: true, affected: [] });
    expect(counter().places.sort()).toEqual([`${slot}#0`, `${slot}#1`]);
    expect(activeIn()).toHaveLength(2);
    expect(failed(await reserve('openid-d')).message).toBe('这个时段已经约满了，请选择其他时间');
    ok(await harness.call(gongshu(), actions.station.saveHallSettings, { ...settingsWith(settings, 3) }));
    expect(ok(await reserve('openid-d')).status).toBe('booked');
    expect(counter().places.sort()).toEqual([`${slot}#0`, `${slot}#1`, `${slot}#2`]);
  });

  test('closing a day as a holiday displaces everyone booked that day; more places let new people in', async () => {
    ok(await reserve('openid-a'));
    const settings = ok(await harness.call(gongshu(), actions.station.getHallSettings, { stationId: 'changqing' }));
    const { isNew: _isNew, ...rest } = settings;
    const holiday = { ...rest, holidays: [...settings.holidays, { day: '2026-11-26', name: '临时闭厅' }] };
    expect(ok(await harness.call(gongshu(), actions.station.saveHallSettings, holiday)).affected).toHaveLength(1);
    ok(await harness.call(gongshu(), actions.station.saveHallSettings, { ...holiday, confirmAffected: true }));
    expect(activeIn()).toHaveLength(0);

    // Back to a working day with more places than before: the slot has them.
    ok(await harness.call(gongshu(), actions.station.saveHallSettings, { ...settingsWith(settings, 6), holidays: settings.holidays }));
    expect(counter().capacity).toBe(6);
    ok(await reserve('openid-b'));
  });

  test('refuses settings that do not make a usable hall, with the reason', async () => {
    const settings = ok(await harness.call(gongshu(), actions.station.getHallSettings, { stationId: 'changqing' }));
    const { isNew: _isNew, ...rest } = settings;
    const broken = { ...rest, hours: { ...settings.hours, mon: [{ start: '12:00', end: '09:00' }] } };
    expect(failed(await harness.call(gongshu(), actions.station.saveHallSettings, broken))).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('结束时间要晚于开始时间') });
  });
});

describe('hall windows and service hours', () => {
  const gongshu = () => persona('admin-gongshu').openid;
  const inputOf = (settings: HallSettingsView) => {
    const { isNew: _isNew, ...rest } = settings;
    return rest;
  };
  const settingsOf = async () => inputOf(ok(await harness.call(gongshu(), actions.station.getHallSettings, { stationId: 'changqing' })));
  const reserve = (openid: string, slotId: string) => harness.call(openid, actions.booking.reserve, { slotId, person: { self: true }, needs: { kinds: [] } });
  const weekdayMornings = { mon: [{ start: '08:30', end: '12:00' }], tue: [{ start: '08:30', end: '12:00' }], wed: [{ start: '08:30', end: '12:00' }], thu: [{ start: '08:30', end: '12:00' }], fri: [{ start: '08:30', end: '12:00' }], sat: [], sun: [] };
  const stored = () => harness.engine.find('hall_configs', { _id: 'changqing' })[0] as unknown as { windows: { id: string; name: string }[]; services: { kind: string; windows: string[]; hours?: unknown }[] };
  const activeBookings = () => (harness.engine.find('bookings') as unknown as { slotId: string; status: string; closure?: unknown }[]).filter((booking) => booking.status === 'booked' && !booking.closure);
  /** The rule: no slot holds more active bookings than it has places. */
  const overbooked = () => [...new Set(activeBookings().map((booking) => booking.slotId))].filter((slotId) => activeBookings().filter((booking) => booking.slotId === slotId).length > slotPlaces(harness.engine, slotId).capacity);

  test('the demo halls were set up with their real windows and the exit-entry hours, through saveHallSettings', async () => {
    const settings = await settingsOf();
    expect(settings.windows.map((window) => window.name)).toEqual(['1号窗口（户籍，可现场拍照）', '2号窗口（户籍）', '3号窗口（出入境）']);
    const passport = settings.services.find((service) => service.kind === 'passport');
    expect(passport).toMatchObject({ windows: ['w3'], hours: { sat: [], mon: [{ start: '08:30', end: '12:00' }, { start: '13:30', end: '17:00' }] } });
    expect(settings.services.find((service) => service.kind === 'idRenewal')).toMatchObject({ windows: ['w1', 'w2'] });
    expect(settings.services.find((service) => service.kind === 'idRenewal')?.hours).toBeUndefined();
    const xly = ok(await harness.call(persona('admin-xly').openid, actions.station.getHallSettings, { stationId: 'xiluoyuan' }));
    expect(xly.windows).toHaveLength(3);

    // The hall opens on Saturday morning; its exit-entry window does not.
    expect(failed(await reserve('openid-a', 'changqing:passport:2026-11-28:0900')).code).toBe('CONFLICT');
    ok(await reserve('openid-a', 'changqing:idRenewal:2026-11-28:0900'));
    const days = ok(await harness.call('openid-a', actions.booking.availability, { stationId: 'changqing', service: 'passport' }));
    expect(days.days.find((day) => day.day === '2026-11-28')).toMatchObject({ status: 'closed', slots: [] });
    // Residents see where to go.
    const services = ok(await harness.call('openid-a', actions.booking.listServices, { stationId: 'changqing' }));
    expect(services.services.find((service) => service.kind === 'passport')).toMatchObject({ windows: ['3号窗口（出入境）'], hours: '周一至周五 08:30–12:00、13:30–17:00' });
    expect(services.services.find((service) => service.kind === 'idRenewal')).toMatchObject({ windows: ['1号窗口（户籍，可现场拍照）', '2号窗口（户籍）'] });
    expect(services.services.find((service) => service.kind === 'idRenewal')?.hours).toBeUndefined();
  });

  test('shorter hours for one service list who loses their time before saving, then treat them as a closure; the slots follow', async () => {
    ok(await reserve('openid-a', 'changqing:passport:2026-11-26:1400'));
    ok(await reserve('openid-b', 'changqing:passport:2026-11-26:0900'));
    const settings = await settingsOf();
    const shorter = { ...settings, services: settings.services.map((service) => (service.kind === 'passport' ? { ...service, hours: weekdayMornings } : service)) };
    const before = JSON.stringify([harness.engine.find('hall_configs'), harness.engine.find('bookings')]);

    const preview = ok(await harness.call(gongshu(), actions.station.saveHallSettings, shorter));
    expect(preview).toMatchObject({ saved: false, windowChanges: [] });
    expect(preview.affected).toEqual([expect.objectContaining({ time: '2026-11-26 14:00', why: expect.stringContaining('办理时间') })]);
    expect(JSON.stringify([harness.engine.find('hall_configs'), harness.engine.find('bookings')])).toBe(before);

    ok(await harness.call(gongshu(), actions.station.saveHallSettings, { ...shorter, confirmAffected: true }));
    expect(stored().services.find((service) => service.kind === 'passport')?.hours).toEqual({ mon: weekdayMornings.mon, tue: weekdayMornings.tue, wed: weekdayMornings.wed, thu: weekdayMornings.thu, fri: weekdayMornings.fri });
    expect(activeBookings().map((booking) => booking.slotId)).toEqual(['changqing:passport:2026-11-26:0900']);
    expect(slotPlaces(harness.engine, 'changqing:passport:2026-11-26:1400').capacity).toBe(0);
    expect(overbooked()).toEqual([]);
    // Afternoons are gone for this service only; the morning and other services keep theirs.
    expect(failed(await reserve('openid-c', 'changqing:passport:2026-11-27:1400')).code).toBe('NOT_FOUND');
    ok(await reserve('openid-c', 'changqing:passport:2026-11-27:1000'));
    ok(await reserve('openid-d', 'changqing:idRenewal:2026-11-27:1400'));
    const days = ok(await harness.call('openid-c', actions.booking.availability, { stationId: 'changqing', service: 'passport' }));
    expect(days.days.find((day) => day.day === '2026-11-27')?.slots.map((slot) => slot.time)).toEqual(['08:30', '09:00', '09:30', '10:00', '10:30', '11:00', '11:30']);
    const mine = ok(await harness.call('openid-a', actions.booking.myBookings, {}));
    expect(mine.upcoming[0]?.closure?.reason).toContain('办理时间');
    const audit = harness.engine.find('audit_log', { type: 'hall.settings-saved', stationId: 'changqing' }).at(-1) as unknown as { services: { kind: string; hours?: unknown }[]; displaced: string[] };
    expect(audit.services.find((service) => service.kind === 'passport')?.hours).toBeDefined();
    expect(audit.displaced).toHaveLength(1);
  });

  test('a service cannot keep hours the hall does not open, nor windows that do not exist; window names are unique', async () => {
    const settings = await settingsOf();
    const passportAt = settings.services.findIndex((service) => service.kind === 'passport');
    const saturday = { ...settings, services: settings.services.map((service) => (service.kind === 'passport' ? { ...service, hours: { ...weekdayMornings, sun: [{ start: '09:00', end: '12:00' }] } } : service)) };
    const outside = failed(await harness.call(gongshu(), actions.station.saveHallSettings, saturday));
    expect(outside).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('不在大厅办公时间内') });
    expect(outside.fields?.[`services.${passportAt}.hours.sun`]).toContain('周日 09:00–12:00');

    const sameName = { ...settings, windows: settings.windows.map((window) => (window.id === 'w2' ? { ...window, name: '1号窗口（户籍，可现场拍照）' } : window)) };
    expect(failed(await harness.call(gongshu(), actions.station.saveHallSettings, sameName)).fields?.['windows.1.name']).toContain('不能重复');

    const nowhere = { ...settings, services: settings.services.map((service) => (service.kind === 'passport' ? { ...service, windows: ['w9'] } : service)) };
    expect(failed(await harness.call(gongshu(), actions.station.saveHallSettings, nowhere)).fields?.[`services.${passportAt}.windows`]).toContain('不存在');

    const noWindow = { ...settings, services: settings.services.map((service) => (service.kind === 'passport' ? { ...service, windows: [] } : service)) };
    expect(failed(await harness.call(gongshu(), actions.station.saveHallSettings, noWindow))).toMatchObject({ code: 'INVALID_INPUT', message: '请至少选择一个办理窗口' });
    expect(stored().windows).toHaveLength(3);
  });

  test('a window in use cannot vanish: removing it is refused while services use it, and moving its booked residents is confirmed first', async () => {
    ok(await reserve('openid-a', 'changqing:passport:2026-11-26:0900'));
    ok(await reserve('openid-b', 'changqing:hkMacauPermit:2026-11-27:0900'));
    const settings = await settingsOf();
    const withoutW3 = settings.windows.filter((window) => window.id !== 'w3');

    const stillUsed = failed(await harness.call(gongshu(), actions.station.saveHallSettings, { ...settings, windows: withoutW3 }));
    expect(stillUsed.code).toBe('INVALID_INPUT');
    expect(stillUsed.fields?.windows).toBe('“3号窗口（出入境）”还在办理“普通护照”、“往来港澳通行证”、“往来台湾通行证”，请先在这些业务里取消这个窗口，再删除它');

    // The admin moves exit-entry to window 2 and removes window 3: the residents booked are listed first.
    const moved = {
      ...settings,
      windows: withoutW3,
      services: settings.services.map((service) => (service.windows.includes('w3') ? { ...service, windows: ['w2'] } : service)),
    };
    const before = JSON.stringify([harness.engine.find('hall_configs'), harness.engine.find('bookings')]);
    const preview = ok(await harness.call(gongshu(), actions.station.saveHallSettings, moved));
    expect(preview).toMatchObject({ saved: false, affected: [] });
    expect(preview.windowChanges).toEqual([
      { service: '普通护照', bookings: 1, before: ['3号窗口（出入境）'], after: ['2号窗口（户籍）'] },
      { service: '往来港澳通行证', bookings: 1, before: ['3号窗口（出入境）'], after: ['2号窗口（户籍）'] },
    ]);
    expect(JSON.stringify([harness.engine.find('hall_configs'), harness.engine.find('bookings')])).toBe(before);

    const saved = ok(await harness.call(gongshu(), actions.station.saveHallSettings, { ...moved, confirmAffected: true }));
    expect(saved).toMatchObject({ saved: true, affected: [] });
    expect(stored().windows.map((window) => window.id)).toEqual(['w1', 'w2']);
    // Nobody loses a place: places per slot are the service's own.
    expect(activeBookings()).toHaveLength(2);
    expect(overbooked()).toEqual([]);
    const services = ok(await harness.call('openid-a', actions.booking.listServices, { stationId: 'changqing' }));
    expect(services.services.find((service) => service.kind === 'passport')?.windows).toEqual(['2号窗口（户籍）']);
    // Her booking in 我的预约 says where to go now.
    expect(ok(await harness.call('openid-a', actions.booking.myBookings, {})).upcoming[0]?.windows).toEqual(['2号窗口（户籍）']);
    const audit = harness.engine.find('audit_log', { type: 'hall.settings-saved', stationId: 'changqing' }).at(-1) as unknown as { windowsRemoved: string[]; windowChanges: unknown[] };
    expect(audit).toMatchObject({ windowsRemoved: ['3号窗口（出入境）'], windowChanges: expect.arrayContaining([expect.objectContaining({ service: '普通护照', bookings: 1 })]) });

    // Renaming a window, or adding one, touches nobody's booking: saved at once.
    const renamed = { ...moved, windows: [...moved.windows.map((window) => (window.id === 'w2' ? { ...window, name: '2号窗口（户籍、出入境）' } : window)), { id: 'w4', name: '4号窗口（身份证）' }] };
    expect(ok(await harness.call(gongshu(), actions.station.saveHallSettings, renamed))).toMatchObject({ saved: true, affected: [], windowChanges: [] });
    const after = ok(await harness.call('openid-a', actions.booking.listServices, { stationId: 'changqing' }));
    expect(after.services.find((service) => service.kind === 'passport')?.windows).toEqual(['2号窗口（户籍、出入境）']);
  });
});
