import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Textarea } from '@/platform/form-components';
import { MESSAGE_MAX } from '@domain/actions/consult';
import { roleProps } from '@/components/a11y';
import { inputFieldProps } from '@/components/field-error';
import { LengthHint, overLimitMessage } from '@/components/length-hint';
import { revealFirstError } from '@/utils/reveal';
import { PhotoPicker, type PickedPhoto } from './photo-picker';
// Imported here, not only by the barrel: with package.json's sideEffects webpack may skip index.ts.
import './index.scss';

export interface ComposerProps {
  onSend: (text: string, photos: PickedPhoto[]) => void;
  placeholder?: string;
  /** Officers: the station's quick replies, one tap to fill the box. */
  quickReplies?: string[];
}

/** The reply box under a thread: text, up to three photos, big send button. */
export function Composer({ onSend, placeholder = '写下您想说的…', quickReplies }: ComposerProps) {
  const [text, setText] = useState('');
  const [photos, setPhotos] = useState<PickedPhoto[]>([]);
  const [showQuick, setShowQuick] = useState(false);
  const empty = text.trim() === '' && photos.length === 0;
  const overLimit = overLimitMessage('消息', text, MESSAGE_MAX);
  const tooLong = overLimit !== undefined;
  const label = placeholder.replace(/…$/, '');

  const send = () => {
    if (empty) return;
    if (tooLong) {
      revealFirstError();
      return;
    }
    onSend(text.trim(), photos);
    setText('');
    setPhotos([]);
  };

  return (
    <View className="consult-composer">
      {quickReplies && quickReplies.length > 0 && (
        <View className="consult-composer__quick-toggle" {...roleProps('button')} aria-expanded={showQuick} onClick={() => setShowQuick((shown) => !shown)}>
          <Text>{showQuick ? '收起快捷回复 ▴' : '快捷回复 ▾'}</Text>
        </View>
      )}
      {showQuick && quickReplies && (
        <View className="consult-composer__quick">
          {quickReplies.map((reply) => (
            <View
              key={reply}
              className="consult-composer__quick-item"
              hoverClass="consult-composer__quick-item--pressed"
              {...roleProps('button')}
              aria-label={`填入快捷回复：${reply}`}
              onClick={() => {
                setText(reply);
                setShowQuick(false);
              }}
            >
              <Text>{reply}</Text>
            </View>
          ))}
        </View>
      )}
      <Textarea
        className="consult-composer__input"
        value={text}
        placeholder={placeholder}
        {...inputFieldProps('consult-composer-text', label, overLimit)}
        maxlength={-1}
        autoHeight
        onInput={(event) => setText(event.detail.value)}
      />
      <LengthHint text={text} max={MESSAGE_MAX} label="消息" fieldId="consult-composer-text" />
      <View className="consult-composer__row">
        <PhotoPicker photos={photos} onChange={setPhotos} />
        <View
          className={`consult-composer__send ${empty ? 'consult-composer__send--disabled' : ''}`}
          hoverClass="consult-composer__send--pressed"
          {...roleProps('button')}
          aria-label={empty ? '发送（先写下内容或加照片）' : '发送'}
          aria-disabled={empty}
          onClick={send}
        >
          <Text>发送</Text>
        </View>
      </View>
    </View>
  );
}
