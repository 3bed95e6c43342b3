import { useCallback, useEffect, useRef, useState } from 'react';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import type { ActionTarget, InputOf, OutputOf } from '@domain/actions/define';
import type { ActionErrorBody } from '@domain/errors';
import { callAction } from '@/platform/cloud-call';
import { showNotice } from '@/platform/toast';

export type ActionStatus = 'loading' | 'ready' | 'error' | 'empty';

export interface ActionState<T> {
  status: ActionStatus;
  data: T | undefined;
  error: ActionErrorBody | undefined;
  /** True while a reload runs over data already on screen (pull-down refresh). */
  refreshing: boolean;
  /** Runs the action again; resolves when the answer is in. */
  reload: (options?: ReloadOptions) => Promise<void>;
  /** Replaces the data after a mutation answered with a fresh copy (e.g. updateProfile → MeView). */
  setData: (data: T) => void;
}

export interface ReloadOptions {
  /**
   * A refresh nobody asked for (a live signal, a timer): if it fails, what is on screen stays and
   * no toast interrupts. A pull-down or a 重试 tap is not quiet: the person wants to know.
   */
  quiet?: boolean;
}

export interface UseActionOptions<T> {
  /** Run only when true, e.g. while the input still waits for another action's answer. */
  enabled?: boolean;
  /** Which answers count as "nothing to show"; by default an empty list. */
  isEmpty?: (data: T) => boolean;
  /** Reload on the page's pull-down gesture (the page config must set enablePullDownRefresh). */
  pullDownRefresh?: boolean;
}

type Snapshot<T> = Pick<ActionState<T>, 'status' | 'data' | 'error' | 'refreshing'>;

const isEmptyList = (data: unknown): boolean => Array.isArray(data) && data.length === 0;

const statusOf = <T>(data: T, isEmpty: (data: T) => boolean): ActionStatus => (isEmpty(data) ? 'empty' : 'ready');

/** Runs a cloud action when the page shows and keeps its answer as page state. */
export function useAction<A extends ActionTarget>(
  definition: A,
  input: InputOf<A>,
  options: UseActionOptions<OutputOf<A>> = {},
): ActionState<OutputOf<A>> {
  type T = OutputOf<A>;
  const { enabled = true, pullDownRefresh = false } = options;
  const [snapshot, setSnapshot] = useState<Snapshot<T>>({ status: 'loading', data: undefined, error: undefined, refreshing: false });

  // Callers pass object literals; the serialised input is what identifies a request.
  const inputKey = JSON.stringify(input);
  const inputRef = useRef(input);
  inputRef.current = input;
  const isEmptyRef = useRef(options.isEmpty ?? isEmptyList);
  isEmptyRef.current = options.isEmpty ?? isEmptyList;
  const dataRef = useRef<T | undefined>(undefined);
  dataRef.current = snapshot.data;

  // Only the newest request may write state; answers arriving after unmount are dropped.
  const latestRequest = useRef(0);
  const mounted = useRef(false);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  // `options` may be a tap event when reload is a click handler: only a literal quiet counts.
  const run = useCallback(async (options?: ReloadOptions): Promise<void> => {
    const quiet = options?.quiet === true;
    const ticket = ++latestRequest.current;
    const shownBefore = dataRef.current !== undefined;
    setSnapshot((previous) =>
      previous.data === undefined ? { status: 'loading', data: undefined, error: undefined, refreshing: false } : { ...previous, refreshing: true },
    );
    const result = await callAction(definition, inputRef.current);
    if (ticket !== latestRequest.current || !mounted.current) return;
    if (result.ok) {
      setSnapshot({ status: statusOf(result.data as T, isEmptyRef.current), data: result.data as T, error: undefined, refreshing: false });
      return;
    }
    if (shownBefore) {
      // A failed refresh keeps what is on screen: stale-but-true beats an error page.
      setSnapshot((previous) => ({ ...previous, error: result.error, refreshing: false }));
      if (!quiet) showNotice(result.error.message);
      return;
    }
    setSnapshot({ status: 'error', data: undefined, error: result.error, refreshing: false });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- inputKey stands for the input's value
  }, [definition, inputKey]);

  useEffect(() => {
    if (enabled) void run();
  }, [enabled, run]);

  const pullDownRef = useRef(pullDownRefresh && enabled);
  pullDownRef.current = pullDownRefresh && enabled;
  usePullDownRefresh(() => {
    if (!pullDownRef.current) return;
    void run().finally(() => Taro.stopPullDownRefresh());
  });

  const setData = useCallback((data: T) => {
    setSnapshot({ status: statusOf(data, isEmptyRef.current), data, error: undefined, refreshing: false });
  }, []);

  return { ...snapshot, reload: run, setData };
}
