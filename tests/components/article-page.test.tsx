/**
 * The article page a shared group card opens, over the real callAction and action contracts;
 * only the transport and the page's route parameters are stand-ins.
 */
import { act, fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { ArticleView } from '@domain/actions';
import ArticlePage from '@/packages/content/pages/article/index';
import { sendToCloud } from '@/platform/cloud-transport';

jest.mock('@/platform/cloud-transport', () => ({ initCloud: jest.fn(), sendToCloud: jest.fn() }));
const shareHandlers: { chat?: () => { title: string; path: string } } = {};
jest.mock('@tarojs/taro', () => {
  const actual = jest.requireActual('@tarojs/taro');
  const stub = {
    ...actual.default,
    useRouter: () => ({ params: { id: 'alert-1', from: 'community%3Ahanggang-beiyuan' }, path: '' }),
    useShareAppMessage: (handler: () => { title: string; path: string }) => {
      shareHandlers.chat = handler;
    },
  };
  return { __esModule: true, ...actual, ...stub, default: stub };
});
const transport = jest.mocked(sendToCloud);

const alert: ArticleView = {
  id: 'alert-1',
  kind: 'alert',
  title: '紧急提醒：有人冒充社区民警上门收费',
  summary: '民警上门从不收钱。',
  fraudTypes: ['fake-police'],
  audiences: ['elderly'],
  urgent: true,
  pinned: true,
  publisher: '西罗园派出所',
  local: true,
  publishedAt: '2026-11-23T02:00:00.000Z',
  views: 8,
  body: ['今天上午有人自称社区民警上门收费。', '## 请记住', '民警**从不**上门收钱。'],
  tips: ['民警上门不收任何费用', '先打电话给片儿警核实'],
  imageUrls: [],
  acknowledged: false,
  acknowledgements: 2,
  shareFrom: 'community:xly-2',
};

beforeEach(() => {
  transport.mockReset();
  transport.mockImplementation(async (_fn, { action }) => {
    if (action === 'getArticle') return { ok: true, data: alert };
    if (action === 'acknowledgeArticle') return { ok: true, data: { acknowledgements: 3 } };
    if (action === 'shareArticle') return { ok: true, data: { shares: 1 } };
    throw new Error(`unexpected action ${action}`);
  });
});

test('a shared card opens the item with the area it came from, its protection points and 我已知晓', async () => {
  render(<ArticlePage />);
  expect(await screen.findByText(alert.title)).toBeTruthy();
  expect(transport).toHaveBeenCalledWith('feed', { action: 'getArticle', input: { id: 'alert-1', from: 'community:hanggang-beiyuan' } });
  expect(screen.getByText('怎样防范')).toBeTruthy();
  // Formatting marks become a heading and emphasis, as text: never shown raw, never HTML.
  expect(screen.getByText('请记住').className).toContain('article__paragraph--heading');
  expect(screen.getByText('从不').className).toContain('article__strong');
  expect(screen.queryByText(/##|\*\*/)).toBeNull();
  expect(screen.getByText('1. 民警上门不收任何费用')).toBeTruthy();
  expect(screen.getByText('2位居民已知晓')).toBeTruthy();

  fireEvent.click(screen.getByText('我已知晓'));
  expect(await screen.findByText('✓ 您已知晓这条预警')).toBeTruthy();
  expect(screen.getByText('3位居民已知晓')).toBeTruthy();
});

test('转账前问一问 opens the fraud check about this item', async () => {
  const navigateTo = jest.spyOn(Taro, 'navigateTo');
  render(<ArticlePage />);
  await screen.findByText(alert.title);
  fireEvent.click(screen.getByText('转账前问一问'));
  expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/consult/pages/fraud-check/index?articleId=alert-1' });
});

test('sharing into a group carries the reader’s own community and is counted', async () => {
  render(<ArticlePage />);
  await screen.findByText(alert.title);
  let share: { title: string; path: string } | undefined;
  act(() => {
    share = shareHandlers.chat?.();
  });
  expect(share).toEqual({ title: alert.title, path: '/packages/content/pages/article/index?id=alert-1&from=community%3Axly-2' });
  expect(transport).toHaveBeenCalledWith('feed', { action: 'shareArticle', input: { id: 'alert-1', channel: 'chat' } });
});
