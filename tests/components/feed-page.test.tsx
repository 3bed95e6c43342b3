/**
 * The 反诈 feed over the real callAction and action contracts. Only the transport
 * (src/platform/cloud-transport) is replaced, by a stand-in that answers each action with an
 * envelope, as in me-page.test.tsx.
 */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { ArticleSummary } from '@domain/actions';
import type { ActionResult } from '@domain/result';
import FeedPage from '@/pages/feed/index';
import { sendToCloud } from '@/platform/cloud-transport';

jest.mock('@/platform/cloud-transport', () => ({ initCloud: jest.fn(), sendToCloud: jest.fn() }));
const transport = jest.mocked(sendToCloud);

const urgentAlert: ArticleSummary = {
  id: 'a-urgent-fixture',
  kind: 'alert',
  title: '紧急提醒：近期有人冒充“公安局”给西罗园老人打电话',
  summary: '对方能说出您的姓名和住址，称您“涉嫌洗钱”。这是诈骗，请马上挂断。',
  fraudTypes: ['fake-police'],
  audiences: ['elderly'],
  urgent: true,
  pinned: true,
  publisher: '西罗园派出所',
  local: true,
  publishedAt: '2026-11-21T01:30:00.000Z',
  views: 0,
};

const knowledge: ArticleSummary = {
  id: 'a-knowledge-fixture',
  kind: 'knowledge',
  title: '“客服”说要给您退款？先别急着点链接',
  summary: '真正的退款不需要您提供验证码、开共享屏幕或先付钱。',
  fraudTypes: ['fake-refund'],
  audiences: ['everyone'],
  urgent: false,
  pinned: false,
  publisher: '丰台区公安分局',
  local: false,
  publishedAt: '2026-11-12T00:45:00.000Z',
  views: 12,
};

const article = (n: number): ArticleSummary => ({ ...knowledge, id: `knowledge-${n}`, title: `防骗知识第${n}条` });

type ListInput = { fraudType?: string; audience?: string; keyword?: string; cursor?: string };
type ListAnswer = (input: ListInput) => ActionResult<{ items: ArticleSummary[]; nextCursor?: string }>;

let pinnedItems: ArticleSummary[] = [];

function answerList(reply: ListAnswer) {
  transport.mockImplementation(async (_fn, { action, input }) => {
    if (action === 'listPinned') return { ok: true, data: { items: pinnedItems, subscription: { remaining: 0 } } };
    if (action !== 'listArticles') throw new Error(`unexpected action ${action}`);
    return reply(input as ListInput);
  });
}

/** A filter chip in the fraud-type row (the selected type's name also heads its explanation card). */
const chip = (label: string) => within(document.querySelectorAll('.feed-page__chips')[0] as HTMLElement).getByText(label);
const audienceChip = (label: string) => within(document.querySelectorAll('.feed-page__chips')[1] as HTMLElement).getByText(label);

const listRequests = () => transport.mock.calls.filter(([fn, body]) => fn === 'feed' && body.action === 'listArticles').map(([, body]) => body.input);

beforeEach(() => {
  pinnedItems = [];
  transport.mockReset();
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
});

afterEach(() => jest.restoreAllMocks());

describe('反诈 feed page', () => {
  it('shows pinned alerts above the list, urgent and local items marked in words, and the 转账前问一问 entry', async () => {
    pinnedItems = [urgentAlert];
    answerList(() => ({ ok: true, data: { items: [urgentAlert, knowledge], nextCursor: undefined } }));
    render(<FeedPage />);
    expect(await screen.findByText(urgentAlert.title)).toBeTruthy();
    expect(screen.getByText(knowledge.title)).toBeTruthy();
    expect(screen.getAllByText('紧急')).toHaveLength(1);
    expect(screen.getAllByText('本地')).toHaveLength(1);
    expect(document.querySelector('.article-tag--alert')?.textContent).toBe('预警');
    expect(document.querySelector('.article-tag--knowledge')?.textContent).toBe('知识');
    expect(screen.getByText('西罗园派出所 · 2026-11-21')).toBeTruthy();
    expect(screen.getByText('丰台区公安分局 · 2026-11-12 · 12人看过')).toBeTruthy();
    // The pinned alert is not shown twice.
    expect(screen.getAllByText(urgentAlert.title)).toHaveLength(1);
    expect(screen.getByText('紧急预警')).toBeTruthy();
    expect(screen.getByText('转账前问一问')).toBeTruthy();
    expect(screen.queryByText('加载更多')).toBeNull();
    expect(screen.getByText('已经到底了')).toBeTruthy();
    expect(screen.queryByText('预警信息正在接入')).toBeNull();
    // The phone lines stay under the list.
    expect(screen.getByText('96110')).toBeTruthy();
    expect(screen.getByText('110')).toBeTruthy();
    expect(listRequests()).toEqual([{}]);
  });

  it('filters by fraud type, explains the type, and clears the filter on a second tap or 全部', async () => {
    answerList((input) => ({ ok: true, data: { items: input.fraudType === 'fake-police' ? [urgentAlert] : [urgentAlert, knowledge], nextCursor: undefined } }));
    render(<FeedPage />);
    await screen.findByText(knowledge.title);

    fireEvent.click(chip('冒充公检法'));
    expect(await screen.findByText('记住：公检法不会通过电话办案，也没有“安全账户”。')).toBeTruthy();
    await waitFor(() => expect(screen.queryByText(knowledge.title)).toBeNull());
    expect(screen.getByText(urgentAlert.title)).toBeTruthy();
    expect(transport).toHaveBeenLastCalledWith('feed', { action: 'listArticles', input: { fraudType: 'fake-police' } });

    fireEvent.click(chip('冒充公检法'));
    expect(await screen.findByText(knowledge.title)).toBeTruthy();
    expect(screen.queryByText(/^记住：/)).toBeNull();

    fireEvent.click(chip('虚假贷款'));
    await screen.findByText('记住：正规贷款放款前不收任何费用。');
    fireEvent.click(chip('全部'));
    expect(await screen.findByText(knowledge.title)).toBeTruthy();
    expect(listRequests()).toEqual([{}, { fraudType: 'fake-police' }, {}, { fraudType: 'fake-loan' }, {}]);
  });

  it('says so when a type has nothing yet', async () => {
    answerList((input) => ({ ok: true, data: { items: input.fraudType ? [] : [knowledge], nextCursor: undefined } }));
    render(<FeedPage />);
    await screen.findByText(knowledge.title);
    fireEvent.click(chip('游戏/虚拟物品交易'));
    expect(await screen.findByText('这个分类暂时没有信息')).toBeTruthy();
    expect(screen.queryByText(knowledge.title)).toBeNull();
  });

  it('appends the page after the cursor on 加载更多, with the filter kept', async () => {
    const firstPage = Array.from({ length: 10 }, (_, n) => article(n + 1));
    answerList((input) =>
      input.cursor === undefined
        ? { ok: true, data: { items: firstPage, nextCursor: 'abc.knowledge-10' } }
        : { ok: true, data: { items: [firstPage[9] as ArticleSummary, article(11)] } },
    );
    render(<FeedPage />);
    fireEvent.click(chip('冒充客服退款'));
    fireEvent.click(await screen.findByText('加载更多'));
    expect(await screen.findByText('防骗知识第11条')).toBeTruthy();
    expect(screen.getAllByText('防骗知识第10条')).toHaveLength(1);
    expect(screen.getByText('防骗知识第1条')).toBeTruthy();
    expect(screen.queryByText('加载更多')).toBeNull();
    expect(transport).toHaveBeenLastCalledWith('feed', { action: 'listArticles', input: { fraudType: 'fake-refund', cursor: 'abc.knowledge-10' } });
  });

  it('filters by audience and searches by keyword', async () => {
    answerList((input) => ({ ok: true, data: { items: input.keyword === '安全账户' || input.audience === 'elderly' ? [urgentAlert] : [urgentAlert, knowledge] } }));
    render(<FeedPage />);
    await screen.findByText(knowledge.title);
    fireEvent.click(audienceChip('老年人'));
    await waitFor(() => expect(screen.queryByText(knowledge.title)).toBeNull());
    fireEvent.click(audienceChip('全部'));
    await screen.findByText(knowledge.title);
    fireEvent.change(screen.getByPlaceholderText('搜索，例如：安全账户、刷单'), { target: { value: '安全账户' } });
    fireEvent.click(screen.getByText('搜索'));
    expect(await screen.findByText('搜索“安全账户”的结果')).toBeTruthy();
    await waitFor(() => expect(screen.queryByText(knowledge.title)).toBeNull());
    expect(listRequests()).toEqual([{}, { audience: 'elderly' }, {}, { keyword: '安全账户' }]);
  });

  it('shows an error with a retry', async () => {
    let calls = 0;
    answerList(() => (++calls === 1 ? { ok: false, error: { code: 'INTERNAL', message: '系统开小差了，请稍后再试', requestId: 'req-7' } } : { ok: true, data: { items: [knowledge], nextCursor: undefined } }));
    render(<FeedPage />);
    expect(await screen.findByText('系统开小差了，请稍后再试')).toBeTruthy();
    fireEvent.click(screen.getByText('重试'));
    expect(await screen.findByText(knowledge.title)).toBeTruthy();
  });

  it('opens the article page when a card is tapped', async () => {
    const navigateTo = jest.spyOn(Taro, 'navigateTo');
    answerList(() => ({ ok: true, data: { items: [urgentAlert], nextCursor: undefined } }));
    render(<FeedPage />);
    fireEvent.click(await screen.findByText(urgentAlert.title));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/content/pages/article/index?id=a-urgent-fixture' });
  });
});
