import type { Speaking } from './speech';

export type { Speaking } from './speech';

/** H5: the Web Speech API, in Mandarin, a little slower than default for older listeners. */
export function speechAvailable(): boolean {
  return typeof window !== 'undefined' && 'speechSynthesis' in window && typeof window.SpeechSynthesisUtterance === 'function';
}

export function speak(text: string, onEnd: () => void): Speaking | null {
  if (!speechAvailable()) return null;
  const synth = window.speechSynthesis;
  synth.cancel();
  const utterance = new window.SpeechSynthesisUtterance(text);
  utterance.lang = 'zh-CN';
  utterance.rate = 0.9;
  const chinese = synth.getVoices().find((voice) => voice.lang.toLowerCase().startsWith('zh'));
  if (chinese) utterance.voice = chinese;
  let ended = false;
  const finish = () => {
    if (ended) return;
    ended = true;
    onEnd();
  };
  utterance.onend = finish;
  utterance.onerror = finish;
  synth.speak(utterance);
  return {
    stop() {
      synth.cancel();
      finish();
    },
  };
}
