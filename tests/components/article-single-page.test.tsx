/**
 * A card opened in 朋友圈's single-page mode (scene 1154): the article is read as a visitor
 * (readSharedArticle, no identity), read-only, with the way into the full mini-program; nothing
 * that needs an identity is offered, so nothing fails.
 */
import { render, screen } from '@testing-library/react';
import type { SharedArticleView } from '@domain/actions/feed';
import ArticlePage from '@/packages/content/pages/article/index';
import { sendToCloud } from '@/platform/cloud-transport';

jest.mock('@/platform/cloud-transport', () => ({ initCloud: jest.fn(), sendToCloud: jest.fn() }));
jest.mock('@/platform/launch-scene', () => ({ opensInSinglePageMode: () => true, TIMELINE_SINGLE_PAGE_SCENE: 1154 }));
jest.mock('@tarojs/taro', () => {
  const actual = jest.requireActual('@tarojs/taro');
  const stub = { ...actual.default, useRouter: () => ({ params: { id: 'alert-1' }, path: '' }) };
  return { __esModule: true, ...actual, ...stub, default: stub };
});
const transport = jest.mocked(sendToCloud);

const alert: SharedArticleView = {
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
  body: ['今天上午有人自称社区民警上门收费。'],
  tips: ['民警上门不收任何费用'],
  imageUrls: [],
  acknowledgements: 2,
};

test('the article is read without identity, read-only, with the way into the full mini-program', async () => {
  transport.mockImplementation(async (_fn, { action }) => {
    if (action === 'readSharedArticle') return { ok: true, data: alert };
    throw new Error(`a single-page reader cannot call ${action}`);
  });
  render(<ArticlePage />);
  expect(await screen.findByText(alert.title)).toBeTruthy();
  expect(transport).toHaveBeenCalledWith('feed', { action: 'readSharedArticle', input: { id: 'alert-1' } });
  expect(transport.mock.calls.map(([, request]) => request.action)).toEqual(['readSharedArticle']);
  expect(screen.getByText('这是朋友圈里的预览，只能阅读')).toBeTruthy();
  expect(screen.getByText(/前往小程序/)).toBeTruthy();
  expect(screen.queryByText('我已知晓')).toBeNull();
  expect(screen.queryByText('转账前问一问')).toBeNull();
  // 110 and 96110 stay: reading about a fraud in progress must still lead to help.
  expect(screen.getAllByText(/110/).length).toBeGreaterThan(0);
});
