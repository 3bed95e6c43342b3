/**
 * Every page of the app, as a resident or officer reaches it, for the accessibility and elder
 * mode checks. A page added to src/app.config.ts without an entry here fails the catalogue test.
 */

/** Calls a cloud action as a demo persona (through the local sign-in, like the app). */
export type CallAction = (persona: string, fn: string, action: string, input: Record<string, unknown>) => Promise<unknown>;

export interface CataloguedPage {
  /** File-friendly name, used for screenshots. */
  name: string;
  /** The route in src/app.config.ts (without a leading slash). */
  route: string;
  /** Query string the page needs to show content (demo data ids). */
  query?: string;
  /** Creates what the page shows (a thread, a booking…) and returns its query string. */
  prepare?: (call: CallAction) => Promise<string>;
  persona: string;
  /** Text that is on screen once the page has loaded its data. */
  ready: string | RegExp;
}

const data = <T>(result: unknown): T => {
  const envelope = result as { ok: boolean; data?: T; error?: { code: string; message: string } };
  if (!envelope.ok) throw new Error(`prepare failed: ${envelope.error?.code} ${envelope.error?.message}`);
  return envelope.data as T;
};

/**
 * 王阿姨's question at the 西罗园 hall desk, so both thread pages have something to show. Asked
 * once per run (residents may start only a few threads an hour).
 */
let question: Promise<string> | undefined;
function questionThread(call: CallAction): Promise<string> {
  question ??= (async () => {
    const started = data<{ kind: string; threadId?: string }>(await call('resident-xly2', 'consult', 'startThread', { category: 'household', text: '请问办居住证要准备哪些材料？' }));
    if (!started.threadId) throw new Error('prepare: no thread');
    return `id=${started.threadId}`;
  })();
  return question;
}

export const PAGE_CATALOGUE: CataloguedPage[] = [
  // Resident tabs.
  // 长辈模式 opens on the simple home (its way to the full feed), the standard mode on the full feed.
  { name: 'feed', route: 'pages/feed/index', persona: 'resident-xly2', ready: /守好钱袋子|查看全部反诈信息/ },
  { name: 'booking', route: 'pages/booking/index', persona: 'resident-xly2', ready: '西罗园派出所' },
  { name: 'consult', route: 'pages/consult/index', persona: 'resident-xly2', ready: /110/ },
  { name: 'me', route: 'pages/me/index', persona: 'resident-xly2', ready: '西罗园第二社区' },
  // Content.
  { name: 'about', route: 'packages/content/pages/about/index', persona: 'resident-xly2', ready: '隐私' },
  { name: 'article', route: 'packages/content/pages/article/index', query: 'id=alert-xly-fake-police', persona: 'resident-xly2', ready: '冒充' },
  { name: 'home-community', route: 'packages/content/pages/home-community/index', persona: 'resident-xly2', ready: '西罗园第二社区' },
  { name: 'quiz', route: 'packages/content/pages/quiz/index', persona: 'resident-xly2', ready: /小测试|第 ?1 ?题/ },
  // Booking.
  { name: 'booking-flow', route: 'packages/booking/pages/book/index', query: 'stationId=xiluoyuan', persona: 'resident-xly2', ready: '身份证' },
  { name: 'my-bookings', route: 'packages/booking/pages/mine/index', persona: 'resident-xly2', ready: /待办理|还没有预约/ },
  // Consultation.
  { name: 'consult-thread', route: 'packages/consult/pages/thread/index', prepare: questionThread, persona: 'resident-xly2', ready: '请问办居住证要准备哪些材料？' },
  { name: 'fraud-check', route: 'packages/consult/pages/fraud-check/index', persona: 'resident-xly2', ready: /转账/ },
  // Officers.
  { name: 'officer-workbench', route: 'packages/officer/pages/workbench/index', persona: 'admin-xly', ready: '新建邀请码' },
  { name: 'hall-roster', route: 'packages/officer/pages/hall-roster/index', persona: 'officer-hall-xly', ready: /预约名单|今天/ },
  { name: 'officer-publish', route: 'packages/officer/pages/publish/index', persona: 'officer-beat-xly', ready: /发布/ },
  { name: 'officer-articles', route: 'packages/officer/pages/articles/index', persona: 'officer-beat-xly', ready: '发布新信息' },
  { name: 'officer-inbox', route: 'packages/officer/pages/consult-inbox/index', persona: 'officer-hall-xly', ready: /本所/ },
  { name: 'officer-thread', route: 'packages/officer/pages/consult-thread/index', prepare: questionThread, persona: 'officer-hall-xly', ready: '请问办居住证要准备哪些材料？' },
  { name: 'quick-replies', route: 'packages/officer/pages/quick-replies/index', persona: 'officer-hall-xly', ready: '本所民警共用这些回复' },
  // Setting a station up (station and district admins).
  { name: 'new-station', route: 'packages/officer/pages/new-station/index', persona: 'admin-gongshu', ready: '建立派出所' },
  { name: 'station-communities', route: 'packages/officer/pages/communities/index', persona: 'admin-xly', ready: '西罗园第二社区' },
  { name: 'hall-settings', route: 'packages/officer/pages/hall-settings/index', persona: 'admin-xly', ready: '办理的业务' },
  { name: 'station-officers', route: 'packages/officer/pages/officers/index', persona: 'admin-xly', ready: /赵警官/ },
  { name: 'duty-roster', route: 'packages/officer/pages/roster/index', persona: 'admin-xly', ready: '排一个班' },
  { name: 'routing-rules', route: 'packages/officer/pages/routing-rules/index', persona: 'admin-xly', ready: '保存转交规则' },
];
