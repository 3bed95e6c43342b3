/**
 * 登记我住的社区 over the real callAction and action contracts. Only the transport
 * (src/platform/cloud-transport) and the phone's location (src/platform/location) are stood in
 * for, as in me-page.test.tsx.
 */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { CommunityView, MeView } from '@domain/actions';
import type { ActionResult } from '@domain/result';
import { HOME_COMMUNITY_CHANGED } from '@/components/home-community';
import HomeCommunityPage from '@/packages/content/pages/home-community/index';
import { sendToCloud } from '@/platform/cloud-transport';
import { getCurrentLocation } from '@/platform/location';

jest.mock('@/platform/cloud-transport', () => ({ initCloud: jest.fn(), sendToCloud: jest.fn() }));
jest.mock('@/platform/location', () => ({ getCurrentLocation: jest.fn() }));
const transport = jest.mocked(sendToCloud);
const location = jest.mocked(getCurrentLocation);

const community = (id: string, name: string, postName: string, stationId = 'xiluoyuan', stationName = '西罗园派出所'): CommunityView => ({
  id,
  name,
  stationId,
  stationName,
  postName,
});

const COMMUNITIES = [
  community('xly-1', '西罗园第一社区', '西罗园北警务区'),
  community('xly-2', '西罗园第二社区', '西罗园北警务区'),
  community('huajiaoshu', '花椒树社区', '洋桥警务区'),
  community('hanggang-beiyuan', '杭钢北苑社区', '田安乐警务室', 'banshan', '半山派出所'),
];

const newcomer: MeView = { userId: 'u-new', nickname: '微信用户', role: 'resident', officerKinds: [], createdAt: '2025-11-01T02:00:00.000Z' };

type Answers = Record<string, (input: Record<string, unknown>) => ActionResult<unknown>>;

function answer(answers: Answers = {}) {
  const all: Answers = {
    me: () => ({ ok: true, data: newcomer }),
    listCommunities: (input) => {
      const keyword = typeof input.keyword === 'string' ? input.keyword : '';
      return { ok: true, data: COMMUNITIES.filter((item) => item.name.includes(keyword)) };
    },
    bindHomeCommunity: (input) => {
      const chosen = COMMUNITIES.find((item) => item.id === input.communityId)!;
      return { ok: true, data: { ...newcomer, homeCommunity: { id: chosen.id, name: chosen.name, stationName: chosen.stationName } } };
    },
    ...answers,
  };
  transport.mockImplementation(async (_fn, { action, input }) => {
    const reply = all[action];
    if (!reply) throw new Error(`unexpected action ${action}`);
    return reply(input as Record<string, unknown>);
  });
}

const sent = (action: string) => transport.mock.calls.filter(([, data]) => data.action === action).map(([, data]) => data.input);

beforeEach(() => {
  transport.mockReset();
  location.mockReset();
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
});

afterEach(() => jest.restoreAllMocks());

describe('登记我住的社区', () => {
  it('lists communities grouped by station, searches as the resident types, and registers the chosen one', async () => {
    const back = jest.spyOn(Taro, 'navigateBack');
    const toast = jest.spyOn(Taro, 'showToast');
    const announced = jest.fn();
    Taro.eventCenter.on(HOME_COMMUNITY_CHANGED, announced);
    answer();
    render(<HomeCommunityPage />);

    expect(await screen.findByText('西罗园第一社区')).toBeTruthy();
    expect(screen.getByText('半山派出所')).toBeTruthy(); // a station's heading
    expect(screen.getAllByText('西罗园派出所 · 西罗园北警务区')).toHaveLength(2);

    fireEvent.change(screen.getByPlaceholderText('搜社区名字，例如：西罗园'), { target: { value: '第二' } });
    await waitFor(() => expect(screen.queryByText('西罗园第一社区')).toBeNull());
    expect(sent('listCommunities')).toContainEqual({ keyword: '第二' });

    fireEvent.click(screen.getByText('西罗园第二社区'));
    fireEvent.click(screen.getByText('确认，我住在这里'));
    await waitFor(() => expect(back).toHaveBeenCalled());
    expect(sent('bindHomeCommunity')).toEqual([{ communityId: 'xly-2', via: 'list' }]);
    // The result is said on 我的 (which hears the announcement), not in a fading toast.
    expect(announced).toHaveBeenCalledWith(expect.objectContaining({ homeCommunity: expect.objectContaining({ id: 'xly-2' }) }));
    expect(toast).not.toHaveBeenCalled();
    Taro.eventCenter.off(HOME_COMMUNITY_CHANGED, announced);
  });

  it('waits for the typing to pause before searching', async () => {
    answer();
    render(<HomeCommunityPage />);
    await screen.findByText('西罗园第一社区');
    const search = screen.getByPlaceholderText('搜社区名字，例如：西罗园');
    fireEvent.change(search, { target: { value: '花' } });
    fireEvent.change(search, { target: { value: '花椒' } });
    await waitFor(() => expect(screen.queryByText('西罗园第一社区')).toBeNull());
    expect(sent('listCommunities')).toEqual([{}, { keyword: '花椒' }]);
  });

  it('lists the candidates of an ambiguous address and registers the one picked', async () => {
    answer({
      resolveAddress: () => ({
        ok: true,
        data: { kind: 'ambiguous', candidates: COMMUNITIES.slice(0, 2).map((item) => ({ ...item, matched: '西罗园' })) },
      }),
    });
    render(<HomeCommunityPage />);
    fireEvent.click(screen.getByText('输入地址'));
    fireEvent.change(screen.getByPlaceholderText('例如：西罗园二区5号楼3单元301'), { target: { value: '西罗园5号楼' } });
    fireEvent.click(screen.getByText('查找'));

    const question = await screen.findByText('这个地址可能属于下面几个社区，请选您住的那个：');
    const candidates = within(question.parentElement!);
    expect(candidates.getByText('西罗园第一社区')).toBeTruthy();
    expect(candidates.getByText('西罗园第二社区')).toBeTruthy();
    expect(sent('resolveAddress')).toEqual([{ text: '西罗园5号楼' }]);

    fireEvent.click(candidates.getByText('西罗园第一社区'));
    fireEvent.click(screen.getByText('确认，我住在这里'));
    await waitFor(() => expect(sent('bindHomeCommunity')).toEqual([{ communityId: 'xly-1', via: 'address' }]));
  });

  it('asks "是 … 吗？" for a single match and registers on 确认', async () => {
    answer({ resolveAddress: () => ({ ok: true, data: { kind: 'match', community: { ...COMMUNITIES[1]!, matched: '西罗园二区' } } }) });
    render(<HomeCommunityPage />);
    fireEvent.click(screen.getByText('输入地址'));
    fireEvent.change(screen.getByPlaceholderText('例如：西罗园二区5号楼3单元301'), { target: { value: '西罗园二区5号楼3单元301' } });
    fireEvent.click(screen.getByText('查找'));
    expect(await screen.findByText('是 西罗园第二社区 吗？')).toBeTruthy();
    fireEvent.click(screen.getByText('确认'));
    await waitFor(() => expect(sent('bindHomeCommunity')).toEqual([{ communityId: 'xly-2', via: 'address' }]));
  });

  it('shows the hint when no community is found, with the other two ways', async () => {
    answer({ resolveAddress: () => ({ ok: true, data: { kind: 'none', hint: '没有找到这个地址，可以从列表里选择社区，或者发送位置' } }) });
    render(<HomeCommunityPage />);
    fireEvent.click(screen.getByText('输入地址'));
    fireEvent.change(screen.getByPlaceholderText('例如：西罗园二区5号楼3单元301'), { target: { value: '火星基地' } });
    fireEvent.click(screen.getByText('查找'));
    expect(await screen.findByText('没有找到这个地址，可以从列表里选择社区，或者发送位置')).toBeTruthy();
    expect(screen.getAllByText('从列表选').length).toBeGreaterThan(1); // the mode switch and the way out
  });

  it('checks the address against the action schema before sending', async () => {
    answer();
    render(<HomeCommunityPage />);
    fireEvent.click(screen.getByText('输入地址'));
    fireEvent.click(screen.getByText('查找'));
    expect(await screen.findByText('请填写地址')).toBeTruthy();
    expect(sent('resolveAddress')).toEqual([]);
  });

  it('asks which community when the location is at a boundary', async () => {
    location.mockResolvedValue({ ok: true, latitude: 39.847, longitude: 116.3839 });
    answer({ locate: () => ({ ok: true, data: { community: COMMUNITIES[0], nearby: [COMMUNITIES[2]] } }) });
    render(<HomeCommunityPage />);
    fireEvent.click(screen.getByText('发送位置'));
    fireEvent.click(screen.getByText('发送我现在的位置'));
    expect(await screen.findByText('您在 西罗园第一社区 和 花椒树社区 的交界处附近，请确认您住在哪个社区：')).toBeTruthy();
    expect(sent('locate')).toEqual([{ latitude: 39.847, longitude: 116.3839 }]);
    expect(screen.queryByText('确认，我住在这里')).toBeNull(); // nothing chosen for the resident

    const choices = within(screen.getByText(/交界处附近/).parentElement!);
    fireEvent.click(choices.getByText('花椒树社区'));
    fireEvent.click(screen.getByText('确认，我住在这里'));
    await waitFor(() => expect(sent('bindHomeCommunity')).toEqual([{ communityId: 'huajiaoshu', via: 'location' }]));
  });

  it('takes back the earlier pick when the resident sends a new location', async () => {
    location.mockResolvedValueOnce({ ok: true, latitude: 39.8444, longitude: 116.3839 }).mockResolvedValueOnce({ ok: true, latitude: 39.847, longitude: 116.3839 });
    let calls = 0;
    answer({
      locate: () => (++calls === 1 ? { ok: true, data: { community: COMMUNITIES[1], nearby: [] } } : { ok: true, data: { community: COMMUNITIES[0], nearby: [COMMUNITIES[1]] } }),
    });
    render(<HomeCommunityPage />);
    fireEvent.click(screen.getByText('发送位置'));
    fireEvent.click(screen.getByText('发送我现在的位置'));
    expect(await screen.findByText('确认，我住在这里')).toBeTruthy();
    fireEvent.click(screen.getByText('发送我现在的位置'));
    expect(await screen.findByText(/交界处附近/)).toBeTruthy();
    expect(screen.queryByText('确认，我住在这里')).toBeNull();
  });

  it('says so when the location permission is refused, and offers the list', async () => {
    location.mockResolvedValue({ ok: false, reason: 'denied', message: '没有获得位置权限，可以改用列表或地址。' });
    answer();
    render(<HomeCommunityPage />);
    fireEvent.click(screen.getByText('发送位置'));
    fireEvent.click(screen.getByText('发送我现在的位置'));
    expect(await screen.findByText('没有获得位置权限，可以改用列表或地址。')).toBeTruthy();
    expect(sent('locate')).toEqual([]);
  });

  it('goes to 我的 when there is no page to go back to (opened from a shared link)', async () => {
    jest.spyOn(Taro, 'getCurrentPages').mockReturnValue([{ route: 'packages/content/pages/home-community/index' }]);
    const tab = jest.spyOn(Taro, 'switchTab');
    location.mockResolvedValue({ ok: true, latitude: 39.8444, longitude: 116.3839 });
    answer({ locate: () => ({ ok: true, data: { community: COMMUNITIES[1], nearby: [] } }) });
    render(<HomeCommunityPage />);
    fireEvent.click(screen.getByText('发送位置'));
    fireEvent.click(screen.getByText('发送我现在的位置'));
    expect(await screen.findByText('您现在在：')).toBeTruthy();
    fireEvent.click(screen.getByText('确认，我住在这里')); // well inside one community: already chosen
    await waitFor(() => expect(tab).toHaveBeenCalledWith({ url: '/pages/me/index' }));
    expect(sent('bindHomeCommunity')).toEqual([{ communityId: 'xly-2', via: 'location' }]);
  });
});
