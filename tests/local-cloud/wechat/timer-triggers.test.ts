import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { startTimerTriggers, type TimerEvent, type TimerFunction, type TimerTriggers } from '@local-cloud/wechat';
import { currentInvocation, runInInvocation, type WxInvocationContext } from '@local-cloud/wx-server-sdk/invocation';
import { useTempCloud } from './temp-cloud';

useTempCloud();

interface Recorded {
  event: TimerEvent;
  invocation?: WxInvocationContext;
}

function timerFunction(name: string, cron: string, behaviour?: (event: TimerEvent) => Promise<unknown>): TimerFunction & { runs: Recorded[] } {
  const runs: Recorded[] = [];
  return {
    name,
    runs,
    config: { triggers: [{ name: `${name}Timer`, type: 'timer', config: cron }] },
    async invoke(event) {
      runs.push({ event, invocation: currentInvocation() });
      return behaviour?.(event);
    },
  };
}

let handle: TimerTriggers | undefined;

beforeEach(() => {
  jest.useFakeTimers({ now: new Date('2024-05-01T00:00:03Z') });
});

afterEach(() => {
  handle?.stop();
  handle = undefined;
  jest.useRealTimers();
});

describe('startTimerTriggers', () => {
  it('fires at each cron time with the WeChat timer event, without drift', async () => {
    const fn = timerFunction('account', '*/10 * * * * * *');
    handle = startTimerTriggers([fn]);
    await jest.advanceTimersByTimeAsync(6_999);
    expect(fn.runs).toHaveLength(0);
    await jest.advanceTimersByTimeAsync(1);
    expect(fn.runs.map((run) => run.event)).toEqual([{ Type: 'Timer', TriggerName: 'accountTimer', Time: '2024-05-01T00:00:10Z' }]);
    await jest.advanceTimersByTimeAsync(10 * 60_000);
    expect(fn.runs).toHaveLength(61);
    expect(fn.runs.every((run, index) => run.event.Time === new Date(Date.UTC(2024, 4, 1, 0, 0, 10 + index * 10)).toISOString().replace('.000', ''))).toBe(true);
  });

  it('runs each timer as its own invocation with no OPENID, even when started inside a user request', async () => {
    const fn = timerFunction('account', '*/10 * * * * * *');
    runInInvocation({ OPENID: 'o-admin', ENV: 'test-env', SOURCE: 'wx_client', REQUEST_ID: 'admin-request' }, () => {
      handle = startTimerTriggers([fn]);
    });
    await jest.advanceTimersByTimeAsync(20_000);
    expect(fn.runs).toHaveLength(2);
    for (const run of fn.runs) {
      expect(run.invocation).toMatchObject({ ENV: 'test-env', SOURCE: 'wx_trigger' });
      expect(run.invocation?.OPENID).toBeUndefined();
      expect(run.invocation?.REQUEST_ID).not.toBe('admin-request');
    }
    expect(fn.runs[0]?.invocation?.REQUEST_ID).not.toBe(fn.runs[1]?.invocation?.REQUEST_ID);
  });

  it('waits through long gaps (a daily trigger) and reports the next runs', async () => {
    const fn = timerFunction('account', '0 30 3 * * * *');
    handle = startTimerTriggers([fn]);
    // 03:30 in UTC+8 is 19:30 UTC the previous day.
    expect(handle.nextRuns()).toEqual([{ functionName: 'account', triggerName: 'accountTimer', config: '0 30 3 * * * *', nextRunAt: new Date('2024-05-01T19:30:00Z'), runs: 0 }]);
    await jest.advanceTimersByTimeAsync(19 * 3600_000 + 29 * 60_000);
    expect(fn.runs).toHaveLength(0);
    await jest.advanceTimersByTimeAsync(60_000);
    expect(fn.runs.map((run) => run.event.Time)).toEqual(['2024-05-01T19:30:00Z']);
    expect(handle.nextRuns()[0]).toMatchObject({ nextRunAt: new Date('2024-05-02T19:30:00Z'), lastRunAt: new Date('2024-05-01T19:30:00Z'), runs: 1 });
  });

  it('keeps running after a failing run and reports the failure', async () => {
    const errors: { message: string; triggerName: string; time: Date }[] = [];
    const fn = timerFunction('account', '*/10 * * * * * *', async (event) => {
      if (event.Time.endsWith('10Z')) throw new Error('database unavailable');
      return 'ok';
    });
    handle = startTimerTriggers([fn], { onError: (error, run) => errors.push({ message: (error as Error).message, triggerName: run.triggerName, time: run.time }) });
    await jest.advanceTimersByTimeAsync(7_000);
    expect(errors).toEqual([{ message: 'database unavailable', triggerName: 'accountTimer', time: new Date('2024-05-01T00:00:10Z') }]);
    expect(handle.nextRuns()[0]?.lastError).toBe('database unavailable');
    await jest.advanceTimersByTimeAsync(10_000);
    expect(fn.runs).toHaveLength(2);
    expect(handle.nextRuns()[0]?.lastError).toBeUndefined();
  });

  it('stops', async () => {
    const fn = timerFunction('account', '*/10 * * * * * *');
    handle = startTimerTriggers([fn]);
    await jest.advanceTimersByTimeAsync(10_000);
    handle.stop();
    await jest.advanceTimersByTimeAsync(60_000);
    expect(fn.runs).toHaveLength(1);
  });

  it('does not replay runs missed while the clock jumped (a suspended laptop)', async () => {
    let skew = 0;
    const fn = timerFunction('account', '0 * * * * * *');
    handle = startTimerTriggers([fn], { now: () => new Date(Date.now() + skew) });
    skew = 3 * 3600_000; // three hours pass without the timers running
    await jest.advanceTimersByTimeAsync(60_000);
    expect(fn.runs).toHaveLength(1);
    expect(handle.nextRuns()[0]?.nextRunAt?.getTime()).toBeGreaterThan(Date.now() + skew - 1);
  });

  it('can fire a trigger on demand', async () => {
    const fn = timerFunction('account', '0 30 3 * * * *', async () => 'purged 3');
    handle = startTimerTriggers([fn]);
    await expect(handle.runNow('account', 'accountTimer')).resolves.toBe('purged 3');
    expect(fn.runs[0]?.event).toEqual({ Type: 'Timer', TriggerName: 'accountTimer', Time: '2024-05-01T00:00:03Z' });
    await expect(handle.runNow('account', 'nope')).rejects.toThrow('no timer trigger account/nope');
  });

  it('ignores functions without triggers', () => {
    handle = startTimerTriggers([{ name: 'directory', config: {}, invoke: async () => undefined }]);
    expect(handle.nextRuns()).toEqual([]);
  });

  describe('refuses what WeChat would not deploy', () => {
    const invoke = async () => undefined;
    it.each([
      ['two triggers on one function', [{ name: 'a', type: 'timer', config: '0 0 0 * * * *' }, { name: 'b', type: 'timer', config: '0 0 1 * * * *' }], /only one trigger/],
      ['a trigger that is not a timer', [{ name: 'a', type: 'http', config: '' }], /only "timer"/],
      ['a name starting with a digit', [{ name: '1purge', type: 'timer', config: '0 0 0 * * * *' }], /must start with a letter/],
      ['a name over 60 characters', [{ name: `p${'x'.repeat(60)}`, type: 'timer', config: '0 0 0 * * * *' }], /up to 60/],
      ['a bad cron', [{ name: 'purge', type: 'timer', config: '0 0 0 * * *' }], /cloud function account, trigger purge: invalid timer cron/],
    ])('%s', (_what, triggers, reason) => {
      expect(() => startTimerTriggers([{ name: 'account', config: { triggers: triggers as never }, invoke }])).toThrow(reason);
    });
  });
});

describe('timers do not keep the process alive', () => {
  it('lets a process that only has timer triggers exit', () => {
    jest.useRealTimers();
    const script = `
      const { configureLocalCloud } = require('./local-cloud/wx-server-sdk/state');
      const { startTimerTriggers } = require('./local-cloud/wechat/timer-triggers');
      configureLocalCloud({ dataDir: '/tmp', envId: 'e', publicUrl: 'http://x' });
      startTimerTriggers([{ name: 'f', config: { triggers: [{ name: 't', type: 'timer', config: '*/1 * * * * * *' }] }, invoke: async () => {} }]);
      console.log('started');
    `;
    const root = path.resolve(__dirname, '../../..');
    const result = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { cwd: root, encoding: 'utf8', timeout: 30_000 });
    expect(result.stderr).toBe('');
    expect(result.stdout.trim()).toBe('started');
    expect(result.status).toBe(0);
  }, 40_000);
});
