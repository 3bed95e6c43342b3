import { useEffect, useRef, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { speak, speechAvailable, type Speaking } from '@/platform/speech';
import { roleProps } from '../a11y';
import './index.scss';

export interface ReadAloudProps {
  /** What is read: the title first, then the body, as one text. */
  text: string;
}

/**
 * 朗读 for alerts and articles. Shown only where the platform can speak; tapping again stops.
 * Leaving the page stops the voice too, so it never talks over the next page.
 */
export function ReadAloud({ text }: ReadAloudProps) {
  const [speaking, setSpeaking] = useState(false);
  const current = useRef<Speaking | null>(null);

  useEffect(() => () => current.current?.stop(), []);

  if (!speechAvailable()) return null;

  const toggle = () => {
    if (current.current) {
      current.current.stop();
      current.current = null;
      return;
    }
    const handle = speak(text, () => {
      current.current = null;
      setSpeaking(false);
    });
    if (handle) {
      current.current = handle;
      setSpeaking(true);
    }
  };

  return (
    <View className={`read-aloud${speaking ? ' read-aloud--speaking' : ''}`} {...roleProps('button')} aria-label={speaking ? '停止朗读' : '朗读全文'} hoverClass="read-aloud--pressed" onClick={toggle}>
      <Text className="read-aloud__icon" aria-hidden>
        {speaking ? '■' : '▶'}
      </Text>
      <Text className="read-aloud__label">{speaking ? '停止朗读' : '朗读全文'}</Text>
    </View>
  );
}

export default ReadAloud;
