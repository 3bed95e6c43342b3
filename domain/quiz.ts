/**
 * 防骗小测试: five questions drawn for a fraud type, graded on the server. The question bank
 * (with answers) lives only in the cloud function; the client gets the questions without them.
 */
import type { FraudTypeKey } from './fraud-types';

export const QUIZ_SIZE = 5;

export interface QuizQuestion {
  id: string;
  fraudType: FraudTypeKey;
  text: string;
  options: string[];
  /** Index into options. */
  answer: number;
  explanation: string;
}

/**
 * An option's identity, by its place in the bank ('a' for the bank's first option…). Options are
 * shown in a new order every round, so answers name the option, never the position it had on screen.
 */
export const OPTION_IDS = ['a', 'b', 'c', 'd', 'e', 'f'] as const;
export type OptionId = (typeof OPTION_IDS)[number];

export const optionId = (bankIndex: number): OptionId => OPTION_IDS[bankIndex] ?? 'f';

/** A question as the resident sees it before answering: the options in this round's order. */
export interface QuizQuestionView {
  id: string;
  fraudType: FraudTypeKey;
  text: string;
  options: { id: OptionId; text: string }[];
}

/** `order` lists bank indexes in the order shown (shuffleOptions). */
export const questionView = (question: QuizQuestion, order: readonly number[]): QuizQuestionView => ({
  id: question.id,
  fraudType: question.fraudType,
  text: question.text,
  options: order.map((bankIndex) => ({ id: optionId(bankIndex), text: question.options[bankIndex] ?? '' })),
});

function shuffle<T>(list: readonly T[], random: () => number): T[] {
  const copy = [...list];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

/** This round's order of a question's options, as bank indexes. */
export const shuffleOptions = (question: QuizQuestion, random: () => number = Math.random): number[] =>
  shuffle(question.options.map((_, index) => index), random);

/**
 * Draws `QUIZ_SIZE` questions: the chosen type first, then others, never one already drawn
 * today. Shuffled with the given random source so tests can fix it. Fewer than QUIZ_SIZE
 * means the bank is used up for today.
 */
export function drawQuestions(
  bank: readonly QuizQuestion[],
  options: { fraudType?: FraudTypeKey; seenToday: ReadonlySet<string>; random?: () => number },
): QuizQuestion[] {
  const random = options.random ?? Math.random;
  const fresh = bank.filter((question) => !options.seenToday.has(question.id));
  const preferred = options.fraudType ? shuffle(fresh.filter((question) => question.fraudType === options.fraudType), random) : [];
  const rest = shuffle(fresh.filter((question) => !preferred.includes(question)), random);
  return [...preferred, ...rest].slice(0, QUIZ_SIZE);
}

export interface QuizAnswerResult {
  questionId: string;
  /** The option chosen, or undefined when none of this question's options was named. */
  chosen?: OptionId;
  correctOption: OptionId;
  correct: boolean;
  explanation: string;
}

/** Grades by option identity: answers[i] names an option of questions[i]. */
export function gradeAnswers(questions: readonly QuizQuestion[], answers: readonly string[]): { score: number; results: QuizAnswerResult[] } {
  const results = questions.map((question) => {
    const given = answers[questions.indexOf(question)];
    const known = question.options.some((_, index) => optionId(index) === given);
    const correctOption = optionId(question.answer);
    return {
      questionId: question.id,
      ...(known ? { chosen: given as OptionId } : {}),
      correctOption,
      correct: given === correctOption,
      explanation: question.explanation,
    };
  });
  return { score: results.filter((result) => result.correct).length, results };
}

/** The quiz day, in China time: "no repeats within a day" means the resident's calendar day. */
export function quizDay(now: Date): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
