import { drawQuestions, gradeAnswers, optionId, QUIZ_SIZE, questionView, quizDay, shuffleOptions, type QuizQuestion } from '@domain/quiz';
import { FRAUD_TYPE_KEYS } from '@domain/fraud-types';
import { QUIZ_BANK } from '../../cloudfunctions/feed/quiz-bank';

const fixed = () => 0.42;

test('the bank has at least 40 questions, every fraud type, unique ids and valid answers', () => {
  expect(QUIZ_BANK.length).toBeGreaterThanOrEqual(40);
  expect(new Set(QUIZ_BANK.map((question) => question.id)).size).toBe(QUIZ_BANK.length);
  for (const type of FRAUD_TYPE_KEYS) expect(QUIZ_BANK.filter((question) => question.fraudType === type).length).toBeGreaterThanOrEqual(QUIZ_SIZE);
  for (const question of QUIZ_BANK) expect(question.answer).toBeLessThan(question.options.length);
});

test('draws the chosen type first and never a question seen today', () => {
  const first = drawQuestions(QUIZ_BANK, { fraudType: 'fake-police', seenToday: new Set(), random: fixed });
  expect(first).toHaveLength(QUIZ_SIZE);
  expect(first.every((question) => question.fraudType === 'fake-police')).toBe(true);
  const second = drawQuestions(QUIZ_BANK, { fraudType: 'fake-police', seenToday: new Set(first.map((question) => question.id)), random: fixed });
  expect(second).toHaveLength(QUIZ_SIZE);
  expect(second.some((question) => first.includes(question))).toBe(false);
});

test('an exhausted bank draws fewer than a round', () => {
  expect(drawQuestions(QUIZ_BANK, { seenToday: new Set(QUIZ_BANK.slice(3).map((question) => question.id)) })).toHaveLength(3);
});

test("the bank's answers are spread evenly over the options' places", () => {
  const places = [0, 0, 0, 0];
  for (const question of QUIZ_BANK) places[question.answer]! += 1;
  const most = Math.max(...places);
  expect(most).toBeLessThanOrEqual(Math.ceil(QUIZ_BANK.length / 3));
  expect(places.slice(0, 3).every((count) => count >= Math.floor(QUIZ_BANK.length / 3) - 1)).toBe(true);
});

test('options are shuffled per round and every order keeps each option with its identity', () => {
  const question = QUIZ_BANK[0]!;
  const orders = new Set<string>();
  let seed = 1;
  const random = () => {
    seed = (seed * 16807) % 2147483647;
    return seed / 2147483647;
  };
  for (let round = 0; round < 30; round++) {
    const order = shuffleOptions(question, random);
    orders.add(order.join(''));
    const view = questionView(question, order);
    expect(view.options.map((option) => option.text).sort()).toEqual([...question.options].sort());
    for (const option of view.options) expect(question.options[['a', 'b', 'c', 'd', 'e', 'f'].indexOf(option.id)]).toBe(option.text);
  }
  expect(orders.size).toBeGreaterThan(3);
});

test('grading is by option identity and explains each answer', () => {
  const questions = QUIZ_BANK.slice(0, QUIZ_SIZE) as QuizQuestion[];
  const answers = questions.map((question, index) => optionId(index < 3 ? question.answer : (question.answer + 1) % question.options.length));
  const graded = gradeAnswers(questions, answers);
  expect(graded.score).toBe(3);
  expect(graded.results[4]).toMatchObject({ correct: false, correctOption: optionId(questions[4]!.answer), explanation: questions[4]?.explanation });
  // An id no option of the question has is no answer at all.
  expect(gradeAnswers(questions.slice(0, 1), ['f']).results[0]).toMatchObject({ correct: false });
  expect(gradeAnswers(questions.slice(0, 1), ['f']).results[0]?.chosen).toBeUndefined();
});

test('the quiz day is the calendar day in China', () => {
  expect(quizDay(new Date('2026-11-23T15:59:00Z'))).toBe('2026-11-23');
  expect(quizDay(new Date('2026-11-23T16:01:00Z'))).toBe('2026-11-24');
});
