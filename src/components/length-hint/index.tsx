import { Text, View } from '@tarojs/components';
import { errorIdOf } from '../field-error';
import './index.scss';

/** Characters as a person counts them (an emoji or a rare hanzi is one). */
export const characterCount = (text: string): number => Array.from(text).length;

/** Past the limit: what to say, or undefined while the text fits. */
export function overLimitMessage(label: string, text: string, max: number): string | undefined {
  const over = characterCount(text) - max;
  return over > 0 ? `${label}最多${max}个字，现在多了${over}个字，请删减后再发` : undefined;
}

export interface LengthHintProps {
  text: string;
  max: number;
  /** "标题", "问题": named in the message when the text is too long. */
  label: string;
  /** The box it counts for: past the limit, the message is that field's error (FieldError's id), so a failed submit focuses the box. */
  fieldId?: string;
}

/**
 * "12/40" under a text box while typing; past the limit, a clear message in the danger colour,
 * read out once. Boxes are not cut at the limit (a paste would lose its end silently): the text
 * stays, the person sees how much to remove, and the form refuses to send until it fits.
 */
export function LengthHint({ text, max, label, fieldId }: LengthHintProps) {
  const count = characterCount(text);
  const over = overLimitMessage(label, text, max);
  return (
    <View className={`length-hint${over ? ' length-hint--over' : ''}`} aria-live="polite">
      {over ? (
        <Text className="length-hint__message" id={fieldId ? errorIdOf(fieldId) : undefined} data-error-for={fieldId}>
          {over}
        </Text>
      ) : (
        <Text className="length-hint__count" aria-label={`已写 ${count} 字，最多 ${max} 字`}>
          {count}/{max}
        </Text>
      )}
    </View>
  );
}
