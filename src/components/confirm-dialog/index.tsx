import { useEffect } from 'react';
import { Text, View } from '@tarojs/components';
import { roleProps } from '../a11y';
import { reveal } from '@/utils/reveal';
import { answerConfirm, usePendingConfirm } from './state';
import './index.scss';

export { askToConfirm, type ConfirmOptions } from './state';

/**
 * The confirmation asked by askToConfirm, drawn inside PageRoot: a modal dialog with its title as
 * its name, the text at body size and two named buttons at full touch-target size. On H5, focus
 * moves into it so a screen reader reads the question at once.
 */
export function ConfirmDialog() {
  const question = usePendingConfirm();
  useEffect(() => {
    if (question) reveal('.confirm-dialog__title');
  }, [question]);
  if (!question) return null;
  return (
    <View className="confirm-dialog" {...roleProps('dialog')} aria-modal="true" aria-labelledby="confirm-dialog-title">
      <View className="confirm-dialog__card">
        <Text className="confirm-dialog__title" id="confirm-dialog-title">
          {question.title}
        </Text>
        {question.content && <Text className="confirm-dialog__content">{question.content}</Text>}
        <View className="confirm-dialog__actions">
          <View className="confirm-dialog__cancel" {...roleProps('button')} hoverClass="confirm-dialog__cancel--pressed" onClick={() => answerConfirm(false)}>
            <Text>{question.cancelText}</Text>
          </View>
          <View
            className={`confirm-dialog__confirm${question.danger ? ' confirm-dialog__confirm--danger' : ''}`}
            {...roleProps('button')}
            hoverClass="confirm-dialog__confirm--pressed"
            onClick={() => answerConfirm(true)}
          >
            <Text>{question.confirmText}</Text>
          </View>
        </View>
      </View>
    </View>
  );
}

export default ConfirmDialog;
