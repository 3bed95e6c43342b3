/**
 * Reading aloud. WeChat has no text-to-speech API of its own; the 同声传译 plugin needs the
 * mini-program to be granted it in the WeChat console, which a build cannot assume. So on weapp
 * speech is reported unavailable and the read-aloud button does not show (WeChat's own 关怀模式
 * offers 读屏 for residents who rely on it).
 */
export interface Speaking {
  stop(): void;
}

export function speechAvailable(): boolean {
  return false;
}

export function speak(_text: string, _onEnd: () => void): Speaking | null {
  return null;
}
