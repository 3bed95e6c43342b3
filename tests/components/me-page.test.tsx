/**
 * The 我的 page over the real callAction and action contracts. Only the transport
 * (src/platform/cloud-transport) is replaced — the real one needs WeChat's servers or the
 * local cloud — by a stand-in that answers each action with an envelope.
 */
import { act, fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import * as v from 'valibot';
import { accountActions, type MeView } from '@domain/actions/account';
import type { BeatCardView } from '@domain/actions/directory';
import type { ActionResult } from '@domain/result';
import { announceHomeCommunityChanged } from '@/components/home-community';
import MePage from '@/pages/me/index';
import JoinAsOfficerPage from '@/packages/officer/pages/join/index';
import { announceMeChanged, useMeChanged } from '@/state/me-changed';
import { sendToCloud } from '@/platform/cloud-transport';
import { watchCollection } from '@/platform/realtime';

jest.mock('@/platform/cloud-transport', () => ({ initCloud: jest.fn(), sendToCloud: jest.fn() }));
// The realtime feed is WeChat's database watch (or the local cloud's stream): stood in the same way.
jest.mock('@/platform/realtime', () => ({ watchCollection: jest.fn(() => ({ close: jest.fn() })) }));
const transport = jest.mocked(sendToCloud);
const watch = jest.mocked(watchCollection);

const resident: MeView = {
  userId: 'u-wang',
  nickname: '王阿姨',
  role: 'resident',
  officerKinds: [],
  homeCommunity: { id: 'xly-2', name: '西罗园第二社区', stationName: '西罗园派出所' },
  createdAt: '2025-11-01T02:00:00.000Z',
};

const beatCard: BeatCardView = {
  community: { id: 'xly-2', name: '西罗园第二社区', stationId: 'xiluoyuan', stationName: '西罗园派出所', postName: '西罗园北警务区' },
  station: { name: '西罗园派出所', address: '北京市丰台区西罗园街道西罗园南路 16 号', phone: '010-6721 0110' },
  post: { name: '西罗园北警务区', phone: '010-6721 0121' },
  officer: { title: '赵警官', kindsLabel: '社区民警' },
};

type Answers = Record<string, (input: Record<string, unknown>) => ActionResult<unknown>>;

/** The contact plate answers with the resident's card unless a test says otherwise. */
function answer(answers: Answers) {
  const all: Answers = { myBeatCard: () => ({ ok: true, data: beatCard }), ...answers };
  transport.mockImplementation(async (_fn, { action, input }) => {
    const reply = all[action];
    if (!reply) throw new Error(`unexpected action ${action}`);
    return reply(input as Record<string, unknown>);
  });
}

/** The join page, with a stand-in for 我的 listening for the account it sends back. */
function MePageListening({ onChange }: { onChange: (me: MeView) => void }) {
  useMeChanged(onChange);
  return <JoinAsOfficerPage />;
}

const callsOf = (action: string) => transport.mock.calls.filter(([, data]) => data.action === action).length;

beforeEach(() => {
  transport.mockReset();
  watch.mockClear();
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
});

afterEach(() => jest.restoreAllMocks());

describe('我的 page', () => {
  it('shows who the resident is once `me` answers', async () => {
    answer({ me: () => ({ ok: true, data: resident }) });
    render(<MePage />);
    expect(await screen.findByText('王阿姨')).toBeTruthy();
    expect(screen.getByText('居民')).toBeTruthy();
    expect(screen.getByText('西罗园第二社区 · 西罗园派出所')).toBeTruthy();
    expect(screen.getByText('我是民警')).toBeTruthy();
    expect(screen.queryByText('民警工作台')).toBeNull();
    expect(screen.getByText('关于与隐私')).toBeTruthy();
    // The demo-identity link exists only in the H5 build (demo-identity-link.h5.tsx).
    expect(screen.queryByText('切换演示身份')).toBeNull();
  });

  it('offers officers the workbench instead of the invite form', async () => {
    answer({
      me: () => ({
        ok: true,
        data: { ...resident, nickname: '赵文龙', role: 'officer', officerKinds: ['beat'], homeCommunity: undefined, station: { id: 'xiluoyuan', name: '西罗园派出所', districtName: '丰台区公安分局' } },
      }),
    });
    render(<MePage />);
    expect(await screen.findByText('民警工作台')).toBeTruthy();
    expect(screen.getByText('社区民警')).toBeTruthy();
    expect(screen.queryByText('我是民警')).toBeNull();
  });

  it('follows a role change made elsewhere without a reload (realtime watch on the own account)', async () => {
    let role: MeView['role'] = 'officer';
    answer({ me: () => ({ ok: true, data: { ...resident, role, officerKinds: role === 'officer' ? ['beat'] : [] } }) });
    render(<MePage />);
    expect(await screen.findByText('民警工作台')).toBeTruthy();
    expect(watch).toHaveBeenCalledWith('users', { openid: '{openid}' }, expect.anything());
    const handlers = watch.mock.calls[0]![2];
    act(() => handlers.onChange([])); // the initial snapshot: already shown
    expect(callsOf('me')).toBe(1);
    role = 'resident';
    act(() => handlers.onChange([])); // the station admin took the role back
    expect(await screen.findByText('我是民警')).toBeTruthy();
    expect(screen.queryByText('民警工作台')).toBeNull();
  });

  it('shows the error from the envelope with its request id, and retries', async () => {
    let calls = 0;
    answer({
      me: () => (++calls === 1 ? { ok: false, error: { code: 'INTERNAL', message: '系统开小差了，请稍后再试', requestId: 'req-9' } } : { ok: true, data: resident }),
    });
    render(<MePage />);
    expect(await screen.findByText('系统开小差了，请稍后再试')).toBeTruthy();
    expect(screen.getByText('请求编号：req-9')).toBeTruthy();
    fireEvent.click(screen.getByText('重试'));
    expect(await screen.findByText('王阿姨')).toBeTruthy();
  });

  it('shows content-security refusals under the nickname field', async () => {
    answer({
      me: () => ({ ok: true, data: resident }),
      updateProfile: () => ({ ok: false, error: { code: 'CONTENT_REJECTED', message: '内容可能含有不当信息，未能发送。请修改后再试' } }),
    });
    render(<MePage />);
    fireEvent.click(await screen.findByText('修改昵称'));
    fireEvent.change(screen.getByPlaceholderText('最多20个字'), { target: { value: '某某' } });
    fireEvent.click(screen.getByText('保存'));
    expect(await screen.findByText('内容可能含有不当信息，未能发送。请修改后再试')).toBeTruthy();
    expect(transport).toHaveBeenCalledWith('account', { action: 'updateProfile', input: { nickname: '某某' } });
  });

  it("shows the function's field message for a blank nickname (tab pages carry no schemas; the function checks)", async () => {
    answer({
      me: () => ({ ok: true, data: resident }),
      // The stand-in answers the way the function does: the contract's own schema, its message.
      updateProfile: (input) => {
        const parsed = v.safeParse(accountActions.updateProfile.input, input);
        if (parsed.success) return { ok: true, data: resident };
        const message = parsed.issues[0].message;
        return { ok: false, error: { code: 'INVALID_INPUT', message, fields: { nickname: message } } };
      },
    });
    render(<MePage />);
    fireEvent.click(await screen.findByText('修改昵称'));
    fireEvent.change(screen.getByPlaceholderText('最多20个字'), { target: { value: '   ' } });
    fireEvent.click(screen.getByText('保存'));
    expect(await screen.findByText('请填写昵称')).toBeTruthy();
    expect(callsOf('updateProfile')).toBe(1);
    expect(screen.getByText('保存')).toBeTruthy(); // still editing
  });

  it('saves a new nickname and shows it', async () => {
    answer({
      me: () => ({ ok: true, data: resident }),
      updateProfile: (input) => ({ ok: true, data: { ...resident, nickname: String(input.nickname) } }),
    });
    render(<MePage />);
    fireEvent.click(await screen.findByText('修改昵称'));
    fireEvent.change(screen.getByPlaceholderText('最多20个字'), { target: { value: '王大妈' } });
    fireEvent.click(screen.getByText('保存'));
    expect(await screen.findByText('王大妈')).toBeTruthy();
    expect(screen.queryByText('保存')).toBeNull();
  });

  it('opens 我是民警 on its own page, and says so when the new role comes back from there', async () => {
    const navigate = jest.spyOn(Taro, 'navigateTo');
    answer({ me: () => ({ ok: true, data: resident }) });
    render(<MePage />);
    fireEvent.click(await screen.findByText('我是民警'));
    expect(navigate).toHaveBeenCalledWith({ url: '/packages/officer/pages/join/index' });
    act(() => announceMeChanged({ ...resident, role: 'officer' }));
    expect(await screen.findByText('✓ 已登记为民警')).toBeTruthy();
    expect(screen.queryByText('我是民警')).toBeNull();
  });

  it('shows why an invite code was refused', async () => {
    answer({
      me: () => ({ ok: true, data: resident }),
      redeemInvite: () => ({ ok: false, error: { code: 'NOT_FOUND', message: '邀请码不存在或已失效，请向所里核对' } }),
    });
    render(<JoinAsOfficerPage />);
    fireEvent.change(screen.getByPlaceholderText('8位字母或数字'), { target: { value: 'k7m2q9xp' } });
    fireEvent.change(screen.getByPlaceholderText('例如 赵文龙（同事看到）'), { target: { value: '冯志远' } });
    fireEvent.change(screen.getByPlaceholderText('印在警民联系牌上的工作号码'), { target: { value: '13800138000' } });
    fireEvent.click(screen.getByText('登记'));
    expect(await screen.findByText('邀请码不存在或已失效，请向所里核对')).toBeTruthy();
    // The schema upper-cases on the server; the form already shows and sends capitals.
    expect(transport).toHaveBeenCalledWith('account', { action: 'redeemInvite', input: { code: 'K7M2Q9XP', name: '冯志远', title: '', phone: '13800138000' } });
  });

  it('goes back to 我的 with the new account once the code is accepted', async () => {
    const back = jest.spyOn(Taro, 'navigateBack');
    const heard: MeView[] = [];
    answer({ redeemInvite: () => ({ ok: true, data: { ...resident, role: 'officer' } }) });
    render(<MePageListening onChange={(me) => heard.push(me)} />);
    fireEvent.change(screen.getByPlaceholderText('8位字母或数字'), { target: { value: 'K7M2Q9XP' } });
    fireEvent.change(screen.getByPlaceholderText('例如 赵文龙（同事看到）'), { target: { value: '冯志远' } });
    fireEvent.change(screen.getByPlaceholderText('印在警民联系牌上的工作号码'), { target: { value: '13800138000' } });
    fireEvent.click(screen.getByText('登记'));
    await screen.findByText('登记');
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(heard.map((me) => me.role)).toEqual(['officer']);
    expect(back).toHaveBeenCalled();
  });

  it('shows the contact plate of the home community, with both numbers to call', async () => {
    const call = jest.spyOn(Taro, 'makePhoneCall');
    answer({ me: () => ({ ok: true, data: resident }) });
    render(<MePage />);
    expect(await screen.findByText('警民联系牌')).toBeTruthy();
    expect(screen.getByText('赵警官')).toBeTruthy();
    expect(screen.getByText('赵')).toBeTruthy(); // no photo: the initial on a round badge
    expect(screen.getByText('社区民警 · 负责您的社区')).toBeTruthy();
    expect(screen.getByText('西罗园派出所 · 西罗园北警务区')).toBeTruthy();
    expect(screen.getByText('警务室电话')).toBeTruthy();
    expect(screen.getByText('派出所电话')).toBeTruthy();
    fireEvent.click(screen.getAllByText('拨打')[0]!);
    expect(call).toHaveBeenCalledWith({ phoneNumber: '01067210121' });
    expect(screen.getByText('更换社区')).toBeTruthy();
  });

  it('offers to register a home community when there is none, and shows the plate once registered', async () => {
    const navigate = jest.spyOn(Taro, 'navigateTo');
    let registered = false;
    answer({
      me: () => ({ ok: true, data: { ...resident, homeCommunity: undefined } }),
      myBeatCard: () => ({ ok: true, data: registered ? beatCard : null }),
    });
    render(<MePage />);
    fireEvent.click(await screen.findByText('登记我住的社区'));
    expect(navigate).toHaveBeenCalledWith({ url: '/packages/content/pages/home-community/index' });
    expect(screen.queryByText('警民联系牌')).toBeNull();

    // The registration page announces the new MeView when it goes back.
    registered = true;
    act(() => announceHomeCommunityChanged(resident));
    expect(await screen.findByText('警民联系牌')).toBeTruthy();
    expect(screen.getByText('西罗园第二社区 · 西罗园派出所')).toBeTruthy();
    expect(screen.queryByText('登记我住的社区')).toBeNull();
  });
});
