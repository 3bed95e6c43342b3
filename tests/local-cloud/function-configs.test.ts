/**
 * Every function's config.json is deployable as WeChat reads it: the timer triggers parse and
 * obey WeChat's limits (the local cloud refuses to start otherwise), and each trigger names an
 * action of that function that only the system may run.
 */
import { actions } from '@domain/actions';
import { LOCAL_FUNCTIONS } from '@local-cloud/functions';
import { startTimerTriggers } from '@local-cloud/wechat';

test('the timer triggers of every function start, and each names a system action', () => {
  const functions = Object.values(LOCAL_FUNCTIONS);
  const timers = startTimerTriggers(functions.map((fn) => ({ name: fn.name, config: fn.config, invoke: async () => undefined })));
  timers.stop();
  for (const fn of functions) {
    for (const trigger of fn.config.triggers ?? []) {
      const table = actions[fn.name] as Record<string, { policy: string }>;
      expect({ fn: fn.name, trigger: trigger.name, policy: table[trigger.name]?.policy }).toEqual({ fn: fn.name, trigger: trigger.name, policy: 'system' });
    }
  }
});
