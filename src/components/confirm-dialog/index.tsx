import { useEffect, useId, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { roleProps } from '../a11y';
import { TextField } from '../text-field';
import { reveal } from '@/utils/reveal';
import { answerConfirm, usePendingConfirm } from './state';
import './index.scss';

export { askToConfirm, askWithText, tellInDialog, type ConfirmAnswer, type ConfirmOptions, type TextQuestion } from './state';

let keyboardHolders = 0;

/** The visible dialog (Taro's H5 router keeps earlier pages, each with its own PageRoot, hidden in the DOM). */
function visibleDialog(): HTMLElement | undefined {
  return Array.from(document.querySelectorAll<HTMLElement>('.confirm-dialog')).find((element) => element.getClientRects().length > 0);
}

/** Escape answers no; Tab and Shift+Tab stay inside the dialog while it is open (H5 keyboards and screen readers). */
function onKey(event: KeyboardEvent): void {
  const dialog = visibleDialog();
  if (!dialog) return;
  if (event.key === 'Escape') {
    event.preventDefault();
    answerConfirm(false);
    return;
  }
  if (event.key !== 'Tab') return;
  const stops = Array.from(dialog.querySelectorAll<HTMLElement>('input, [tabindex="0"]')).filter((element) => element.getClientRects().length > 0);
  const first = stops[0];
  const last = stops[stops.length - 1];
  if (!first || !last) return;
  const active = document.activeElement;
  const inside = active instanceof HTMLElement && dialog.contains(active);
  if (!inside || (event.shiftKey && active === first) || (!event.shiftKey && active === last)) {
    event.preventDefault();
    (event.shiftKey ? last : first).focus();
  }
}

/**
 * What lies behind the dialog (the page's other parts, the tab bar) is taken out of reach while it
 * is open — inert and hidden from screen readers — so a finger, a keyboard or a reader stays in it.
 */
function setBackgroundAway(): () => void {
  const dialog = visibleDialog();
  const behind = [...Array.from(dialog?.parentElement?.children ?? []), ...Array.from(document.querySelectorAll('.weui-tabbar'))].filter(
    (element): element is HTMLElement => element instanceof HTMLElement && element !== dialog && !element.hasAttribute('inert'),
  );
  for (const element of behind) {
    element.setAttribute('inert', '');
    element.setAttribute('aria-hidden', 'true');
  }
  return () => {
    for (const element of behind) {
      element.removeAttribute('inert');
      element.removeAttribute('aria-hidden');
    }
  };
}

let bringBack: (() => void) | undefined;

function holdKeyboard(): () => void {
  if (keyboardHolders++ === 0) {
    document.addEventListener('keydown', onKey, true);
    bringBack = setBackgroundAway();
  }
  return () => {
    if (--keyboardHolders > 0) return;
    document.removeEventListener('keydown', onKey, true);
    bringBack?.();
    bringBack = undefined;
  };
}

/**
 * The question asked by askToConfirm / askWithText / tellInDialog, drawn inside PageRoot: a modal
 * dialog named by its title and described by its text, at body size with full touch-target
 * buttons (长辈模式 grows them with the page's tokens). On H5, focus moves into it, stays in it
 * (Tab, Escape answers no), and goes back to the control that asked when it closes.
 */
export function ConfirmDialog() {
  const question = usePendingConfirm();
  const id = useId();
  const [text, setText] = useState('');
  useEffect(() => {
    setText('');
    if (!question) return undefined;
    reveal('.confirm-dialog__title');
    return process.env.TARO_ENV === 'h5' && typeof document !== 'undefined' ? holdKeyboard() : undefined;
  }, [question]);
  if (!question) return null;
  const titleId = `${id}-title`;
  const contentId = `${id}-content`;
  return (
    <View className="confirm-dialog" {...roleProps('dialog')} aria-modal="true" aria-labelledby={titleId} aria-describedby={question.content ? contentId : undefined}>
      <View className="confirm-dialog__card">
        <Text className="confirm-dialog__title" id={titleId}>
          {question.title}
        </Text>
        {question.content && (
          <Text className="confirm-dialog__content" id={contentId}>
            {question.content}
          </Text>
        )}
        {question.input && (
          <View className="confirm-dialog__field">
            <Text className="confirm-dialog__label" aria-hidden>
              {question.input.label}
            </Text>
            <TextField value={text} onChange={setText} label={question.input.label} placeholder={question.input.placeholder} maxLength={question.input.maxLength} />
          </View>
        )}
        <View className="confirm-dialog__actions">
          {question.cancelText && (
            <View className="confirm-dialog__cancel" {...roleProps('button')} hoverClass="confirm-dialog__cancel--pressed" onClick={() => answerConfirm(false)}>
              <Text>{question.cancelText}</Text>
            </View>
          )}
          <View
            className={`confirm-dialog__confirm${question.danger ? ' confirm-dialog__confirm--danger' : ''}`}
            {...roleProps('button')}
            hoverClass="confirm-dialog__confirm--pressed"
            onClick={() => answerConfirm(true, text)}
          >
            <Text>{question.confirmText}</Text>
          </View>
        </View>
      </View>
    </View>
  );
}

export default ConfirmDialog;
