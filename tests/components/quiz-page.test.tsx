/** 防骗小测试 over the real callAction; only the transport is a stand-in for the feed function. */
import { fireEvent, render, screen } from '@testing-library/react';
import type { QuizResult, QuizRound } from '@domain/actions';
import QuizPage from '@/packages/content/pages/quiz/index';
import { sendToCloud } from '@/platform/cloud-transport';

jest.mock('@/platform/cloud-transport', () => ({ initCloud: jest.fn(), sendToCloud: jest.fn() }));
const transport = jest.mocked(sendToCloud);

const round: QuizRound = {
  roundId: 'round-1',
  questions: Array.from({ length: 5 }, (_, n) => ({ id: `q${n}`, fraudType: 'fake-police', text: `第${n + 1}个问题？`, options: n % 2 ? [{ id: 'b', text: `对${n}` }, { id: 'a', text: `错${n}` }] : [{ id: 'a', text: `错${n}` }, { id: 'b', text: `对${n}` }] })),
};
const result: QuizResult = {
  score: 4,
  total: 5,
  results: round.questions.map((question, n) => ({ questionId: question.id, chosen: n === 4 ? 'a' : 'b', correctOption: 'b', correct: n !== 4, explanation: `解析${n}` })),
};

beforeEach(() => {
  transport.mockReset();
  transport.mockImplementation(async (_fn, { action }) => {
    if (action === 'startQuiz') return { ok: true, data: round };
    if (action === 'submitQuiz') return { ok: true, data: result };
    throw new Error(`unexpected action ${action}`);
  });
});

test('start by type, answer all five, and read the server’s grading with an explanation each', async () => {
  render(<QuizPage />);
  fireEvent.click(screen.getByText('冒充公检法'));
  fireEvent.click(screen.getByText('开始答题'));
  expect(await screen.findByText('第1个问题？')).toBeTruthy();
  expect(transport).toHaveBeenCalledWith('feed', { action: 'startQuiz', input: { fraudType: 'fake-police' } });

  // Not everything answered: nothing is sent.
  fireEvent.click(screen.getByText('交卷（已答0/5）'));
  expect(transport.mock.calls.filter(([, body]) => body.action === 'submitQuiz')).toHaveLength(0);

  for (let n = 0; n < 5; n++) fireEvent.click(screen.getByText(n === 4 ? `错${n}` : `对${n}`));
  fireEvent.click(screen.getByText('交卷（已答5/5）'));
  expect(await screen.findByText('4 / 5')).toBeTruthy();
  expect(transport).toHaveBeenCalledWith('feed', { action: 'submitQuiz', input: { roundId: 'round-1', answers: ['b', 'b', 'b', 'b', 'a'] } });
  // Each option is named by its identity; the letter is its place on screen this round.
  expect(screen.getByText('正确答案：A. 对3')).toBeTruthy();
  expect(screen.getByText('正确答案：B. 对4')).toBeTruthy();
  expect(screen.getAllByText(/^解析/)).toHaveLength(5);
  expect(screen.getByText('第5题 · 答错了')).toBeTruthy();
  expect(screen.getByText('您选了：A. 错4')).toBeTruthy();
});
