/**
 * The demo stations, set up the way a real one is: the district admin opens each station; its
 * admin (西罗园内勤, or 拱墅分局 for its own stations) enters the posts and communities with their
 * boundaries, invites every officer, who registers with the code on their own phone, assigns
 * their post, communities and kinds, configures the service hall and keeps the duty roster. Every
 * step is the action the app's own page calls, as the person who would tap it.
 *
 * The two districts come from the local cloud's deployment configuration (local-cloud/deployment.ts,
 * as a city bureau deploying for several 分局 lists them); each district's first admin enters the
 * one-time code a deployment prints for it, where officers enter invite codes.
 */
import { accountActions } from '@domain/actions/account';
import { directoryActions } from '@domain/actions/directory';
import { stationActions } from '@domain/actions/station';
import { WEEKDAY_KEYS, capacityOf, serviceMinutes, type HallConfig, type WeekdayKey, type WeeklyHours } from '@domain/booking';
import { OFFICER_KIND_LABELS } from '@domain/roles';
import { addDays, weekStartOf } from '@domain/station';
import { COLLECTIONS } from '@platform/cloud/collections';
import { requireSecret } from '@platform/cloud/settings';
import { firstAdminCode } from '../../cloudfunctions/account/first-admin';
import type { LocalDatabase } from '../database';
import { DEMO_ADDRESS_BOOKS } from './demo-address-books';
import { callAs } from './demo-actions';
import { DEMO_BOUNDARIES } from './demo-geography';
import { DEMO_HALL_CONFIGS, isDemoHallStation } from './demo-hall-config';
import { DEMO_DISTRICTS, DEMO_OFFICERS, DEMO_PERSONAS, DEMO_POST_SETUP, DEMO_STATIONS, type DemoOfficer } from './demo-data';

const DAY_MS = 86_400_000;

/** Who runs each demo station's set-up: its own admin where the demo has one, else the district admin. */
const STATION_ADMIN: Record<string, string> = { xiluoyuan: 'admin-xly' };
const DISTRICT_ADMIN: Record<string, string> = { fengtai: 'admin-fengtai', gongshu: 'admin-gongshu' };

const districtOf = (stationId: string): string => DEMO_STATIONS.find((station) => station._id === stationId)?.districtId ?? '';
const adminOf = (stationId: string): string => STATION_ADMIN[stationId] ?? DISTRICT_ADMIN[districtOf(stationId)] ?? '';

/** The district admins' desk phones, entered with the first-admin code like any officer's work phone. */
const DISTRICT_DESK_PHONE: Record<string, string> = { fengtai: '010-6721 0100', gongshu: '0571-8702 1100' };

/** Every persona opens the app once (the first call makes a resident account) and sets their nickname. */
async function openAccounts(): Promise<void> {
  for (const persona of DEMO_PERSONAS) {
    await callAs(persona.key, accountActions.me, {});
    await callAs(persona.key, accountActions.updateProfile, { nickname: persona.nickname });
  }
  // Each district and its admin: the admin enters the district's one-time first-admin code (the one
  // a deployment prints: from BOOTSTRAP_SECRET and the district's id) in 我的 → 民警邀请码.
  for (const district of DEMO_DISTRICTS) {
    const admin = DISTRICT_ADMIN[district._id];
    const persona = DEMO_PERSONAS.find((candidate) => candidate.key === admin);
    if (!admin || !persona) throw new Error(`demo data: no admin for ${district._id}`);
    const code = firstAdminCode(requireSecret('BOOTSTRAP_SECRET'), district._id);
    await callAs(admin, accountActions.redeemInvite, { code, name: persona.nickname, phone: DISTRICT_DESK_PHONE[district._id] ?? '' });
  }
}

const geojsonOf = (communityId: string): string => {
  const boundary = DEMO_BOUNDARIES.find((candidate) => candidate.communityId === communityId);
  if (!boundary) throw new Error(`demo data: no boundary for ${communityId}`);
  const ring = boundary.outer.map((point) => [point.longitude, point.latitude]);
  return JSON.stringify({ type: 'Polygon', coordinates: [[...ring, ring[0]]] });
};

/** The district admin opens the station; for 西罗园 it also invites the station's own admin. */
async function openStations(): Promise<void> {
  for (const station of DEMO_STATIONS) {
    await callAs(DISTRICT_ADMIN[station.districtId] ?? '', stationActions.createStation, {
      districtId: station.districtId,
      stationId: station._id,
      name: station.name,
      address: station.address,
      phone: station.phone,
      latitude: station.location.latitude,
      longitude: station.location.longitude,
    });
    const admin = STATION_ADMIN[station._id];
    if (!admin) continue;
    const invite = await callAs(DISTRICT_ADMIN[station.districtId] ?? '', accountActions.createInvite, { stationId: station._id, role: 'stationAdmin', officerKinds: ['duty'], validHours: 72, note: '所管理员' });
    await callAs(admin, accountActions.redeemInvite, { code: invite.code, name: '韩雪', title: '韩警官', phone: station.phone });
  }
}

async function enterPostsAndCommunities(): Promise<void> {
  for (const post of DEMO_POST_SETUP) {
    const admin = adminOf(post.stationId);
    await callAs(admin, stationActions.savePost, { stationId: post.stationId, code: post.id, name: post.name, phone: post.phone });
    for (const [communityId, name] of post.communities) {
      const aliases = DEMO_ADDRESS_BOOKS.find((book) => book.communityId === communityId)?.aliases ?? [];
      await callAs(admin, stationActions.saveCommunity, { stationId: post.stationId, code: communityId, name, aliases: [...aliases], postId: post.id, geojson: geojsonOf(communityId) });
    }
  }
}

/** Invited by the admin, registered by the officer, then given post, communities and kinds: the officer's id comes from the registration. */
async function inviteOfficer(officer: DemoOfficer): Promise<string> {
  const admin = adminOf(officer.stationId);
  const invite = await callAs(admin, accountActions.createInvite, { stationId: officer.stationId, role: 'officer', officerKinds: officer.kinds, validHours: 72, note: OFFICER_KIND_LABELS[officer.kinds[0] ?? 'beat'] });
  await callAs(officer.persona, accountActions.redeemInvite, { code: invite.code, name: officer.name, title: officer.title, phone: officer.phone });
  const registered = await callAs(officer.persona, stationActions.myOfficerProfile, {});
  if (!registered) throw new Error(`demo data: ${officer.name} has no officer record after registering`);
  await callAs(admin, stationActions.assignOfficer, {
    stationId: officer.stationId,
    officerId: registered.id,
    ...(officer.postId ? { postId: officer.postId } : {}),
    communityIds: officer.communityIds,
    kinds: officer.kinds,
  });
  return registered.id;
}

/** A hall config as its admin enters it on the 大厅设置 page: windows, then each service's windows, places and hours. */
function hallSettingsOf(config: HallConfig) {
  const weekHours = (hours: WeeklyHours) =>
    Object.fromEntries(WEEKDAY_KEYS.map((key) => [key, (hours[key] ?? []).map((period) => ({ start: period.start, end: period.end }))])) as Record<WeekdayKey, { start: string; end: string }[]>;
  return {
    stationId: config.stationId,
    windows: config.windows.map((window) => ({ id: window.id, name: window.name })),
    services: config.services.map((offer) => ({
      kind: offer.kind,
      minutes: serviceMinutes(offer),
      placesPerSlot: capacityOf(config, offer),
      note: offer.note ?? '',
      windows: [...offer.windows],
      ...(offer.hours ? { hours: weekHours(offer.hours) } : {}),
    })),
    hours: weekHours(config.hours),
    slotMinutes: config.slotMinutes,
    holidays: config.holidays.map((holiday) => ({ day: holiday.day, name: holiday.name })),
    makeUpWorkdays: [...(config.makeUpWorkdays ?? [])],
    horizonDays: config.horizonDays,
    bookingCutoffMinutes: config.bookingCutoffMinutes,
    cancelCutoffMinutes: config.cancelCutoffMinutes,
  };
}

async function configureHalls(): Promise<void> {
  for (const station of DEMO_STATIONS) {
    if (!isDemoHallStation(station._id)) continue;
    await callAs(adminOf(station._id), stationActions.saveHallSettings, hallSettingsOf(DEMO_HALL_CONFIGS[station._id]));
  }
}

const beijingDay = (at: Date): string => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/**
 * This week's roster, entered shift by shift, then repeated for the two weeks after it: beat, hall
 * and anti-fraud officers work days with one rest day a week (spread so a post is never empty);
 * a duty officer holds the night, from the Sunday before so Monday's small hours are covered.
 */
async function keepRoster(officerIds: ReadonlyMap<string, string>, now: Date): Promise<void> {
  const weekStart = weekStartOf(beijingDay(now));
  for (const [index, officer] of DEMO_OFFICERS.entries()) {
    const officerId = officerIds.get(officer.key) ?? '';
    const admin = adminOf(officer.stationId);
    const nightDuty = officer.kinds.includes('duty');
    for (let offset = nightDuty ? -1 : 0; offset < 7; offset += 1) {
      const day = addDays(weekStart, offset);
      const weekday = new Date(`${day}T12:00:00+08:00`).getUTCDay();
      if (!nightDuty && weekday === index % 7) continue;
      const shift = nightDuty
        ? { kind: 'duty' as const, start: '18:00', end: '08:00' }
        : { kind: officer.kinds.includes('hall') ? ('hall' as const) : ('community' as const), start: '08:00', end: '18:00' };
      await callAs(admin, stationActions.addShift, { stationId: officer.stationId, officerId, day, ...shift });
    }
  }
  for (const station of DEMO_STATIONS) await repeatRoster(station._id, weekStart, 2);
}

async function repeatRoster(stationId: string, fromWeek: string, weeks: number): Promise<void> {
  for (let week = 0; week < weeks; week += 1) await callAs(adminOf(stationId), stationActions.repeatWeek, { stationId, weekStart: addDays(fromWeek, 7 * week) });
}

/** Residents say where they live, as the app asks them on first use. */
async function bindResidents(): Promise<void> {
  for (const persona of DEMO_PERSONAS) {
    if (persona.homeCommunityId) await callAs(persona.key, directoryActions.bindHomeCommunity, { communityId: persona.homeCommunityId, via: 'list' });
  }
}

/** Sets the demo stations up from nothing; returns the officers' ids by their key in DEMO_OFFICERS. */
export async function setUpDemoStations(engine: LocalDatabase, now: Date): Promise<Map<string, string>> {
  await openAccounts();
  await openStations();
  await enterPostsAndCommunities();
  const officerIds = new Map<string, string>();
  for (const officer of DEMO_OFFICERS) officerIds.set(officer.key, await inviteOfficer(officer));
  await configureHalls();
  await keepRoster(officerIds, now);
  await bindResidents();
  return officerIds;
}

/**
 * A local cloud started again later repeats each station's latest week until the coming seven
 * days are covered, as its admin would (二、三周后 the demo roster would otherwise run out).
 */
export async function repeatDemoRosterUntil(engine: LocalDatabase, now: Date): Promise<number> {
  const until = new Date(now.getTime() + 7 * DAY_MS);
  let repeated = 0;
  for (const station of DEMO_STATIONS) {
    const [latest] = engine.find(COLLECTIONS.dutyShifts, { stationId: station._id }).sort((a, b) => (b.start as Date).getTime() - (a.start as Date).getTime());
    if (!latest) continue;
    let week = weekStartOf(beijingDay(latest.start as Date));
    while (new Date(`${addDays(week, 7)}T00:00:00+08:00`).getTime() < until.getTime()) {
      await repeatRoster(station._id, week, 1);
      week = addDays(week, 7);
      repeated += 1;
    }
  }
  return repeated;
}
