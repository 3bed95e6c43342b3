import { SERVICE_KINDS, SERVICES, availability, checkHallConfig, periodsOutsideHall, slotsFor, weeklyHoursText, windowsServing, type HallConfig } from '@domain/booking';
import { DEMO_HALL_CONFIGS, DEMO_HALL_STATION_IDS } from '@local-cloud/seed/demo-hall-config';
import { HALL, bj } from './fixture';

describe('checkHallConfig', () => {
  test('the test hall and every demo hall are valid', () => {
    expect(checkHallConfig(HALL)).toEqual([]);
    for (const id of DEMO_HALL_STATION_IDS) expect([id, checkHallConfig(DEMO_HALL_CONFIGS[id])]).toEqual([id, []]);
  });

  test('problems are listed in Chinese for the admin', () => {
    const broken: HallConfig = {
      ...HALL,
      hours: { mon: [{ start: '12:00', end: '08:30' }], tue: [{ start: '8:30', end: '12:00' }] },
      services: [
        { kind: 'idRenewal', windows: ['w9'] },
        { kind: 'idRenewal', windows: ['w1'], capacityPerSlot: 0 },
      ],
      closures: [{ day: '2026-02-30', reason: '' }],
      horizonDays: 0,
    };
    expect(checkHallConfig(broken)).toEqual([
      '大厅办公时间周一 12:00–08:30 结束时间要晚于开始时间',
      '大厅办公时间周二的时间格式不对，应为 08:30 这样的格式',
      '“身份证到期换领”的窗口 w9 不存在',
      '业务“身份证到期换领”重复设置',
      '“身份证到期换领”每个时段的名额应为1到500的整数',
      '临时停办日期无效：2026-02-30',
      '请填写 2026-02-30 临时停办的原因',
      '可预约天数应为1到90天',
    ]);
  });
});

describe('service hours and windows', () => {
  test('a service keeps the hall hours or shorter ones: a period outside the hall is a problem', () => {
    const sundays: HallConfig = { ...HALL, services: [{ kind: 'passport', windows: ['w2'], hours: { mon: [{ start: '08:30', end: '10:00' }], sun: [{ start: '09:00', end: '12:00' }], sat: [{ start: '11:00', end: '12:30' }] } }] };
    expect(checkHallConfig(sundays)).toEqual(['“普通护照”的办理时间周六 11:00–12:30 不在大厅办公时间内', '“普通护照”的办理时间周日 09:00–12:00 不在大厅办公时间内']);
    expect(periodsOutsideHall(HALL.hours, { mon: [{ start: '08:30', end: '12:00' }, { start: '14:00', end: '15:00' }] })).toEqual([]);
  });

  test('window names are unique; a resident sees the windows of their service in the hall order', () => {
    expect(checkHallConfig({ ...HALL, windows: [...HALL.windows, { id: 'w3', name: '1号窗口' }] })).toEqual(['窗口名称重复：1号窗口']);
    expect(windowsServing(HALL, { windows: ['w2', 'w1'] }).map((window) => window.name)).toEqual(['1号窗口', '2号窗口']);
    expect(weeklyHoursText(HALL.hours)).toBe('周一至周五 08:30–12:00、13:30–17:00；周六 09:00–12:00');
    expect(weeklyHoursText({})).toBe('暂停办理');
  });
});

describe('catalogue', () => {
  test('every service has a label, a duration and a checklist; on-site photo where the window takes it', () => {
    for (const kind of SERVICE_KINDS) {
      const info = SERVICES[kind];
      expect(info.kind).toBe(kind);
      expect(info.label).toMatch(/\p{Script=Han}/u);
      expect(info.defaultMinutes).toBeGreaterThan(0);
      expect(info.materials.length).toBeGreaterThan(0);
    }
    expect(SERVICES.idReplacement.onSitePhoto).toBe(true);
    expect(SERVICES.idRenewal.materials.map((m) => m.item)).toEqual(['原居民身份证', '居民户口簿原件', '照片回执']);
    expect(SERVICES.idRenewal.materials.find((m) => m.item === '照片回执')?.note).toContain('6个月内有效');
    expect(SERVICES.birthRegistration.materials[0]?.item).toBe('出生医学证明原件');
  });
});

describe('demo halls', () => {
  test('exit-entry only at 长庆, 武林 and 西罗园, on weekdays', () => {
    const withPassport = DEMO_HALL_STATION_IDS.filter((id) => DEMO_HALL_CONFIGS[id].services.some((s) => s.kind === 'passport'));
    expect(withPassport).toEqual(['changqing', 'wulin', 'xiluoyuan']);
    expect(slotsFor(DEMO_HALL_CONFIGS.changqing, 'passport', '2026-03-21')).toEqual([]); // Saturday
    expect(slotsFor(DEMO_HALL_CONFIGS.changqing, 'idRenewal', '2026-03-21')).toHaveLength(6);
    expect(slotsFor(DEMO_HALL_CONFIGS.xiluoyuan, 'idRenewal', '2026-03-21')).toEqual([]); // Beijing: no Saturday
    expect(slotsFor(DEMO_HALL_CONFIGS.xiluoyuan, 'idRenewal', '2026-03-16')[0]?.time).toBe('09:00');
  });

  test('2026 holidays and make-up workdays', () => {
    const cq = DEMO_HALL_CONFIGS.changqing;
    expect(slotsFor(cq, 'idRenewal', '2026-01-01')).toEqual([]); // 元旦
    expect(slotsFor(cq, 'idRenewal', '2026-01-04')).toHaveLength(14); // Sunday worked (调休)
    const spring = availability(cq, 'idRenewal', bj('2026-02-12', '08:00'), new Map());
    const closed = spring.filter((d) => d.closedReason === 'holiday').map((d) => d.day);
    expect(closed).toEqual(['2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22', '2026-02-23']);
    expect(spring.find((d) => d.day === '2026-02-16')?.note).toBe('春节');
    expect(spring.find((d) => d.day === '2026-02-14')?.slots).toHaveLength(14); // Saturday worked: full day
  });

  test('the ad-hoc closure at 长庆: household services closed that afternoon, exit-entry open', () => {
    const cq = DEMO_HALL_CONFIGS.changqing;
    expect(slotsFor(cq, 'idRenewal', '2026-03-18').map((s) => s.time).at(-1)).toBe('11:30');
    expect(slotsFor(cq, 'passport', '2026-03-18')).toHaveLength(14);
  });
});
