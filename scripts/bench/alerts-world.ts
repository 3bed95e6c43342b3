/**
 * The alert fan-out benchmark's in-process side: the real feed function on the local cloud's
 * embedded database, 10,000 residents of 西罗园's communities who accepted an urgent-alert
 * message, one urgent alert for the station, then the `sendAlertMessages` timer run by run as
 * CloudBase would (one run at a time), each run timed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { feedActions, FRAUD_ALERT_TEMPLATE } from '../../domain/actions/feed';
import { beijingMinute } from '../../cloudfunctions/feed/alert-fanout';
import { invokeLocalFunction } from '../../local-cloud/functions';
import { readOutbox, recordAcceptances } from '../../local-cloud/wechat/subscribe-message';
import { DEMO_PERSONAS } from '../../local-cloud/seed/demo-data';
import { loadDemoData } from '../../local-cloud/seed/load-demo-data';
import { closeLocalDatabase, localDatabase } from '../../local-cloud/wx-server-sdk/engine';
import { configureLocalCloud } from '../../local-cloud/wx-server-sdk/state';
import feedConfig from '../../cloudfunctions/feed/config.json';

type Envelope<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };
type RunReport = { jobs: number; sent: number; skipped: number; pending: number };

export interface FanoutFigures {
  residents: number;
  publishMs: number;
  runs: number[];
  sentMessages: number;
  distinctResidents: number;
  duplicates: number;
  wrongTime: number;
  timeoutS: number;
  timerPeriodS: number;
}

export async function measureFanout({ residents = 10_000 } = {}): Promise<FanoutFigures> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-alerts-'));
  process.env.LOCAL_CLOUD_FSYNC = '0';
  configureLocalCloud({ dataDir, envId: 'bench', publicUrl: 'http://127.0.0.1:0' });
  try {
    const engine = localDatabase();
    await loadDemoData(engine);
    const db = engine.api;
    const communities = ((await db.collection('communities').where({ stationId: 'xiluoyuan' }).get()) as unknown as { data: { _id: string }[] }).data.map((c) => c._id);
    const openids = Array.from({ length: residents }, (_, index) => `openid-bench-${String(index).padStart(5, '0')}`);
    const acceptedAt = new Date();
    for (const [index, openid] of openids.entries()) {
      await db.collection('alert_subscriptions').add({
        data: { _id: `u_bench_${index}`, openid, communityId: communities[index % communities.length], stationId: 'xiluoyuan', remaining: 1, acceptedAt },
      });
    }
    recordAcceptances(openids.map((openid) => ({ openid, templateId: FRAUD_ALERT_TEMPLATE })));

    const officer = DEMO_PERSONAS.find((persona) => persona.key === 'officer-beat-xly');
    if (!officer) throw new Error('no beat officer persona');
    const draft = {
      kind: 'alert',
      title: '紧急提醒：冒充燃气公司上门收费',
      summary: '有人冒充燃气公司上门“检修”，收取高额费用。',
      body: ['近期有人冒充燃气公司工作人员上门，声称燃气管道老化必须更换。'],
      tips: ['燃气检修先打官方电话核实'],
      fraudTypes: ['other'],
      audiences: ['elderly'],
      target: { scope: 'station' },
      urgent: true,
      pinHours: 24,
      images: [],
    };
    const started = performance.now();
    const published = (await invokeLocalFunction('feed', { action: feedActions.publishArticle.name, input: { stationId: 'xiluoyuan', draft } }, { openid: officer.openid, envId: 'bench' })) as Envelope<{ id: string }>;
    const publishMs = performance.now() - started;
    if (!published.ok) throw new Error(`publishArticle: ${published.error.message}`);

    const runs: number[] = [];
    for (let run = 0; run < 200; run++) {
      const at = performance.now();
      const result = (await invokeLocalFunction('feed', { Type: 'Timer', TriggerName: 'sendAlertMessages', Time: new Date().toISOString() }, { envId: 'bench' })) as Envelope<RunReport>;
      runs.push(performance.now() - at);
      if (!result.ok) throw new Error(`sendAlertMessages: ${result.error.message}`);
      if (result.data.pending === 0) break;
    }

    const article = ((await db.collection('articles').doc(published.data.id).get()) as unknown as { data: { publishedAt: Date } }).data;
    const expectedTime = beijingMinute(new Date(article.publishedAt));
    const messages = readOutbox().filter((message) => message.templateId === FRAUD_ALERT_TEMPLATE);
    const distinct = new Set(messages.map((message) => message.touser));
    return {
      residents,
      publishMs,
      runs,
      sentMessages: messages.length,
      distinctResidents: [...distinct].filter((openid) => openid.startsWith('openid-bench-')).length,
      duplicates: messages.length - distinct.size,
      wrongTime: messages.filter((message) => message.data.time3?.value !== expectedTime).length,
      timeoutS: (feedConfig as { timeout?: number }).timeout ?? 3,
      timerPeriodS: 60,
    };
  } finally {
    await closeLocalDatabase();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
