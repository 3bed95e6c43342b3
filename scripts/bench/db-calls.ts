/**
 * cloud.dbCallsPerAction: the database round trips each main action makes, counted by the local
 * database (every request the SDK would send: document and query calls, a transaction's start,
 * each of its operations, its commit). In CloudBase each is a network round trip (≈ 10–30 ms,
 * billed), so this is the action's production latency. Each action runs once to warm the
 * function's caches (a warm instance, as production mostly has), then is counted on its second call.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bookingActions } from '../../domain/actions/booking';
import { consultActions } from '../../domain/actions/consult';
import { feedActions } from '../../domain/actions/feed';
import { mediaActions } from '../../domain/actions/media';
import { LOCAL_FUNCTIONS, invokeLocalFunction } from '../../local-cloud/functions';
import { DEMO_PERSONAS } from '../../local-cloud/seed/demo-data';
import { loadDemoData } from '../../local-cloud/seed/load-demo-data';
import { closeLocalDatabase, localDatabase } from '../../local-cloud/wx-server-sdk/engine';
import { configureLocalCloud } from '../../local-cloud/wx-server-sdk/state';

/** A tiny JPEG (start of image, a comment segment, end of image), as the media tests upload. */
const TINY_JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xfe, 0, 7, 0x70, 0x68, 0x6f, 0x74, 0x6f, 0xff, 0xd9]).toString('base64');

type Envelope = { ok: boolean; data?: unknown; error?: { code: string; message: string } };
type Definition = { fn: keyof typeof LOCAL_FUNCTIONS; name: string };

const openidOf = (key: string): string => {
  const found = DEMO_PERSONAS.find((persona) => persona.key === key);
  if (!found) throw new Error(`no demo persona ${key}`);
  return found.openid;
};

async function call(openid: string, definition: Definition, input: unknown): Promise<unknown> {
  const result = (await invokeLocalFunction(definition.fn, { action: definition.name, input }, { openid, envId: 'bench' })) as Envelope;
  if (!result.ok) throw new Error(`${definition.fn}.${definition.name}: ${result.error?.code} ${result.error?.message}`);
  return result.data;
}

/** With `trace`, each counted request's API name and the function code that sent it. */
let trace: ((line: string) => void) | undefined;

/** The innermost frames of our own code (not the database's, not the SDK shim's) that made a request. */
function callerOf(apiName: string): string {
  const frames = (new Error().stack ?? '').split('\n').slice(1);
  const ours = frames
    .map((frame) => /\(?((?:cloudfunctions|platform|domain)\/[^():]+:\d+)/.exec(frame)?.[1])
    .filter((frame): frame is string => frame !== undefined)
    .slice(0, 3);
  return `${apiName.padEnd(20)} ${ours.join(' ← ') || '(no frame of ours)'}`;
}

/** Round trips of one call (after a warming call ran once uncounted). */
async function counted(run: () => Promise<unknown>, label = ''): Promise<number> {
  const before = localDatabase().roundTrips();
  if (trace) {
    trace(`— ${label}`);
    localDatabase().traceRoundTrips((apiName) => trace?.(`    ${callerOf(apiName)}`));
  }
  try {
    await run();
  } finally {
    localDatabase().traceRoundTrips(undefined);
  }
  return localDatabase().roundTrips() - before;
}

/** `options.trace` receives, per counted action, each request and where it was sent from. */
export async function measureDbCalls(options: { trace?: (line: string) => void } = {}): Promise<Record<string, number>> {
  trace = options.trace;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-db-calls-'));
  process.env.LOCAL_CLOUD_FSYNC = '0';
  configureLocalCloud({ dataDir, envId: 'bench', publicUrl: 'http://127.0.0.1:0' });
  try {
    await loadDemoData(localDatabase());
    const resident = openidOf('resident-xly2');
    const officer = openidOf('officer-hall-xly');
    const stationId = 'xiluoyuan';
    const calls: Record<string, number> = {};

    const services = (await call(resident, bookingActions.listServices, { stationId })) as { services: { kind: string }[] };
    const service = services.services[0]?.kind as string;
    const availability = () => call(resident, bookingActions.availability, { stationId, service });
    await availability();
    calls.availability = await counted(availability, 'availability');

    const view = (await availability()) as { days: { slots: { slotId: string; left: number }[] }[] };
    const free = view.days.flatMap((day) => day.slots.filter((slot) => slot.left > 0).map((slot) => slot.slotId));
    // Tomorrow's or later slots, spaced apart (a second booking the same day may be refused).
    const [first, second] = [free[free.length - 1], free[Math.floor(free.length / 2)]];
    if (!first || !second) throw new Error('no free slots to reserve');
    const reserve = (slotId: string, openid: string) => call(openid, bookingActions.reserve, { slotId, person: { self: true }, needs: { kinds: [] } });
    await reserve(first, resident);
    // Another resident's first reserve on a warm instance (the account exists: one call to 'me' first).
    const other = openidOf('resident-hgby');
    await call(other, bookingActions.myBookings, {});
    calls.reserve = await counted(() => reserve(second, other), 'reserve');

    // The same for a family member the account saved (its family is read beside the hall config).
    const third = free[Math.floor(free.length / 4)];
    const moveTo = free[Math.floor((free.length * 3) / 4)];
    if (!third || !moveTo) throw new Error('no free slots to reserve');
    const mother = (await call(other, bookingActions.saveFamilyMember, { name: '韩秀兰', idNumber: '110102195003071231', phone: '13812345678', relation: 'parent' })) as { id: string };
    calls.reserveFamily = await counted(() => call(other, bookingActions.reserve, { slotId: third, person: { familyMemberId: mother.id }, needs: { kinds: [] } }), 'reserveFamily');

    // Moving the resident's booking to another time, then cancelling it.
    const mine = (await call(other, bookingActions.myBookings, {})) as { upcoming: { id: string; slotId: string }[] };
    const booked = mine.upcoming.find((booking) => booking.slotId === second);
    if (!booked) throw new Error('the reserved booking is not listed');
    let movedId = '';
    calls.reschedule = await counted(async () => {
      movedId = ((await call(other, bookingActions.reschedule, { bookingId: booked.id, slotId: moveTo })) as { id: string }).id;
    }, 'reschedule');
    calls.cancel = await counted(() => call(other, bookingActions.cancel, { bookingId: movedId }), 'cancel');

    const listArticles = () => call(resident, feedActions.listArticles, {});
    await listArticles();
    calls.listArticles = await counted(listArticles, 'listArticles');

    const startThread = (text: string) => call(resident, consultActions.startThread, { category: 'household', text }) as Promise<{ kind: string; threadId: string }>;
    await startThread('户口迁移需要带什么材料？');
    let threadId = '';
    calls.startThread = await counted(async () => {
      threadId = (await startThread('居住证续签要本人去吗？')).threadId;
    }, 'startThread');

    const sendMessage = (clientId: string) => call(resident, consultActions.sendMessage, { threadId, clientId, text: '补充一下：我周六有空' });
    await sendMessage('bench-message-0001');
    calls.sendMessage = await counted(() => sendMessage('bench-message-0002'), 'sendMessage');

    const officerInbox = () => call(officer, consultActions.officerInbox, { stationId, view: 'station' });
    await officerInbox();
    calls.officerInbox = await counted(officerInbox, 'officerInbox');

    const getThread = () => call(officer, consultActions.getThread, { threadId });
    await getThread();
    calls.getThread = await counted(getThread, 'getThread');

    // A resident writing after an officer answered: the officers are told (a new-question message each).
    const say = (openid: string, clientId: string, text: string, photoFileIds: string[] = []) => call(openid, consultActions.sendMessage, { threadId, clientId, text, photoFileIds });
    await say(officer, 'bench-reply-0001', '请带上身份证到大厅 2 号窗口');
    await say(resident, 'bench-message-0003', '好的，周六上午可以吗？');
    await say(officer, 'bench-reply-0002', '周六上午有人值班');
    calls.sendMessageNotifying = await counted(() => say(resident, 'bench-message-0004', '谢谢，那我周六去'), 'sendMessageNotifying');

    // Questions and messages with photos: each upload's receipt proves it the resident's own, for consult (no read).
    type Upload = { fileId: string; receipt: string };
    const photos = async (count: number) =>
      Promise.all(Array.from({ length: count }, async () => (await call(resident, mediaActions.uploadImage, { context: 'consult', image: TINY_JPEG })) as Upload));
    const carried = (uploads: Upload[]) => ({ photoFileIds: uploads.map((upload) => upload.fileId), photoReceipts: uploads.map((upload) => upload.receipt) });
    const startWithPhotos = async (text: string) => ((await call(resident, consultActions.startThread, { category: 'household', text, ...carried(await photos(2)) })) as { threadId: string }).threadId;
    await startWithPhotos('门口的告示看不清，拍给您看');
    const warmPhotos = await photos(2);
    let photoThreadId = '';
    calls.startThreadWithPhotos = await counted(async () => {
      photoThreadId = ((await call(resident, consultActions.startThread, { category: 'household', text: '户口本这一页写错了', ...carried(warmPhotos) })) as { threadId: string }).threadId;
    }, 'startThreadWithPhotos');
    const sendPhotos = async (clientId: string, uploads: Upload[]) => call(resident, consultActions.sendMessage, { threadId: photoThreadId, clientId, text: '再补两张照片', ...carried(uploads) });
    await sendPhotos('bench-photos-0001', await photos(2));
    const messagePhotos = await photos(2);
    calls.sendMessageWithPhotos = await counted(() => sendPhotos('bench-photos-0002', messagePhotos), 'sendMessageWithPhotos');
    return calls;
  } finally {
    trace = undefined;
    await closeLocalDatabase();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
