import type { HallConfig } from '@domain/booking';
import { DEMO_HALL_CONFIGS } from '@local-cloud/seed/demo-hall-config';
import { messageData, MessageFieldError, beijingClock } from '@domain/notifications/message-fields';
import {
  boundaryOverlap,
  communitiesWithoutBeatOfficer,
  hallChangeImpact,
  hallOpenings,
  hallSettingsProblems,
  handoverRefusal,
  parseBoundaryGeoJson,
  repeatShifts,
  rosterGaps,
  shiftSpan,
  successorAfterHandover,
  weekStartOf,
  windowChanges,
  type RosterShift,
} from '@domain/station';

const square = (lng: number, lat: number, size: number) => ({
  type: 'Polygon',
  coordinates: [[[lng, lat], [lng + size, lat], [lng + size, lat + size], [lng, lat + size], [lng, lat]]],
});

describe('roster', () => {
  it('knows the Monday of a week and spans night shifts over midnight in Beijing time', () => {
    expect(weekStartOf('2026-12-03')).toBe('2026-11-30');
    expect(weekStartOf('2026-11-30')).toBe('2026-11-30');
    expect(weekStartOf('2026-12-06')).toBe('2026-11-30');
    const night = shiftSpan('2026-12-03', '18:00', '08:00');
    expect(night.start.toISOString()).toBe('2026-12-03T10:00:00.000Z');
    expect(night.end.toISOString()).toBe('2026-12-04T00:00:00.000Z');
  });

  it('warns about time without a duty officer and hall hours without a hall officer, leave included', () => {
    const day = '2026-12-03'; // a Thursday
    const shift = (id: string, officerId: string, kind: RosterShift['kind'], from: string, to: string, on = day): RosterShift => ({ id, officerId, kind, ...shiftSpan(on, from, to) });
    const shifts = [shift('a', 'o-duty', 'duty', '00:00', '00:00'), shift('b', 'o-hall', 'hall', '08:30', '17:30')];
    const from = new Date('2026-12-03T00:00:00+08:00');
    const config = DEMO_HALL_CONFIGS.xiluoyuan as HallConfig;
    const none = rosterGaps({ shifts, leave: [], from, days: 1, hallOpenings: (d) => hallOpenings(config, d) });
    expect(none).toEqual([]);
    const leave = [{ id: 'l', officerId: 'o-hall', from: new Date('2026-12-03T13:00:00+08:00'), to: new Date('2026-12-03T18:00:00+08:00') }];
    const gaps = rosterGaps({ shifts, leave, from, days: 2, hallOpenings: (d) => hallOpenings(config, d) });
    expect(gaps.map((gap) => gap.text)).toEqual(['12月3日 13:30–17:00 大厅开放但没有窗口民警', '12月4日 00:00–24:00 没有值班民警', '12月4日 09:00–12:00 大厅开放但没有窗口民警', '12月4日 13:30–17:00 大厅开放但没有窗口民警']);
  });

  it('repeats a week one week later without doubling shifts already there', () => {
    const week = [{ id: 'a', officerId: 'o1', kind: 'community' as const, ...shiftSpan('2026-11-30', '08:00', '18:00') }];
    const next = repeatShifts(week, []);
    expect(next[0]!.start.toISOString()).toBe(shiftSpan('2026-12-07', '08:00', '18:00').start.toISOString());
    expect(repeatShifts(week, [{ id: 'b', ...next[0]! }])).toEqual([]);
  });
});

describe('officers', () => {
  const zhao = { id: 'o-zhao', stationId: 's', kinds: ['beat' as const], communityIds: ['c1'] };
  const li = { id: 'o-li', stationId: 's', kinds: ['hall' as const], communityIds: [] };
  it('hands over only to an active colleague of the same station', () => {
    expect(handoverRefusal(zhao, li, 's')).toBeUndefined();
    expect(handoverRefusal(zhao, zhao, 's')?.code).toBe('CONFLICT');
    expect(handoverRefusal(zhao, { ...li, active: false }, 's')?.code).toBe('CONFLICT');
    expect(handoverRefusal(zhao, { ...li, stationId: 'other' }, 's')?.code).toBe('NOT_FOUND');
    expect(successorAfterHandover(zhao, li)).toEqual({ communityIds: ['c1'], kinds: ['hall', 'beat'] });
  });
  it('finds communities without an active beat officer', () => {
    const communities = [{ id: 'c1', name: '一区', stationId: 's' }, { id: 'c2', name: '二区', stationId: 's' }];
    expect(communitiesWithoutBeatOfficer(communities, [zhao]).map((c) => c.id)).toEqual(['c2']);
    expect(communitiesWithoutBeatOfficer(communities, [{ ...zhao, active: false }]).map((c) => c.id)).toEqual(['c1', 'c2']);
  });
});

describe('boundaries', () => {
  it('reads a GeoJSON polygon, feature or collection of one, and refuses what is not one area', () => {
    const parsed = parseBoundaryGeoJson(JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', geometry: square(116.38, 39.84, 0.01) }] }));
    expect(parsed.ok && parsed.polygon.outer).toHaveLength(4);
    expect(parseBoundaryGeoJson('{"type":"Point","coordinates":[1,2]}')).toEqual({ ok: false, problem: expect.stringContaining('多边形') });
    expect(parseBoundaryGeoJson('not json').ok).toBe(false);
    expect(parseBoundaryGeoJson(JSON.stringify({ type: 'Polygon', coordinates: [[[200, 1], [1, 2], [2, 3]]] })).ok).toBe(false);
  });

  it('refuses an overlap and shows where it is, but lets neighbours share an edge', () => {
    const a = parseBoundaryGeoJson(JSON.stringify(square(116.38, 39.84, 0.01)));
    const touching = parseBoundaryGeoJson(JSON.stringify(square(116.39, 39.84, 0.01)));
    const overlapping = parseBoundaryGeoJson(JSON.stringify(square(116.385, 39.845, 0.01)));
    if (!a.ok || !touching.ok || !overlapping.ok) throw new Error('fixture');
    expect(boundaryOverlap(a.polygon, touching.polygon)).toBeUndefined();
    const overlap = boundaryOverlap(a.polygon, overlapping.polygon);
    // The true overlap is 0.005° × 0.005° ≈ 556 m × 427 m ≈ 237,000 m².
    expect(overlap!.areaSquareMeters).toBeGreaterThan(200_000);
    expect(overlap!.areaSquareMeters).toBeLessThan(260_000);
    expect(overlap!.outline.length).toBeGreaterThanOrEqual(4);
  });
});

describe('hall changes', () => {
  const config = DEMO_HALL_CONFIGS.xiluoyuan as HallConfig;
  const holder = (bookingId: string, slotId: string, minutes: number) => ({
    bookingId,
    slotId,
    service: 'idReplacement' as const,
    day: '2026-12-03',
    start: new Date('2026-12-03T10:00:00+08:00'),
    createdAt: new Date(1_000_000 + minutes * 60_000),
  });
  const slotId = 'xiluoyuan:idReplacement:2026-12-03:1000';

  it('keeps the earliest bookings when places drop and never leaves more bookings than places', () => {
    const fewer: HallConfig = { ...config, services: config.services.map((offer) => (offer.kind === 'idReplacement' ? { ...offer, capacityPerSlot: 1 } : offer)) };
    const impact = hallChangeImpact(fewer, [holder('late', slotId, 5), holder('early', slotId, 1)]);
    expect(impact.displaced.map((d) => [d.bookingId, d.why])).toEqual([['late', 'fewerPlaces']]);
    expect(impact.slots).toEqual([{ slotId, capacity: 1, kept: 1 }]);
  });

  it('displaces every booking of a day that closes', () => {
    const closed: HallConfig = { ...config, holidays: [...config.holidays, { day: '2026-12-03', name: '临时' }] };
    const impact = hallChangeImpact(closed, [holder('a', slotId, 1)]);
    expect(impact.displaced.map((d) => d.why)).toEqual(['slotGone']);
    expect(impact.slots[0]!.capacity).toBe(0);
  });
});

describe('hall windows', () => {
  const config = DEMO_HALL_CONFIGS.changqing as HallConfig;
  const withoutW3 = { ...config, windows: config.windows.filter((window) => window.id !== 'w3') };

  test('a removed window still serving services is named with them; a window never known is a service problem', () => {
    expect(hallSettingsProblems(withoutW3, config)).toEqual({ windows: '“3号窗口（出入境）”还在办理“普通护照”、“往来港澳通行证”、“往来台湾通行证”，请先在这些业务里取消这个窗口，再删除它' });
    expect(hallSettingsProblems(withoutW3)).toMatchObject({ 'services.7.windows': expect.stringContaining('不存在') });
    expect(hallSettingsProblems(config, config)).toEqual({});
  });

  test('a service that loses a window with bookings to come is listed; added windows and services without bookings are not', () => {
    const moved = { ...withoutW3, services: config.services.map((offer) => (offer.windows.includes('w3') ? { ...offer, windows: ['w2', 'w3'].filter((id) => id !== 'w3') } : offer)) };
    expect(windowChanges(config, moved, new Map([['passport', 2], ['idRenewal', 5]]))).toEqual([{ service: 'passport', bookings: 2, before: ['3号窗口（出入境）'], after: ['2号窗口（户籍）'] }]);
    const added = { ...config, windows: [...config.windows, { id: 'w4', name: '4号窗口' }], services: config.services.map((offer) => ({ ...offer, windows: [...offer.windows, 'w4'] })) };
    expect(windowChanges(config, added, new Map([['passport', 2]]))).toEqual([]);
    expect(windowChanges(undefined, moved, new Map([['passport', 2]]))).toEqual([]);
  });
});

describe('subscribe message fields', () => {
  it('writes times in Beijing time and fits things to 20 characters', () => {
    const data = messageData({ thing1: '这是一条非常非常长的反诈预警标题，超过了二十个字的限制', time3: new Date('2026-12-03T23:30:00Z') });
    expect(data.time3!.value).toBe('2026-12-04 07:30');
    expect(Array.from(data.thing1!.value)).toHaveLength(20);
    expect(beijingClock(new Date('2026-12-03T16:00:00Z'))).toBe('2026-12-04 00:00');
  });
  it('refuses a phrase over 5 characters or a time written in another form', () => {
    expect(() => messageData({ phrase2: '已经受理完成了' })).toThrow(MessageFieldError);
    expect(() => messageData({ phrase2: 'OK' })).toThrow(MessageFieldError);
    expect(messageData({ phrase2: '已受理' }).phrase2!.value).toBe('已受理');
    expect(() => messageData({ time2: '2026-12-03T10:00:00.000Z' })).toThrow(/time2/);
  });
});
