/**
 * The 预约 tab's station step: the resident's own station first with its map, the others by
 * district — or nearest first once the resident shares their location (only then is it asked
 * for). Transport, location, map and navigation are platform adapters and stood in for.
 */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { MeView, StationView } from '@domain/actions';
import type { ActionResult } from '@domain/result';
import BookingPage, { byDistance } from '@/pages/booking/index';
import { distanceLabel } from '@/pages/booking/station-card';
import { sendToCloud } from '@/platform/cloud-transport';
import { getCurrentLocation } from '@/platform/location';
import { openPlace } from '@/platform/open-location';

jest.mock('@/platform/cloud-transport', () => ({ initCloud: jest.fn(), sendToCloud: jest.fn() }));
jest.mock('@/platform/location', () => ({ getCurrentLocation: jest.fn() }));
jest.mock('@/platform/open-location', () => ({ openPlace: jest.fn() }));
jest.mock('@/platform/station-map', () => ({ StationMap: ({ name }: { name: string }) => <div data-testid="map">{name}</div> }));
const transport = jest.mocked(sendToCloud);
const locate = jest.mocked(getCurrentLocation);

const station = (id: string, name: string, districtName: string, latitude: number, longitude: number): StationView => ({
  id,
  name,
  districtId: districtName,
  districtName,
  address: `${name}地址`,
  phone: '010-6721 0110',
  hallHours: '周一至周五',
  hallServices: ['身份证'],
  location: { latitude, longitude },
});
const XILUOYUAN = station('xiluoyuan', '西罗园派出所', '丰台分局', 39.8444, 116.3839);
const CHANGQING = station('changqing', '长庆派出所', '拱墅分局', 30.2741, 120.1551);
const WULIN = station('wulin', '武林派出所', '拱墅分局', 30.2762, 120.1628);
const YOUANMEN = station('youanmen', '右安门派出所', '丰台分局', 39.8601, 116.3602);
const me: MeView = { userId: 'u1', nickname: '王阿姨', role: 'resident', officerKinds: [], homeCommunity: { id: 'xly-2', name: '西罗园第二社区', stationName: '西罗园派出所' }, createdAt: '2026-11-01T00:00:00.000Z' };

function answer(replies: Record<string, () => ActionResult<unknown>>) {
  transport.mockImplementation(async (_fn, { action }) => {
    const reply = replies[action];
    if (!reply) throw new Error(`unexpected action ${action}`);
    return reply();
  });
}

beforeEach(() => {
  transport.mockReset();
  locate.mockReset();
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => jest.restoreAllMocks());

test('distances read the way people say them', () => {
  expect(distanceLabel(40)).toBe('约100米');
  expect(distanceLabel(760)).toBe('约800米');
  expect(distanceLabel(3240)).toBe('约3.2公里');
  expect(distanceLabel(1_234_000)).toBe('约1234公里');
  expect(byDistance([CHANGQING, WULIN], { latitude: 30.2765, longitude: 120.163 }).map((entry) => entry.station.id)).toEqual(['wulin', 'changqing']);
});

test('own station first with its map; the others of its district only — another city only when searched for — nearest first once the location is shared', async () => {
  answer({ listStations: () => ({ ok: true, data: [CHANGQING, WULIN, XILUOYUAN, YOUANMEN] }), me: () => ({ ok: true, data: me }) });
  locate.mockResolvedValue({ ok: true, latitude: 30.2765, longitude: 120.163 });
  render(<BookingPage />);
  expect(await screen.findByText('我所在社区的派出所')).toBeTruthy();
  expect(screen.getByTestId('map').textContent).toBe('西罗园派出所');
  expect(screen.getByText('其他派出所 · 丰台分局')).toBeTruthy();
  expect(screen.getByText('右安门派出所')).toBeTruthy();
  // 王阿姨 lives in Beijing: Hangzhou's 拱墅 stations are not offered unless she searches.
  expect(screen.queryByText('长庆派出所')).toBeNull();
  expect(screen.queryByText('其他派出所 · 拱墅分局')).toBeNull();
  expect(locate).not.toHaveBeenCalled();

  fireEvent.input(screen.getByLabelText('找其他派出所：输入名称或区'), { target: { value: '拱墅' } });
  expect(await screen.findByText('长庆派出所')).toBeTruthy();
  expect(screen.queryByText('右安门派出所')).toBeNull();

  fireEvent.click(screen.getByText('其他派出所按离我远近排'));
  expect(await screen.findByText('其他派出所（由近到远）')).toBeTruthy();
  const names = screen.getAllByText(/派出所$/).map((node) => node.textContent);
  expect(names.indexOf('武林派出所')).toBeLessThan(names.indexOf('长庆派出所'));
  expect(screen.getByText('约100米')).toBeTruthy();

  fireEvent.click(screen.getAllByText('导航去这里')[0] as HTMLElement);
  expect(openPlace).toHaveBeenCalled();
});

test('the list is drawn once, with the own station on top: no card moves under a finger', async () => {
  let answerMe: (reply: ActionResult<unknown>) => void = () => undefined;
  transport.mockImplementation(async (_fn, { action }) => {
    if (action === 'listStations') return { ok: true, data: [CHANGQING, WULIN, XILUOYUAN, YOUANMEN] };
    return new Promise((resolve) => (answerMe = resolve));
  });
  render(<BookingPage />);
  await waitFor(() => expect(transport).toHaveBeenCalledTimes(2));
  await act(async () => undefined); // the stations have answered; "me" has not
  expect(screen.queryByText('在这里预约办证')).toBeNull();
  expect(screen.getByText('正在加载…')).toBeTruthy();
  await act(async () => answerMe({ ok: true, data: me }));
  const buttons = await screen.findAllByText('在这里预约办证');
  // 西罗园 on top and 右安门 of the same district; 拱墅 (Hangzhou) only when searched for.
  expect(buttons.length).toBe(2);
  expect(screen.getByText('我所在社区的派出所')).toBeTruthy();
});

test('when "me" fails, the stations still show, without an own station', async () => {
  answer({ listStations: () => ({ ok: true, data: [CHANGQING, WULIN, XILUOYUAN] }), me: () => ({ ok: false, error: { code: 'NETWORK', message: '网络不太好，请检查网络后再试' } }) });
  render(<BookingPage />);
  expect(await screen.findAllByText('在这里预约办证')).toHaveLength(3);
  expect(screen.queryByText('我所在社区的派出所')).toBeNull();
});

test('a refused location keeps the list and says how to allow it', async () => {
  answer({ listStations: () => ({ ok: true, data: [CHANGQING, WULIN] }), me: () => ({ ok: true, data: { ...me, homeCommunity: undefined } }) });
  locate.mockResolvedValue({ ok: false, reason: 'denied', message: '没有获得位置权限' });
  render(<BookingPage />);
  fireEvent.click(await screen.findByText('按离我远近排'));
  expect(await screen.findByText('没有获得位置权限')).toBeTruthy();
  await waitFor(() => expect(screen.getByText('拱墅分局')).toBeTruthy());
});
