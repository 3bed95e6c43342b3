/**
 * 问片警 over the real callAction and action contracts. Only the transport
 * (src/platform/cloud-transport), the phone's location, the realtime watch, photo upload and
 * WeChat's subscription prompt (src/platform/*) are stood in for, as in me-page.test.tsx.
 */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { MeView, RoutingPreviewView } from '@domain/actions';
import { PLACE_NEEDED } from '@domain/consult';
import type { ActionResult } from '@domain/result';
import ConsultPage from '@/pages/consult/index';
import { sendToCloud } from '@/platform/cloud-transport';
import { getCurrentLocation } from '@/platform/location';
import { requestSubscription } from '@/platform/subscribe';

jest.mock('@/platform/cloud-transport', () => ({ initCloud: jest.fn(), sendToCloud: jest.fn() }));
jest.mock('@/platform/location', () => ({ getCurrentLocation: jest.fn() }));
jest.mock('@/platform/realtime', () => ({ watchCollection: jest.fn(() => ({ close: jest.fn() })) }));
jest.mock('@/platform/subscribe', () => ({ requestSubscription: jest.fn(async () => ({ 'tmpl-consult-reply': 'accept' })) }));
jest.mock('@/platform/upload-image', () => ({ uploadImage: jest.fn(), ImageUploadError: class extends Error {} }));
const transport = jest.mocked(sendToCloud);
const subscription = jest.mocked(requestSubscription);
const scrollSpy = jest.fn();
beforeAll(() => {
  // jsdom lays nothing out: every element counts as on screen, and scrolling is recorded.
  Element.prototype.getClientRects = function () { return [{}] as unknown as DOMRectList; };
  Element.prototype.scrollIntoView = scrollSpy;
});
beforeEach(() => {
  subscription.mockClear();
  scrollSpy.mockClear();
});
const location = jest.mocked(getCurrentLocation);

const resident: MeView = {
  userId: 'u-wang',
  nickname: '王阿姨',
  role: 'resident',
  officerKinds: [],
  homeCommunity: { id: 'xly-2', name: '西罗园第二社区', stationName: '西罗园派出所' },
  createdAt: '2025-11-01T02:00:00.000Z',
};

const toBeatOfficer: RoutingPreviewView = {
  stationName: '西罗园派出所',
  postName: '西罗园北警务区',
  assigneeLabel: '赵警官（社区民警）',
  priority: 'normal',
  reason: '已转给 西罗园派出所 赵警官（西罗园第二社区 社区民警）',
  boundaryCommunities: [],
  expectation: '赵警官 今天 18:00 前回复',
};

const EMERGENCY_PROMPT = '这可能是紧急情况，请立即拨打 110。本程序不能代替 110 报警，留言不会被马上看到。';

type Answers = Record<string, (input: Record<string, unknown>) => ActionResult<unknown>>;

function answer(answers: Answers) {
  const all: Answers = { me: () => ({ ok: true, data: resident }), listMyThreads: () => ({ ok: true, data: [] }), ...answers };
  transport.mockImplementation(async (_fn, { action, input }) => {
    const reply = all[action];
    if (!reply) throw new Error(`unexpected action ${action}`);
    return reply(input as Record<string, unknown>);
  });
}

const sent = (action: string) => transport.mock.calls.filter(([, data]) => data.action === action).map(([, data]) => data.input);

async function ask(category: string | undefined, text: string) {
  render(<ConsultPage />);
  await screen.findByText('西罗园第二社区');
  if (category) fireEvent.click(screen.getByText(category));
  fireEvent.change(screen.getByPlaceholderText('例如：楼上装修太吵了，能管管吗？'), { target: { value: text } });
  fireEvent.click(screen.getByText('先看看会交给谁'));
}

beforeEach(() => {
  transport.mockReset();
  location.mockReset();
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
});

afterEach(() => jest.restoreAllMocks());

describe('问片警 page', () => {
  it('offers the domain categories, none chosen at first', async () => {
    answer({});
    render(<ConsultPage />);
    await screen.findByText('西罗园第二社区');
    for (const label of ['户籍/身份证', '出入境', '居住证', '纠纷调解', '反诈咨询/转账核实', '治安求助', '其他']) {
      expect(screen.getByText(label).parentElement!.className).not.toContain('chip--selected');
    }
    fireEvent.click(screen.getByText('纠纷调解'));
    expect(screen.getByText('纠纷调解').parentElement!.className).toContain('chip--selected');
  });

  it('shows who the question would go to, and why', async () => {
    answer({ routeQuestion: () => ({ ok: true, data: toBeatOfficer }) });
    await ask('纠纷调解', '楼上装修太吵了');
    expect(await screen.findByText('会交给：赵警官（社区民警）')).toBeTruthy();
    expect(screen.getByText('西罗园派出所 · 西罗园北警务区')).toBeTruthy();
    expect(screen.getByText('会转给 西罗园派出所 赵警官（西罗园第二社区 社区民警）')).toBeTruthy();
    expect(screen.getByText('这只是预览，您的问题还没有发出去。')).toBeTruthy();
    expect(sent('routeQuestion')).toEqual([{ category: 'dispute', text: '楼上装修太吵了' }]);
    expect(location).not.toHaveBeenCalled();
  });

  it('shows the 110 alert instead of the card for an emergency', async () => {
    const call = jest.spyOn(Taro, 'makePhoneCall');
    answer({
      routeQuestion: () => ({
        ok: true,
        data: { ...toBeatOfficer, priority: 'urgent', emergency: { prompt: EMERGENCY_PROMPT, kind: 'violence' } },
      }),
    });
    await ask('治安求助', '楼下有人拿刀砍人，快来');
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText(EMERGENCY_PROMPT)).toBeTruthy();
    expect(screen.queryByText('会交给：赵警官（社区民警）')).toBeNull();
    fireEvent.click(within(alert).getByText('拨打 110'));
    expect(call).toHaveBeenCalledWith({ phoneNumber: '110' });
  });

  it('notes neighbouring jurisdictions when the location is at a boundary', async () => {
    location.mockResolvedValue({ ok: true, latitude: 39.847, longitude: 116.3839 });
    answer({
      routeQuestion: () => ({
        ok: true,
        data: {
          ...toBeatOfficer,
          boundaryCommunities: [{ id: 'huajiaoshu', name: '花椒树社区', stationId: 'xiluoyuan', stationName: '西罗园派出所', postName: '洋桥警务区' }],
        },
      }),
    });
    render(<ConsultPage />);
    await screen.findByText('西罗园第二社区');
    fireEvent.click(screen.getByText('纠纷调解'));
    fireEvent.change(screen.getByPlaceholderText('例如：楼上装修太吵了，能管管吗？'), { target: { value: '广场舞太吵' } });
    fireEvent.click(screen.getByText('附上我现在的位置'));
    fireEvent.click(screen.getByText('先看看会交给谁'));
    expect(await screen.findByText(/您可能在相邻辖区：花椒树社区（西罗园派出所）/)).toBeTruthy();
    expect(sent('routeQuestion')).toEqual([{ category: 'dispute', text: '广场舞太吵', location: { latitude: 39.847, longitude: 116.3839 } }]);
  });

  it('asks for a category before sending anything', async () => {
    answer({});
    await ask(undefined, '楼上装修太吵了');
    expect(await screen.findByText('请选择问题类别')).toBeTruthy();
    expect(sent('routeQuestion')).toEqual([]);
  });

  it('shows content-security refusals under the question', async () => {
    answer({ routeQuestion: () => ({ ok: false, error: { code: 'CONTENT_REJECTED', message: '内容可能含有不当信息，未能发送。请修改后再试' } }) });
    await ask('其他', '某些不当内容');
    expect(await screen.findByText('内容可能含有不当信息，未能发送。请修改后再试')).toBeTruthy();
  });

  it('shows the field message of an INVALID_INPUT answer', async () => {
    answer({ routeQuestion: () => ({ ok: false, error: { code: 'INVALID_INPUT', message: '填写的内容有误', fields: { text: '问题不能超过500个字' } } }) });
    await ask('其他', '很长的问题');
    expect(await screen.findByText('问题不能超过500个字')).toBeTruthy();
  });

  it('points a resident without a home community to the registration page', async () => {
    const navigate = jest.spyOn(Taro, 'navigateTo');
    answer({ me: () => ({ ok: true, data: { ...resident, homeCommunity: undefined } }) });
    render(<ConsultPage />);
    expect(await screen.findByText('还没有登记您住在哪个社区')).toBeTruthy();
    fireEvent.click(screen.getByText('登记我住的社区'));
    await waitFor(() => expect(navigate).toHaveBeenCalledWith({ url: '/packages/content/pages/home-community/index' }));
  });

  it('when nobody can place the resident yet, the preview asks for the community instead of naming anyone', async () => {
    const navigate = jest.spyOn(Taro, 'navigateTo');
    answer({
      me: () => ({ ok: true, data: { ...resident, homeCommunity: undefined } }),
      routeQuestion: () => ({
        ok: true,
        data: { assigneeLabel: '北京市公安局 综合受理', priority: 'normal', placeNeeded: true, reason: PLACE_NEEDED.question, expectation: PLACE_NEEDED.expectation, boundaryCommunities: [] },
      }),
    });
    render(<ConsultPage />);
    await screen.findByText('还没有登记您住在哪个社区');
    fireEvent.click(screen.getByText('其他'));
    fireEvent.change(screen.getByPlaceholderText('例如：楼上装修太吵了，能管管吗？'), { target: { value: '想问问小区里的消防通道' } });
    fireEvent.click(screen.getByText('先看看会交给谁'));
    expect(await screen.findByText('还不能确定交给谁')).toBeTruthy();
    expect(screen.getByText(PLACE_NEEDED.question)).toBeTruthy();
    expect(screen.queryByText(/会交给：/)).toBeNull();
    const [, register] = screen.getAllByText('登记我住的社区'); // the notice's, then the preview's
    fireEvent.click(register!);
    await waitFor(() => expect(navigate).toHaveBeenCalledWith({ url: '/packages/content/pages/home-community/index' }));
  });

  it('sends the question and opens its thread; the preview was never needed', async () => {
    const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' } as never);
    answer({ startThread: () => ({ ok: true, data: { kind: 'sent', threadId: 't1', routing: toBeatOfficer } }) });
    render(<ConsultPage />);
    await screen.findByText('西罗园第二社区');
    fireEvent.click(screen.getByText('纠纷调解'));
    fireEvent.change(screen.getByPlaceholderText('例如：楼上装修太吵了，能管管吗？'), { target: { value: '楼上装修太吵了' } });
    fireEvent.click(screen.getByText('发送给片儿警'));
    await waitFor(() => expect(navigate).toHaveBeenCalledWith({ url: '/packages/consult/pages/thread/index?id=t1' }));
    expect(sent('startThread')).toEqual([{ category: 'dispute', text: '楼上装修太吵了' }]);
    expect(sent('routeQuestion')).toEqual([]);
  });

  it('an emergency gets the 110 prompt before anything is kept, and is sent only if the resident insists', async () => {
    const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' } as never);
    answer({
      // As the function answers: the prompt first (nothing stored), a thread once the resident insists.
      startThread: (input) =>
        input.afterEmergencyPrompt
          ? { ok: true, data: { kind: 'sent', threadId: 't2', routing: { ...toBeatOfficer, priority: 'urgent' } } }
          : { ok: true, data: { kind: 'emergency', prompt: EMERGENCY_PROMPT } },
    });
    render(<ConsultPage />);
    await screen.findByText('西罗园第二社区');
    fireEvent.click(screen.getByText('其他'));
    fireEvent.change(screen.getByPlaceholderText('例如：楼上装修太吵了，能管管吗？'), { target: { value: '楼下有人拿刀砍人，快来' } });
    fireEvent.click(screen.getByText('发送给片儿警'));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText(EMERGENCY_PROMPT)).toBeTruthy();
    expect(navigate).not.toHaveBeenCalled();
    expect(sent('startThread')).toEqual([{ category: 'other', text: '楼下有人拿刀砍人，快来' }]);
    fireEvent.click(screen.getByText('不是正在发生的危险，仍然发给派出所'));
    await waitFor(() => expect(navigate).toHaveBeenCalledWith({ url: '/packages/consult/pages/thread/index?id=t2' }));
    expect(sent('startThread')).toEqual([
      { category: 'other', text: '楼下有人拿刀砍人，快来' },
      { category: 'other', text: '楼下有人拿刀砍人，快来', afterEmergencyPrompt: true },
    ]);
  });

  it('lists my threads with status and unread count', async () => {
    answer({
      listMyThreads: () => ({
        ok: true,
        data: [
          {
            id: 't1', category: 'household', kind: 'question', status: 'open', awaiting: 'resident', priority: 'normal', title: '户口迁移要带什么',
            lastMessage: { text: '带户口本和身份证原件', from: 'officer', at: '2026-11-25T03:00:00.000Z' }, unread: 2, assigneeLabel: '李警官',
            residentLabel: '王阿姨', waitingSince: '2026-11-25T02:00:00.000Z', waitedMinutes: 60, dueAt: '2026-11-25T06:00:00.000Z', waitLevel: 'ok', updatedAt: '2026-11-25T03:00:00.000Z',
          },
        ],
      }),
    });
    render(<ConsultPage />);
    expect(await screen.findByText('民警已回复')).toBeTruthy();
    expect(screen.getByText('李警官：带户口本和身份证原件')).toBeTruthy();
    expect(screen.getByText('2')).toBeTruthy();
  });

  it('shows the 500-character limit while typing; past it, says by how much and sends nothing', async () => {
    answer({});
    render(<ConsultPage />);
    await screen.findByText('西罗园第二社区');
    fireEvent.click(screen.getByText('其他'));
    const box = screen.getByPlaceholderText('例如：楼上装修太吵了，能管管吗？');
    fireEvent.change(box, { target: { value: '楼道灯坏了' } });
    expect(screen.getByLabelText('已写 5 字，最多 500 字')).toBeTruthy();
    // A paste past the limit is kept whole (not cut at 500 without a word), and refused clearly.
    fireEvent.change(box, { target: { value: '长'.repeat(512) } });
    expect((box as HTMLTextAreaElement).value).toHaveLength(512);
    expect(screen.getByText('问题最多500个字，现在多了12个字，请删减后再发')).toBeTruthy();
    fireEvent.click(screen.getByText('发送给片儿警'));
    fireEvent.click(screen.getByText('先看看会交给谁'));
    await waitFor(() => expect(scrollSpy).toHaveBeenCalled());
    expect(sent('startThread')).toEqual([]);
    expect(sent('routeQuestion')).toEqual([]);
    expect(subscription).not.toHaveBeenCalled();
  });

  it('the location chip shows one tick when chosen', async () => {
    answer({});
    render(<ConsultPage />);
    await screen.findByText('西罗园第二社区');
    fireEvent.click(screen.getByText('附上我现在的位置'));
    const chip = screen.getByText('附上我现在的位置').parentElement!;
    expect(chip.getAttribute('aria-pressed')).toBe('true');
    expect((chip.textContent ?? '').match(/✓/g)).toHaveLength(1);
  });

  it('asks for the reply reminder only when the question will go: not without a category, text or a place', async () => {
    answer({ me: () => ({ ok: true, data: { ...resident, homeCommunity: undefined } }), startThread: () => ({ ok: false, error: { code: 'INVALID_INPUT', message: PLACE_NEEDED.question } }) });
    render(<ConsultPage />);
    await screen.findByText('还没有登记您住在哪个社区');
    fireEvent.click(screen.getByText('发送给片儿警'));
    expect(await screen.findByText('请选择问题类别')).toBeTruthy();
    fireEvent.click(screen.getByText('其他'));
    fireEvent.click(screen.getByText('发送给片儿警'));
    fireEvent.change(screen.getByPlaceholderText('例如：楼上装修太吵了，能管管吗？'), { target: { value: '小区门口的路灯坏了' } });
    fireEvent.click(screen.getByText('发送给片儿警'));
    // The tab page carries no schemas: the blank question went to the function, which refused it.
    await waitFor(() => expect(sent('startThread').at(-1)).toEqual({ category: 'other', text: '小区门口的路灯坏了' }));
    expect(subscription).not.toHaveBeenCalled();
  });

  it('a missing category: the category group is focused, invalid, and described by the message beside it', async () => {
    answer({});
    await ask(undefined, '楼上装修太吵了');
    const message = await screen.findByText('请选择问题类别');
    const group = screen.getByRole('group', { name: '1. 选一个问题类别' });
    await waitFor(() => expect(document.activeElement).toBe(group));
    expect(group.getAttribute('aria-invalid')).toBe('true');
    expect(group.getAttribute('aria-describedby')).toBe(message.id);
    expect(scrollSpy).toHaveBeenCalled();
  });

  it('a question past the limit: the text box is focused and described by how much to remove', async () => {
    answer({});
    await ask('纠纷调解', '吵'.repeat(505));
    const box = screen.getByRole('textbox', { name: '您的问题' });
    await waitFor(() => expect(document.activeElement).toBe(box));
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(box.getAttribute('aria-describedby') ?? '')?.textContent).toMatch(/问题最多500个字，现在多了5个字/);
    expect(sent('routeQuestion')).toEqual([]);
  });
});
