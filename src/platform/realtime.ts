import Taro from '@tarojs/taro';
import { initCloud } from './cloud-transport';

/** Plain equality filter; '{openid}' stands for the signed-in user, as in WeChat's client queries. */
export type WatchFilter = Record<string, string | number | boolean | null>;

export interface WatchHandlers<T> {
  /** Called with the full current result set: first the initial snapshot, then after each change. */
  onChange(docs: T[]): void;
  onError(error: unknown): void;
}

export interface WatchHandle {
  close(): void;
}

/** weapp: the database's own realtime `watch()`, subject to the collection's security rules. */
export function watchCollection<T>(collection: string, filter: WatchFilter, handlers: WatchHandlers<T>): WatchHandle {
  initCloud();
  const watcher = Taro.cloud
    .database()
    .collection(collection)
    .where(filter)
    .watch({
      // The typings call the snapshot a CallbackResult; at run time it carries `docs`.
      onChange: (snapshot) => handlers.onChange((snapshot as unknown as { docs: T[] }).docs),
      onError: (error: unknown) => handlers.onError(error),
    });
  return { close: () => void watcher.close() };
}
