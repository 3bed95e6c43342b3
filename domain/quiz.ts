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

/** A question as the resident sees it before answering. */
export interface QuizQuestionView {
  id: string;
  fraudType: FraudTypeKey;
  text: string;
  options: string[];
}

export const questionView = (question: QuizQuestion): QuizQuestionView => ({
  id: question.id,
  fraudType: question.fraudType,
  text: question.text,
  options: [...question.options],
});

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
  const shuffled = (list: QuizQuestion[]) => {
    const copy = [...list];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [copy[i], copy[j]] = [copy[j] as QuizQuestion, copy[i] as QuizQuestion];
    }
    return copy;
  };
  const preferred = options.fraudType ? shuffled(fresh.filter((question) => question.fraudType === options.fraudType)) : [];
  const rest = shuffled(fresh.filter((question) => !preferred.includes(question)));
  return [...preferred, ...rest].slice(0, QUIZ_SIZE);
}

export interface QuizAnswerResult {
  questionId: string;
  chosen: number;
  correctIndex: number;
  correct: boolean;
  explanation: string;
}

export function gradeAnswers(questions: readonly QuizQuestion[], answers: readonly number[]): { score: number; results: QuizAnswerResult[] } {
  const results = questions.map((question, index) => {
    const chosen = answers[index] ?? -1;
    return { questionId: question.id, chosen, correctIndex: question.answer, correct: chosen === question.answer, explanation: question.explanation };
  });
  return { score: results.filter((result) => result.correct).length, results };
}

/** The quiz day, in China time: "no repeats within a day" means the resident's calendar day. */
export function quizDay(now: Date): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
