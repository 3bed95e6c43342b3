import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useShareAppMessage } from '@tarojs/taro';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { feedActions, type QuizResult, type QuizRound } from '@domain/actions/feed';
import { FRAUD_TYPES, fraudTypeLabel, type FraudTypeKey } from '@domain/fraud-types';
import type { OptionId, QuizQuestionView } from '@domain/quiz';
import { Chip } from '@/components/chip';
import { roleProps } from '@/components/a11y';
import { EntryRow } from '@/components/entry-row';
import { FormError } from '@/components/form-error';
import { PageRoot } from '@/components/page-root';
import { useSubmit } from '@/hooks/use-submit';
import { ROUTES } from '@/routes';
import './index.scss';

const OPTION_LETTERS = ['A', 'B', 'C', 'D', 'E', 'F'];

function verdict(score: number, total: number): string {
  if (score === total) return '全对！骗子的套路您都识破了，转发给家人一起练练吧';
  if (score >= total - 1) return '很不错！看看下面答错的那道题的解析';
  return '有几道题要再看看。每道题下面都写了为什么';
}

/** Five questions, one answer each; the server grades them and explains every one. */
function Questions({ round, onGraded }: { round: QuizRound; onGraded: (result: QuizResult) => void }) {
  const [answers, setAnswers] = useState<(OptionId | undefined)[]>(() => round.questions.map(() => undefined));
  const submit = useSubmit(feedActions.submitQuiz);
  const answered = answers.filter((answer) => answer !== undefined).length;
  // Said beside the button and left there (no toast that disappears before it is read).
  const [unanswered, setUnanswered] = useState(false);
  const missing = round.questions.length - answered;

  const send = async () => {
    if (answers.some((answer) => answer === undefined)) {
      setUnanswered(true);
      return;
    }
    const result = await submit.submit({ roundId: round.roundId, answers: answers as OptionId[] });
    if (result) onGraded(result);
  };

  return (
    <View>
      {round.questions.map((question, index) => (
        <View key={question.id} className="quiz-question" {...roleProps('radiogroup')} aria-labelledby={`quiz-question-${index}`}>
          <Text className="quiz-question__number">
            第{index + 1}题 · {fraudTypeLabel(question.fraudType)}
          </Text>
          <Text className="quiz-question__text" id={`quiz-question-${index}`}>
            {question.text}
          </Text>
          {question.options.map((option, optionIndex) => (
            <View
              key={option.id}
              className={`quiz-option${answers[index] === option.id ? ' quiz-option--chosen' : ''}`}
              {...roleProps('radio')}
              aria-checked={answers[index] === option.id}
              hoverClass="quiz-option--pressed"
              onClick={() => setAnswers((current) => current.map((answer, i) => (i === index ? option.id : answer)))}
            >
              <Text className="quiz-option__letter">{OPTION_LETTERS[optionIndex]}</Text>
              <Text className="quiz-option__text">{option.text}</Text>
              {answers[index] === option.id && (
                <Text className="quiz-option__chosen" aria-hidden>
                  ✓ 已选
                </Text>
              )}
            </View>
          ))}
        </View>
      ))}
      <FormError error={submit.error} />
      <View aria-live="polite">
        {unanswered && missing > 0 && <Text className="field-error quiz-page__missing">还有{missing}道题没选，选好再交卷</Text>}
      </View>
      <Button block type="primary" size="large" className="quiz-page__submit" loading={submit.pending} onClick={() => void send()}>
        交卷（已答{answered}/{round.questions.length}）
      </Button>
    </View>
  );
}

/** "B. 挂断电话…": the option with the letter it had on screen this round. */
function shownOption(question: QuizQuestionView, id: OptionId): string {
  const index = question.options.findIndex((option) => option.id === id);
  return index < 0 ? '' : `${OPTION_LETTERS[index]}. ${question.options[index]?.text ?? ''}`;
}

function Results({ round, result, onAgain }: { round: QuizRound; result: QuizResult; onAgain: () => void }) {
  return (
    <View>
      <View className="quiz-score" {...roleProps('status')}>
        <Text className="quiz-score__number">
          {result.score} / {result.total}
        </Text>
        <Text className="quiz-score__text">{verdict(result.score, result.total)}</Text>
      </View>
      {result.results.map((item, index) => {
        const question = round.questions[index];
        if (!question) return null;
        return (
          <View key={item.questionId} className={`quiz-question quiz-question--${item.correct ? 'right' : 'wrong'}`}>
            <Text className="quiz-question__number">
              第{index + 1}题 · {item.correct ? '答对了' : '答错了'}
            </Text>
            <Text className="quiz-question__text">{question.text}</Text>
            {!item.correct && item.chosen && (
              <Text className="quiz-result__line quiz-result__line--wrong">您选了：{shownOption(question, item.chosen)}</Text>
            )}
            <Text className="quiz-result__line quiz-result__line--right">正确答案：{shownOption(question, item.correctOption)}</Text>
            <Text className="quiz-result__explanation">{item.explanation}</Text>
          </View>
        );
      })}
      <Button block type="primary" size="large" className="quiz-page__submit" onClick={onAgain}>
        再来一组
      </Button>
      <EntryRow title="看反诈提醒" description="本地预警、真实案例和防骗知识" onClick={() => void Taro.switchTab({ url: ROUTES.feed })} />
    </View>
  );
}

export default function QuizPage() {
  const [fraudType, setFraudType] = useState<FraudTypeKey>();
  const [round, setRound] = useState<QuizRound>();
  const [result, setResult] = useState<QuizResult>();
  const start = useSubmit(feedActions.startQuiz);

  useShareAppMessage(() => ({ title: '防骗小测试：五道题，看看您能不能识破骗局', path: ROUTES.quiz }));

  const begin = async () => {
    const next = await start.submit(fraudType ? { fraudType } : {});
    if (!next) return;
    setResult(undefined);
    setRound(next);
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 });
  };
  const again = () => {
    setRound(undefined);
    setResult(undefined);
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 });
  };

  if (round && result) {
    return (
      <PageRoot className="quiz-page">
        <Results round={round} result={result} onAgain={again} />
      </PageRoot>
    );
  }
  if (round) {
    return (
      <PageRoot className="quiz-page">
        <Questions round={round} onGraded={setResult} />
      </PageRoot>
    );
  }
  return (
    <PageRoot className="quiz-page">
      <View className="quiz-intro">
        <Text className="quiz-intro__title">防骗小测试</Text>
        <Text className="quiz-intro__text">每组五道题，慢慢看，不限时间。交卷后每道题都有解析。同一天里题目不会重复。</Text>
      </View>
      <Text className="section-title">想练哪一类？（可不选）</Text>
      <View className="quiz-page__types">
        <Chip label="随机" selected={fraudType === undefined} onClick={() => setFraudType(undefined)} />
        {FRAUD_TYPES.map((type) => (
          <Chip key={type.key} label={type.label} selected={type.key === fraudType} onClick={() => setFraudType(type.key === fraudType ? undefined : type.key)} />
        ))}
      </View>
      <FormError error={start.error} />
      <Button block type="primary" size="large" className="quiz-page__submit" loading={start.pending} onClick={() => void begin()}>
        开始答题
      </Button>
    </PageRoot>
  );
}
