#!/usr/bin/env node
// Alert fan-out benchmark (issue 18, alerts.fanout10kS):
//   alerts.fanout10kS       seconds the feed function spends sending one urgent alert to 10,000
//                           opted-in residents: the publishing call plus every sendAlertMessages
//                           timer run until none is pending (the real function on the embedded
//                           database; WeChat's subscribeMessage.send emulated)
//   alerts.maxRunS          the longest single run, beside the function's timeout in config.json
//   alerts.onScheduleS      when the last message goes out on CloudBase's schedule (timer every minute)
//   alerts.duplicates, alerts.missing, alerts.wrongTime   must be 0 (exactly once, in Beijing time)
//
//   node scripts/bench-alerts.mjs
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { importLocalCloudModule } from './bench/import-typescript.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RESIDENTS = Number(process.env.BENCH_ALERT_RESIDENTS ?? 10_000);
const round2 = (value) => Math.round(value * 100) / 100;

export async function benchAlerts() {
  const world = await importLocalCloudModule(path.join(root, 'scripts', 'bench', 'alerts-world.ts'));
  const figures = await world.measureFanout({ residents: RESIDENTS });
  const runsMs = [figures.publishMs, ...figures.runs];
  const totalS = runsMs.reduce((sum, ms) => sum + ms, 0) / 1000;
  const maxRunS = Math.max(...runsMs) / 1000;
  const onScheduleS = figures.runs.length === 0 ? 0 : (figures.runs.length - 1) * figures.timerPeriodS + figures.runs[figures.runs.length - 1] / 1000;
  console.log(
    `alerts: ${figures.residents} residents: publish call ${figures.publishMs.toFixed(0)} ms, then ${figures.runs.length} timer runs ` +
      `(${figures.runs.map((ms) => (ms / 1000).toFixed(1)).join(', ')} s); longest run ${maxRunS.toFixed(2)} s (timeout ${figures.timeoutS} s); ` +
      `${figures.sentMessages} messages to ${figures.distinctResidents} residents, ${figures.duplicates} duplicates, ${figures.wrongTime} not in Beijing time; ` +
      `on CloudBase's schedule (a run a minute) the last goes out after ≈ ${onScheduleS.toFixed(0)} s`,
  );
  return {
    'alerts.fanout10kS': round2(totalS),
    'alerts.maxRunS': round2(maxRunS),
    'alerts.timeoutS': figures.timeoutS,
    'alerts.onScheduleS': Math.round(onScheduleS),
    'alerts.duplicates': figures.duplicates,
    'alerts.missing': figures.residents - figures.distinctResidents,
    'alerts.wrongTime': figures.wrongTime,
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const figures = await benchAlerts();
  console.log(JSON.stringify(figures, null, 2));
}
