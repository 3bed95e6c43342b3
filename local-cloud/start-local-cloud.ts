import path from 'node:path';
import { LOCAL_FUNCTIONS, invokeLocalFunction } from './functions';
import { createLocalCloudServer } from './http/server';
import { loadDemoData, topUpDemoRoster } from './seed/load-demo-data';
import { loadDemoMediation } from './seed/demo-mediation';
import { createPendingUniqueIndexes } from './unique-index-order';
import { startTimerTriggers } from './wechat';
import { closeLocalDatabase, localDatabase } from './wx-server-sdk/engine';
import { configureLocalCloud } from './wx-server-sdk/state';

export interface LocalCloudOptions {
  /** Where everything persists; the demo data is loaded into it on first start. */
  dataDir: string;
  /** Folder of the H5 build to serve. */
  h5Dir: string;
  port: number;
  host?: string;
  envId?: string;
  /** Run the timer triggers declared in each function's config.json (off in most tests). */
  timers?: boolean;
  /** Wipe the data directory's database and load the demo data again. */
  resetDemoData?: boolean;
  /**
   * Settles once the H5 app is in h5Dir (`npm start` builds it meanwhile): the database and the
   * demo data are made ready while waiting, and the server listens only then.
   */
  appReady?: Promise<unknown>;
  /** Told when the database and the demo data are ready, before waiting for appReady. */
  onDataReady?: () => void;
}

export interface RunningLocalCloud {
  url: string;
  stop(): Promise<void>;
}

/** Starts the whole local cloud: database, demo data, the WeChat emulations, HTTP and timers. */
export async function startLocalCloud(options: LocalCloudOptions): Promise<RunningLocalCloud> {
  const envId = options.envId ?? 'local-dev';
  const dataDir = path.resolve(options.dataDir);
  const host = options.host ?? '127.0.0.1';
  // publicUrl is only known after listening on port 0; temp file URLs are relative until then.
  configureLocalCloud({ dataDir, envId, publicUrl: options.port ? `http://${host}:${options.port}` : '' });

  const engine = localDatabase();
  await loadDemoData(engine, { force: options.resetDemoData });
  // Data of an earlier version: its migration runs first, then the unique indexes waiting for it are created (as npm run deploy does).
  await createPendingUniqueIndexes(engine, (fn, event) => invokeLocalFunction(fn, event, { envId }));
  await engine.bulkLoad(() => topUpDemoRoster(engine, new Date()));
  // Through the mediation function's own actions, as the officers who handled the cases.
  await engine.bulkLoad(() => loadDemoMediation(engine, envId));
  options.onDataReady?.();
  await options.appReady;

  const server = createLocalCloudServer({ dataDir, envId, h5Dir: path.resolve(options.h5Dir), engine });
  const url = await server.listen(options.port, host);
  configureLocalCloud({ dataDir, envId, publicUrl: url });

  const timers = options.timers
    ? startTimerTriggers(
        Object.values(LOCAL_FUNCTIONS).map((fn) => ({
          name: fn.name,
          config: fn.config,
          // A timer run carries no OPENID, exactly as in WeChat.
          invoke: (event: unknown) => invokeLocalFunction(fn.name, event, { envId }),
        })),
        { onError: (error: unknown) => console.error('[local-cloud] timer trigger failed', error) },
      )
    : undefined;

  return {
    url,
    async stop() {
      timers?.stop();
      await server.close();
      await closeLocalDatabase();
    },
  };
}
