/**
 * 长辈模式's 反诈 home: the newest alert, 预约办证, 问片警, a big call to the resident's own beat
 * officer (or the way to register a community first), 110, and the way to the full feed — over
 * the real callAction and contracts, only the transport replaced.
 */
import { fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { ArticleSummary, BeatCardView } from '@domain/actions';
import { PageState } from '@/components/page-state';
import FeedPage from '@/pages/feed/index';
import { sendToCloud } from '@/platform/cloud-transport';
import { resetElderModeForTests, setElderMode } from '@/state/elder-mode';
import { clearStorageSync } from '../support/taro-stub';

jest.mock('@/platform/cloud-transport', () => ({ initCloud: jest.fn(), sendToCloud: jest.fn() }));
const transport = jest.mocked(sendToCloud);

const latestAlert: ArticleSummary = {
  id: 'a-urgent-fixture',
  kind: 'alert',
  title: '紧急提醒：近期有人冒充“公安局”给西罗园老人打电话',
  summary: '对方能说出您的姓名和住址，称您“涉嫌洗钱”。这是诈骗，请马上挂断。',
  fraudTypes: ['fake-police'],
  audiences: ['elderly'],
  urgent: true,
  pinned: false,
  publisher: '西罗园派出所',
  local: true,
  publishedAt: '2026-11-21T01:30:00.000Z',
  views: 3,
};

const beatCard: BeatCardView = {
  community: { id: 'xly-2', name: '西罗园第二社区', stationId: 'xiluoyuan', stationName: '西罗园派出所', postId: 'xly-north', postName: '西罗园北警务区' } as BeatCardView['community'],
  station: { name: '西罗园派出所', address: '丰台区西罗园', phone: '010-6721 0110' },
  post: { name: '西罗园北警务区', phone: '010-6721 0121' },
  officer: { title: '赵警官', kindsLabel: '社区民警' },
};

let beat: BeatCardView | null = beatCard;

beforeEach(() => {
  clearStorageSync();
  resetElderModeForTests();
  setElderMode(true);
  beat = beatCard;
  transport.mockReset();
  transport.mockImplementation(async (_fn, { action }) => {
    if (action === 'listPinned') return { ok: true, data: { items: [], subscription: { remaining: 0 } } };
    if (action === 'listArticles') return { ok: true, data: { items: [latestAlert] } };
    if (action === 'myBeatCard') return { ok: true, data: beat };
    throw new Error(`unexpected action ${action}`);
  });
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  jest.spyOn(Taro, 'switchTab');
  jest.spyOn(Taro, 'navigateTo');
  jest.spyOn(Taro, 'makePhoneCall');
});

afterEach(() => jest.restoreAllMocks());

test('shows only the simple home: the newest alert, booking, asking, calling the beat officer and 110', async () => {
  render(<FeedPage />);
  expect(await screen.findByText(latestAlert.title)).toBeTruthy();
  // The newest alert anywhere when nothing is pinned for the resident's area.
  expect(transport.mock.calls.some(([, body]) => body.action === 'listArticles' && (body.input as { kind?: string }).kind === 'alert')).toBe(true);
  expect(screen.getByRole('switch', { name: /长辈模式.*已开启/ })).toBeTruthy();
  expect(screen.queryByText('守好钱袋子，先认清骗局')).toBeNull();

  fireEvent.click(screen.getByRole('button', { name: /预约办证/ }));
  expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/booking/index' });
  fireEvent.click(screen.getByRole('button', { name: /问片警/ }));
  expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/consult/index' });

  const call = await screen.findByRole('button', { name: /打给我的社区民警/ });
  expect(call.textContent).toContain('赵警官');
  fireEvent.click(call);
  expect(Taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '01067210121' });
  expect(screen.getByRole('button', { name: /拨打紧急情况 110/ })).toBeTruthy();

  fireEvent.click(screen.getByRole('button', { name: /查看全部反诈信息/ }));
  expect(await screen.findByText('守好钱袋子，先认清骗局')).toBeTruthy();
  fireEvent.click(screen.getByRole('button', { name: /回到简洁首页/ }));
  expect(screen.queryByText('守好钱袋子，先认清骗局')).toBeNull();
});

test('without a home community the big button leads to registering one, and 110 stays', async () => {
  beat = null;
  render(<FeedPage />);
  const register = await screen.findByRole('button', { name: /打给我的社区民警.*先登记/ });
  fireEvent.click(register);
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/content/pages/home-community/index' });
  expect(screen.getByRole('button', { name: /拨打紧急情况 110/ })).toBeTruthy();
});

test('PageState announces each change in one polite live region', () => {
  const { rerender } = render(<PageState status="loading" />);
  const region = screen.getByRole('status');
  expect(region.getAttribute('aria-live')).toBe('polite');
  expect(region.textContent).toBe('正在加载');
  rerender(<PageState status="error" error={{ code: 'INTERNAL', message: '系统开小差了' }} />);
  expect(screen.getByRole('status')).toBe(region);
  expect(region.textContent).toBe('没能加载出来：系统开小差了');
  rerender(<PageState status="empty" emptyTitle="这里还没有预约" />);
  expect(region.textContent).toBe('加载完成：这里还没有预约');
});

test('every unexpired urgent alert is shown: a second one does not hide the first', async () => {
  const second: ArticleSummary = { ...latestAlert, id: 'alert-xly-refund', title: '紧急提醒：有人冒充快递客服“理赔退款”', pinned: true, publishedAt: '2026-11-22T01:30:00.000Z' };
  const first: ArticleSummary = { ...latestAlert, pinned: true };
  transport.mockImplementation(async (_fn, { action }) => {
    if (action === 'listPinned') return { ok: true, data: { items: [second, first], subscription: { remaining: 0 } } };
    if (action === 'listArticles') return { ok: true, data: { items: [latestAlert] } };
    if (action === 'myBeatCard') return { ok: true, data: beat };
    throw new Error(`unexpected action ${action}`);
  });
  render(<FeedPage />);
  expect(await screen.findByText(second.title)).toBeTruthy();
  expect(screen.getByText(first.title)).toBeTruthy();
  expect(screen.getAllByText('紧急预警')).toHaveLength(2);
});

test('the beat officer’s phone number is one unbreakable piece of text', async () => {
  render(<FeedPage />);
  const number = await screen.findByText('010-6721 0121');
  expect(number.className).toContain('phone-number');
});
