import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Textarea } from '@/platform/form-components';
import { RATING_LABELS } from '@domain/consult';
import type { ActionErrorBody } from '@domain/errors';
import { roleProps } from '@/components/a11y';
import { FieldError, inputFieldProps, invalidProps } from '@/components/field-error';
import { FormError, fieldMessage } from '@/components/form-error';

export interface RatingPanelProps {
  pending: boolean;
  error?: ActionErrorBody;
  onSubmit: (stars: number, comment: string) => void;
  /** Open thread: the resident may go back to it ("先不结束"). Absent when it is already closed. */
  onCancel?: () => void;
}

const STARS = [1, 2, 3, 4, 5];

/**
 * Five big stars and an optional comment: how the resident closes a question. The stars are a
 * radio group ("1星"…"5星"); a chosen star is filled (★) and an empty one outlined (☆), and the
 * words under them say the score, so colour is never the only sign.
 */
export function RatingPanel({ pending, error, onSubmit, onCancel }: RatingPanelProps) {
  const [stars, setStars] = useState(0);
  const [comment, setComment] = useState('');
  const blocked = stars === 0 || pending;
  // A thread the officer already closed is only rated: nothing is ended by this tap.
  const closing = onCancel !== undefined;
  const action = closing ? '结束并评价' : '提交评价';
  return (
    <View className="rating-panel">
      <Text className="rating-panel__title" id="rating-panel-title">
        {closing ? '问题解决了吗？请给民警打个分' : '民警已办结这个问题，请给民警打个分'}
      </Text>
      <View className="rating-panel__stars" role="radiogroup" aria-labelledby="rating-panel-title" {...invalidProps('rating-stars', fieldMessage(error, 'stars'))}>
        {STARS.map((value) => (
          <View
            key={value}
            className={`rating-panel__star ${value <= stars ? 'rating-panel__star--on' : ''}`}
            {...roleProps('radio')}
            aria-checked={value === stars}
            aria-label={`${value}星，${RATING_LABELS[value]}`}
            onClick={() => setStars(value)}
          >
            <Text aria-hidden="true">{value <= stars ? '★' : '☆'}</Text>
          </View>
        ))}
      </View>
      <Text className="rating-panel__label" aria-live="polite">
        {stars ? `${stars} 星 · ${RATING_LABELS[stars]}` : '点星星打分'}
      </Text>
      <FieldError fieldId="rating-stars" message={fieldMessage(error, 'stars')} />
      <Textarea
        className="rating-panel__comment"
        value={comment}
        maxlength={200}
        placeholder="想对民警说的话（可以不写）"
        {...inputFieldProps('rating-comment', '想对民警说的话（可以不写）', fieldMessage(error, 'comment'))}
        onInput={(event) => setComment(event.detail.value)}
      />
      <FieldError fieldId="rating-comment" message={fieldMessage(error, 'comment')} />
      <FormError error={error} shownAtFields={['stars', 'comment']} />
      <View className="rating-panel__actions">
        {closing && (
          <View className="rating-panel__cancel" {...roleProps('button')} onClick={onCancel}>
            <Text>先不结束</Text>
          </View>
        )}
        <View
          className={`rating-panel__submit ${blocked ? 'rating-panel__submit--disabled' : ''}`}
          {...roleProps('button')}
          aria-disabled={blocked}
          aria-label={stars === 0 ? `${action}（请先点星星打分）` : action}
          onClick={() => !blocked && onSubmit(stars, comment.trim())}
        >
          <Text>{pending ? '正在提交…' : action}</Text>
        </View>
      </View>
    </View>
  );
}
