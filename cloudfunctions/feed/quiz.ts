import type { feedActions } from '@domain/actions/feed';
import { ActionError } from '@domain/errors';
import { drawQuestions, gradeAnswers, QUIZ_SIZE, questionView, quizDay, shuffleOptions, type QuizQuestion } from '@domain/quiz';
import { COLLECTIONS, type QuizRoundRecord } from '@platform/cloud/collections';
import { requireUser, type Handlers } from '@platform/cloud/create-function';
import { findById, findMany, updated } from '@platform/cloud/documents';
import { currentDirectoryRecords } from '@platform/cloud/directory-records';
import { database } from '@platform/cloud/wx';
import { readerArea } from './reader';
import { QUIZ_BANK } from './quiz-bank';

type QuizHandlers = Pick<Handlers<typeof feedActions>, 'startQuiz' | 'submitQuiz'>;

const questionById = new Map(QUIZ_BANK.map((question) => [question.id, question]));

export const quizHandlers: QuizHandlers = {
  async startQuiz({ fraudType }, context) {
    const { user } = requireUser(context);
    const userDay = `${user._id}.${quizDay(context.now)}`;
    // quiz_rounds.by_user_day: today's rounds of this resident, one indexed lookup.
    const today = await findMany<QuizRoundRecord>(
      database().collection(COLLECTIONS.quizRounds).where({ userDay }).orderBy('createdAt', 'asc').orderBy('_id', 'asc').limit(100),
    );
    const seenToday = new Set(today.flatMap((round) => round.questionIds));
    const questions = drawQuestions(QUIZ_BANK, { ...(fraudType ? { fraudType } : {}), seenToday });
    if (questions.length < QUIZ_SIZE) throw new ActionError('CONFLICT', '今天的题目都做过了，明天再来挑战吧');
    // A new order of the options every round: always tapping the same letter scores nothing special.
    const optionOrders = questions.map((question) => shuffleOptions(question));
    // The resident's station counts the round among its quiz figures (成效看板).
    const { stationId } = readerArea(user, await currentDirectoryRecords(context.now));
    const round: Omit<QuizRoundRecord, '_id'> = { userId: user._id, userDay, ...(stationId ? { stationId } : {}), questionIds: questions.map((question) => question.id), optionOrders, createdAt: context.now };
    const { _id } = (await database().collection(COLLECTIONS.quizRounds).add({ data: round })) as { _id: string };
    return { roundId: _id, questions: questions.map((question, index) => questionView(question, optionOrders[index] ?? [])) };
  },

  async submitQuiz({ roundId, answers }, context) {
    const { user } = requireUser(context);
    const round = await findById<QuizRoundRecord>(COLLECTIONS.quizRounds, roundId);
    if (!round || round.userId !== user._id) throw new ActionError('NOT_FOUND', '没有找到这组题，请重新开始');
    const questions = round.questionIds.map((id) => questionById.get(id)).filter((question): question is QuizQuestion => question !== undefined);
    const graded = gradeAnswers(questions, answers);
    const _ = database().command;
    // Graded once: a second submit (another tab, a retry with other answers) finds it taken.
    const taken = await updated(
      database()
        .collection(COLLECTIONS.quizRounds)
        .where({ _id: roundId, submittedAt: _.exists(false) })
        .update({ data: { submittedAt: context.now, score: graded.score, answers } }),
    );
    if (taken !== 1) throw new ActionError('CONFLICT', '这组题已经交过卷了，可以再来一组');
    return { score: graded.score, total: questions.length, results: graded.results };
  },
};
