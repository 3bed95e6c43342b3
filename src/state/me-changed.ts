import { useEffect, useRef } from 'react';
import Taro from '@tarojs/taro';
import type { MeView } from '@domain/actions/account';

const ME_CHANGED = 'fq:me-changed';

/** Tells the pages that show the account (我的) that it changed on another page (a new role). */
export function announceMeChanged(me: MeView): void {
  Taro.eventCenter.trigger(ME_CHANGED, me);
}

/** Runs `onChange` with the new account when another page changed it. */
export function useMeChanged(onChange: (me: MeView) => void): void {
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  useEffect(() => {
    const listener = (me: MeView) => onChangeRef.current(me);
    Taro.eventCenter.on(ME_CHANGED, listener);
    return () => {
      Taro.eventCenter.off(ME_CHANGED, listener);
    };
  }, []);
}
