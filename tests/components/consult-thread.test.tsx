/**
 * The resident's live thread over the real callAction and action contracts; only the transport,
 * the realtime watch and WeChat's prompts (src/platform/*) are stood in for. Sending is
 * optimistic: the message shows at once, a lost connection leaves it with a retry, a refused one
 * says why and stays with the sender.
 */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { MessageView, ThreadView } from '@domain/actions';
import type { ActionResult } from '@domain/result';
import { Thread } from '@/packages/consult/pages/thread/index';
import { sendToCloud } from '@/platform/cloud-transport';
import { watchCollection, type WatchHandlers } from '@/platform/realtime';

jest.mock('@/platform/cloud-transport', () => ({ initCloud: jest.fn(), sendToCloud: jest.fn() }));
jest.mock('@/platform/realtime', () => ({ watchCollection: jest.fn(() => ({ close: jest.fn() })) }));
jest.mock('@/platform/subscribe', () => ({ requestSubscription: jest.fn(async () => ({})) }));
jest.mock('@/platform/upload-image', () => ({ uploadImage: jest.fn(), ImageUploadError: class extends Error {} }));
const transport = jest.mocked(sendToCloud);
const watch = jest.mocked(watchCollection);

const message = (overrides: Partial<MessageView>): MessageView => ({
  id: 'm1', from: 'resident', authorLabel: '王阿姨', text: '户口迁移要带什么？', photoUrls: [], at: '2026-11-25T02:00:00.000Z', mine: true, read: false, ...overrides,
});

const thread = (messages: MessageView[], overrides: Partial<ThreadView> = {}): ThreadView => ({
  id: 't1', category: 'household', kind: 'question', status: 'open', awaiting: 'officer', priority: 'normal', title: '户口迁移要带什么？',
  lastMessage: { text: '户口迁移要带什么？', from: 'resident', at: '2026-11-25T02:00:00.000Z' }, unread: 0, assigneeLabel: '西罗园派出所 综合服务大厅',
  stationName: '西罗园派出所', residentLabel: '王阿姨', waitingSince: '2026-11-25T02:00:00.000Z', waitedMinutes: 3, dueAt: '2026-11-25T06:00:00.000Z', waitLevel: 'ok',
  updatedAt: '2026-11-25T02:00:00.000Z', viewer: 'resident', messages, hasOlderMessages: false, reason: '已转给 西罗园派出所 综合服务大厅（户籍/出入境窗口）',
  expectation: '西罗园派出所 综合服务大厅 会在 今天 14:05 前回复', canAnswer: false, ...overrides,
});

let current: ThreadView;
let sendAnswer: (input: Record<string, unknown>) => ActionResult<unknown> | Promise<never>;

beforeEach(() => {
  current = thread([message({})]);
  transport.mockReset();
  transport.mockImplementation(async (_fn, { action, input }) => {
    if (action === 'getThread') return { ok: true, data: current };
    if (action === 'markRead') return { ok: true, data: { readAt: '2026-11-25T02:05:00.000Z' } };
    if (action === 'sendMessage') return sendAnswer(input as Record<string, unknown>);
    throw new Error(`unexpected action ${action}`);
  });
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => jest.restoreAllMocks());

async function type(text: string) {
  fireEvent.change(screen.getByPlaceholderText('继续问民警，或补充情况…'), { target: { value: text } });
  fireEvent.click(screen.getByText('发送'));
}

test('shows where the question went, when to expect an answer, and my messages with read receipts', async () => {
  current = thread([message({ read: true })]);
  render(<Thread threadId="t1" />);
  expect(await screen.findByText('由 西罗园派出所 综合服务大厅 回复')).toBeTruthy();
  expect(screen.getByText('西罗园派出所 综合服务大厅 会在 今天 14:05 前回复')).toBeTruthy();
  expect(screen.getByText(/已读/)).toBeTruthy();
  // It watches its own change signals, pinned to the signed-in user.
  expect(watch).toHaveBeenCalledWith('consult_watch', { threadId: 't1', openid: '{openid}' }, expect.anything());
});

test('a message sent without a connection stays on screen with a retry, and goes once the retry works', async () => {
  render(<Thread threadId="t1" />);
  await screen.findByText('户口迁移要带什么？');
  sendAnswer = () => Promise.reject(new Error('offline'));
  await type('还需要带照片吗？');
  expect(await screen.findByText(/点这里重发/)).toBeTruthy();
  expect(screen.getByText('还需要带照片吗？')).toBeTruthy();
  const firstClientId = (transport.mock.calls.find(([, data]) => data.action === 'sendMessage')![1].input as { clientId: string }).clientId;

  sendAnswer = (input) => {
    current = thread([message({}), message({ id: 'm2', clientId: input.clientId as string, text: '还需要带照片吗？' })]);
    return { ok: true, data: current.messages[1] };
  };
  fireEvent.click(screen.getByText(/点这里重发/));
  await waitFor(() => expect(screen.queryByText(/点这里重发/)).toBeNull());
  expect(screen.getAllByText('还需要带照片吗？')).toHaveLength(1);
  // The retry is the same message (same clientId): the cloud stores it once.
  const ids = transport.mock.calls.filter(([, data]) => data.action === 'sendMessage').map(([, data]) => (data.input as { clientId: string }).clientId);
  expect(ids).toEqual([firstClientId, firstClientId]);
});

test('a message content security refuses says why, reaches nobody, and can be removed', async () => {
  render(<Thread threadId="t1" />);
  await screen.findByText('户口迁移要带什么？');
  sendAnswer = () => ({ ok: false, error: { code: 'CONTENT_REJECTED', message: '内容可能含有不当信息，未能发送。请修改后再试' } });
  await type('不当内容');
  expect(await screen.findByText('内容可能含有不当信息，未能发送。请修改后再试（别人看不到这条，点这里删掉）')).toBeTruthy();
  fireEvent.click(screen.getByText(/别人看不到这条/));
  await waitFor(() => expect(screen.queryByText('不当内容')).toBeNull());
});

test('a reply arriving on the live feed is fetched and shown without a reload', async () => {
  let handlers: WatchHandlers<unknown> | undefined;
  watch.mockImplementation((_collection, _filter, given) => {
    handlers = given as WatchHandlers<unknown>;
    return { close: jest.fn() };
  });
  render(<Thread threadId="t1" />);
  await screen.findByText('户口迁移要带什么？');
  await waitFor(() => expect(handlers).toBeDefined());
  current = thread([message({}), message({ id: 'm2', from: 'officer', authorLabel: '李警官', text: '带户口本和身份证原件。', mine: false })], { awaiting: 'resident', unread: 1 });
  act(() => handlers!.onChange([{ threadId: 't1', version: 0 }]));
  act(() => handlers!.onChange([{ threadId: 't1', version: 1 }]));
  expect(await screen.findByText('带户口本和身份证原件。')).toBeTruthy();
  await waitFor(() => expect(transport.mock.calls.some(([, data]) => data.action === 'markRead')).toBe(true));
});

test('the conversation is a live log: a reply that arrives is inside it and read out', async () => {
  let handlers: WatchHandlers<unknown> | undefined;
  watch.mockImplementation((_collection, _filter, given) => {
    handlers = given as WatchHandlers<unknown>;
    return { close: jest.fn() };
  });
  render(<Thread threadId="t1" />);
  const log = await screen.findByRole('log', { name: '对话记录' });
  expect(log.getAttribute('aria-live')).toBe('polite');
  await waitFor(() => expect(handlers).toBeDefined());
  current = thread([message({}), message({ id: 'm2', from: 'officer', authorLabel: '李警官', text: '带户口本和身份证原件。', mine: false })], { awaiting: 'resident', unread: 1 });
  // The first signal is the watch's initial snapshot; the second is the reply.
  act(() => handlers!.onChange([{ threadId: 't1', version: 0 }]));
  act(() => handlers!.onChange([{ threadId: 't1', version: 1 }]));
  expect(log.contains(await screen.findByText('带户口本和身份证原件。'))).toBe(true);
});

test('the reply box and send button are named; send says it is unavailable until there is something to send', async () => {
  render(<Thread threadId="t1" />);
  await screen.findByText('户口迁移要带什么？');
  expect(screen.getByRole('textbox', { name: '继续问民警，或补充情况' })).toBeTruthy();
  const send = screen.getByRole('button', { name: /^发送/ });
  expect(send.getAttribute('aria-disabled')).toBe('true');
  fireEvent.change(screen.getByRole('textbox', { name: '继续问民警，或补充情况' }), { target: { value: '还要带照片吗？' } });
  expect(screen.getByRole('button', { name: '发送' }).getAttribute('aria-disabled')).toBe('false');
  expect(screen.getByRole('button', { name: /添加照片/ })).toBeTruthy();
});

test('photos in a message open full size from a button that says whose photo it is', async () => {
  current = thread([message({ from: 'officer', mine: false, authorLabel: '李警官', text: '', photoUrls: ['https://example.test/a.jpg', 'https://example.test/b.jpg'] })]);
  render(<Thread threadId="t1" />);
  expect(await screen.findByRole('button', { name: '李警官发的第 2 张照片，点开看大图' })).toBeTruthy();
});

test('closing with a rating: the stars are a radio group labelled 1星 to 5星, and the score is said in words', async () => {
  render(<Thread threadId="t1" />);
  fireEvent.click(await screen.findByRole('button', { name: '问题解决了，结束并评价' }));
  const group = screen.getByRole('radiogroup', { name: '问题解决了吗？请给民警打个分' });
  const stars = Array.from(group.querySelectorAll('[role=radio]'));
  expect(stars.map((star) => star.getAttribute('aria-label'))).toEqual(['1星，很不满意', '2星，不满意', '3星，一般', '4星，满意', '5星，非常满意']);
  expect(screen.getByRole('button', { name: /结束并评价（请先点星星打分）/ }).getAttribute('aria-disabled')).toBe('true');
  fireEvent.click(screen.getByRole('radio', { name: '4星，满意' }));
  expect(screen.getByRole('radio', { name: '4星，满意' }).getAttribute('aria-checked')).toBe('true');
  expect(screen.getByRole('radio', { name: '5星，非常满意' }).getAttribute('aria-checked')).toBe('false');
  // Filled and outlined stars, and the words: never colour alone.
  expect(stars.map((star) => star.textContent)).toEqual(['★', '★', '★', '★', '☆']);
  expect(screen.getByText('4 星 · 满意')).toBeTruthy();
});

test('a long thread shows its newest messages; 查看更早的消息 pages back and keeps them when a reply arrives', async () => {
  current = thread([message({ id: 'm101', text: '第101条' }), message({ id: 'm102', text: '第102条' })], { hasOlderMessages: true });
  let asked: Record<string, unknown> | undefined;
  transport.mockImplementation(async (_fn, { action, input }) => {
    if (action === 'getThread') return { ok: true, data: current };
    if (action === 'markRead') return { ok: true, data: { readAt: '2026-11-25T02:05:00.000Z' } };
    if (action === 'olderMessages') {
      asked = input as Record<string, unknown>;
      return { ok: true, data: { messages: [message({ id: 'm1', text: '第1条' })], hasOlder: false } };
    }
    throw new Error(`unexpected action ${action}`);
  });
  render(<Thread threadId="t1" />);
  await screen.findByText('第101条');
  expect(screen.queryByText('第1条')).toBeNull();
  const older = screen.getByRole('button', { name: '查看更早的消息' });
  fireEvent.click(older);
  expect(await screen.findByText('第1条')).toBeTruthy();
  expect(asked).toEqual({ threadId: 't1', before: 'm101' });
  expect(screen.queryByRole('button', { name: '查看更早的消息' })).toBeNull();
  const texts = () => screen.getAllByText(/^第\d+条$/).map((node) => node.textContent);
  expect(texts()).toEqual(['第1条', '第101条', '第102条']);
});

test('a thread the officer closed is only rated: no 先不结束 / 结束并评价 as if it were still open', async () => {
  current = thread([message({})], { status: 'closed', outcome: 'answered', closedAt: '2026-11-25T03:00:00.000Z', reopenUntil: '2026-12-02T03:00:00.000Z' });
  render(<Thread threadId="t1" />);
  expect(await screen.findByText('民警已办结这个问题，请给民警打个分')).toBeTruthy();
  expect(screen.queryByText('先不结束')).toBeNull();
  expect(screen.queryByText('结束并评价')).toBeNull();
  expect(screen.getByRole('button', { name: '提交评价（请先点星星打分）' })).toBeTruthy();
});
