/**
 * consult.inboxMs: an officer's inbox when the station holds 5,000 threads, through the real
 * consult function (dispatch, identity, policy, query, views) on the local cloud's embedded
 * database — the same code the officer's phone calls.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dueAt, queuePosition } from '@domain/consult';
import type { Priority } from '@domain/routing';
import { invokeLocalFunction } from '@local-cloud/functions';
import { DEMO_PERSONAS } from '@local-cloud/seed/demo-data';
import { loadDemoData } from '@local-cloud/seed/load-demo-data';
import { closeLocalDatabase, localDatabase } from '@local-cloud/wx-server-sdk/engine';
import { configureLocalCloud } from '@local-cloud/wx-server-sdk/state';
import type { ConsultThreadRecord } from '@platform/cloud/collections';
import { officerIdFor, userIdFor } from '@platform/cloud/identity';

const STATION = 'xiluoyuan';
/** The demo officers' records are made when they redeem their invites: their ids follow their accounts. */
const officerOf = (personaKey: string): string => officerIdFor(userIdFor(DEMO_PERSONAS.find((persona) => persona.key === personaKey)!.openid));
const [ZHAO, LIU, SUN] = ['officer-beat-xly', 'officer-beat-xly-south', 'officer-beat-xly-yangqiao'].map(officerOf) as [string, string, string];
const ASSIGNEES = [
  { assignee: { type: 'officer', officerId: ZHAO }, key: `officer:${ZHAO}`, label: '赵警官', claimed: true },
  { assignee: { type: 'officer', officerId: LIU }, key: `officer:${LIU}`, label: '刘警官', claimed: true },
  { assignee: { type: 'officer', officerId: SUN }, key: `officer:${SUN}`, label: '孙警官', claimed: true },
  { assignee: { type: 'desk', desk: 'hall', stationId: STATION }, key: `desk:hall:${STATION}`, label: '西罗园派出所 综合服务大厅', claimed: false },
  { assignee: { type: 'desk', desk: 'duty', stationId: STATION }, key: `desk:duty:${STATION}`, label: '西罗园派出所 值班室', claimed: false },
] as const;
const PRIORITIES: Priority[] = ['normal', 'normal', 'normal', 'high', 'urgent'];

function thread(index: number, now: Date): Omit<ConsultThreadRecord, '_id'> & { _id: string } {
  const who = ASSIGNEES[index % ASSIGNEES.length]!;
  const priority = PRIORITIES[index % PRIORITIES.length]!;
  const open = index % 7 !== 0;
  const awaiting = index % 3 === 0 ? 'resident' : 'officer';
  const since = new Date(now.getTime() - (index % 2000) * 60_000);
  const text = `第${index}个问题：小区里的事想问问民警`;
  return {
    _id: `bench-${index}`,
    kind: 'question',
    category: 'other',
    priority,
    status: open ? 'open' : 'closed',
    open,
    awaiting,
    ...queuePosition(priority, awaiting, since),
    dueAt: dueAt(since, priority),
    residentUserId: `u_bench_${index % 700}`,
    residentOpenid: `bench-openid-${index % 700}`,
    residentLabel: '居民',
    communityId: 'xly-2',
    stationId: STATION,
    districtId: 'fengtai',
    assignee: who.assignee as ConsultThreadRecord['assignee'],
    assigneeKey: who.key,
    ...(who.assignee.type === 'officer' ? { assignedOfficerId: who.assignee.officerId } : {}),
    claimed: who.claimed,
    assigneeLabel: who.label,
    reason: '已转给 西罗园派出所',
    decisionId: `bench-decision-${index}`,
    title: text,
    lastMessage: { text, from: 'resident', at: since },
    unreadForResident: 0,
    unreadForOfficer: index % 4,
    escalated: false,
    createdAt: since,
    updatedAt: since,
  };
}

export async function measureInbox({ threads = 5_000, runs = 200 } = {}) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fq-bench-consult-'));
  process.env.LOCAL_CLOUD_FSYNC = '0';
  configureLocalCloud({ dataDir, envId: 'bench-env', publicUrl: 'http://127.0.0.1:0' });
  try {
    const engine = localDatabase();
    await loadDemoData(engine);
    const now = new Date();
    const collection = engine.api.collection('consult_threads');
    for (let index = 0; index < threads; index += 1) {
      const { _id, ...data } = thread(index, now);
      await collection.doc(_id).set({ data });
    }
    const officer = DEMO_PERSONAS.find((persona) => persona.key === 'officer-beat-xly')!.openid;
    const call = (view: 'mine' | 'station' | 'unassigned') => invokeLocalFunction('consult', { action: 'officerInbox', input: { stationId: STATION, view } }, { openid: officer, envId: 'bench-env' });
    const figures: Record<string, { p50: number; p95: number; shown: number }> = {};
    // (5,000 threads, ~4,300 open: the tab counts read "1000+", see officerInbox.)
    for (const view of ['station', 'mine', 'unassigned'] as const) {
      for (let warm = 0; warm < 20; warm += 1) await call(view);
      const times: number[] = [];
      let shown = 0;
      for (let run = 0; run < runs; run += 1) {
        const start = performance.now();
        const result = (await call(view)) as { ok: boolean; data?: { threads: unknown[] } };
        times.push(performance.now() - start);
        if (!result.ok) throw new Error(`officerInbox(${view}) failed: ${JSON.stringify(result)}`);
        shown = result.data!.threads.length;
      }
      times.sort((a, b) => a - b);
      const at = (q: number) => Math.round(times[Math.min(times.length - 1, Math.floor(times.length * q))]! * 100) / 100;
      figures[view] = { p50: at(0.5), p95: at(0.95), shown };
    }
    return { threads, figures };
  } finally {
    await closeLocalDatabase();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
