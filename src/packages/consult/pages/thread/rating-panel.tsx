import { useState } from 'react';
import { Text, Textarea, View } from '@tarojs/components';
import { RATING_LABELS } from '@domain/consult';
import type { ActionErrorBody } from '@domain/errors';
import { FormError } from '@/components/form-error';

export interface RatingPanelProps {
  pending: boolean;
  error?: ActionErrorBody;
  onSubmit: (stars: number, comment: string) => void;
  onCancel: () => void;
}

/** Five big stars and an optional comment: how the resident closes a question. */
export function RatingPanel({ pending, error, onSubmit, onCancel }: RatingPanelProps) {
  const [stars, setStars] = useState(0);
  const [comment, setComment] = useState('');
  return (
    <View className="rating-panel">
      <Text className="rating-panel__title">问题解决了吗？请给民警打个分</Text>
      <View className="rating-panel__stars">
        {[1, 2, 3, 4, 5].map((value) => (
          <View key={value} className={`rating-panel__star ${value <= stars ? 'rating-panel__star--on' : ''}`} onClick={() => setStars(value)} aria-label={`${value}星`}>
            <Text>★</Text>
          </View>
        ))}
      </View>
      <Text className="rating-panel__label">{stars ? `${stars} 星 · ${RATING_LABELS[stars]}` : '点星星打分'}</Text>
      <Textarea className="rating-panel__comment" value={comment} maxlength={200} placeholder="想对民警说的话（可以不写）" onInput={(event) => setComment(event.detail.value)} />
      <FormError error={error} />
      <View className="rating-panel__actions">
        <View className="rating-panel__cancel" onClick={onCancel}>
          <Text>先不结束</Text>
        </View>
        <View className={`rating-panel__submit ${stars === 0 || pending ? 'rating-panel__submit--disabled' : ''}`} onClick={() => stars > 0 && !pending && onSubmit(stars, comment.trim())}>
          <Text>{pending ? '正在提交…' : '结束并评价'}</Text>
        </View>
      </View>
    </View>
  );
}
