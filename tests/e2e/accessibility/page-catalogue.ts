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
  /** Query string the page needs to show content (ids the demo sets up itself, e.g. a station's). */
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

/** 西罗园's urgent alert, found as 王阿姨 finds it: by searching her feed (its id is made when the demo publishes it). */
async function xlyAlert(call: CallAction): Promise<string> {
  const found = data<{ items: { id: string; title: string }[] }>(await call('resident-xly2', 'feed', 'listArticles', { keyword: '安全账户' }));
  const item = found.items.find((candidate) => candidate.title.startsWith('紧急提醒：有人冒充“公安局”'));
  if (!item) throw new Error('prepare: 西罗园’s 冒充公安 alert is not in 王阿姨’s feed');
  return `id=${item.id}`;
}

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

/** The scene of 西罗园第二社区's contact card, as a scan hands it to the page. */
async function contactCardScene(call: CallAction): Promise<string> {
  const code = data<{ scene: string }>(await call('officer-beat-xly', 'directory', 'contactCardCode', { stationId: 'xiluoyuan', communityId: 'xly-2' }));
  return `scene=${encodeURIComponent(code.scene)}`;
}

/** A 1×1 PNG: a scene photo, as far as the page checks care. */
const TINY_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgABSK+kcQAAAABJRU5ErkJggg==';
const mediationPhoto = async (call: CallAction, persona: string) => data<{ fileId: string }>(await call(persona, 'media', 'uploadImage', { context: 'mediation', image: TINY_PNG })).fileId;

/** A noise case 赵警官 entered with a scene photo, with a round table convened: for the officer's case page and a force's pass. Made once per run. */
let mediation: Promise<{ caseId: string; passQuery: string }> | undefined;
function mediationCase(call: CallAction): Promise<{ caseId: string; passQuery: string }> {
  mediation ??= (async () => {
    const opened = data<{ id: string }>(
      await call('officer-beat-xly', 'mediation', 'openCase', {
        source: 'phone',
        communityId: 'xly-2',
        category: 'noise',
        place: { text: '西罗园二区7号楼' },
        description: '楼上装修周末一早砸墙，楼下住户电话反映。',
        parties: [{ name: '孙女士', phone: '13800001234' }, { name: '装修户 钱先生' }],
        photoFileIds: [await mediationPhoto(call, 'officer-beat-xly')],
      }),
    );
    const convened = data<{ sessions: { invitations: { roleLabel: string; passPath?: string }[] }[] }>(
      await call('officer-beat-xly', 'mediation', 'conveneSession', {
        caseId: opened.id,
        at: new Date(Date.now() + 2 * 86_400_000).toISOString(),
        participants: [{ kind: 'party', partyId: 'p1' }, { kind: 'party', partyId: 'p2' }, { kind: 'adhoc', name: '物业周经理', roleLabel: '物业' }],
      }),
    );
    const passPath = convened.sessions[0]?.invitations.find((invitation) => invitation.roleLabel === '物业')?.passPath ?? '';
    return { caseId: opened.id, passQuery: passPath.slice(passPath.indexOf('?') + 1) };
  })();
  return mediation;
}

/** 王阿姨's own 申请调解, for the resident's case page. Made once per run (three requests a day). */
let request: Promise<string> | undefined;
function requestedCase(call: CallAction): Promise<string> {
  request ??= (async () => {
    const requested = data<{ id: string }>(
      await call('resident-xly2', 'mediation', 'requestMediation', { category: 'renovation', description: '隔壁装修周末一早就砸墙，想请社区民警调解。', place: { text: '西罗园二区5号楼' }, otherParty: { name: '隔壁装修户' }, photoFileIds: [await mediationPhoto(call, 'resident-xly2')] }),
    );
    return `id=${requested.id}`;
  })();
  return request;
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
  { name: 'article', route: 'packages/content/pages/article/index', prepare: xlyAlert, persona: 'resident-xly2', ready: '冒充' },
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
  // 圆桌调解.
  { name: 'officer-mediation-cases', route: 'packages/officer/pages/mediation-cases/index', persona: 'officer-beat-xly', ready: '年调解成效' },
  { name: 'officer-mediation-open', route: 'packages/officer/pages/mediation-open/index', persona: 'officer-beat-xly', ready: '西罗园第二社区' },
  { name: 'officer-mediation-case', route: 'packages/officer/pages/mediation-case/index', prepare: async (call) => `id=${(await mediationCase(call)).caseId}`, persona: 'officer-beat-xly', ready: '第 1 次圆桌调解会' },
  { name: 'officer-mediation-roster', route: 'packages/officer/pages/mediation-roster/index', persona: 'officer-beat-xly', ready: '保存名单' },
  { name: 'mediation-apply', route: 'packages/mediation/pages/apply/index', persona: 'resident-xly2', ready: '提交申请' },
  { name: 'mediation-mine', route: 'packages/mediation/pages/mine/index', prepare: async (call) => { await requestedCase(call); return ''; }, persona: 'resident-xly2', ready: '待受理' },
  { name: 'mediation-case', route: 'packages/mediation/pages/case/index', prepare: requestedCase, persona: 'resident-xly2', ready: '隔壁装修周末一早就砸墙' },
  { name: 'mediation-pass', route: 'packages/mediation/pages/pass/index', prepare: async (call) => (await mediationCase(call)).passQuery, persona: 'resident-xly2', ready: '邀请您参加圆桌调解会' },
  // 我的数据 (PIPL): what is held, export, deletion.
  { name: 'my-data', route: 'packages/content/pages/my-data/index', persona: 'resident-xly2', ready: '导出一份' },
  // Where residents already are: contact cards and the bank counter.
  { name: 'contact-card', route: 'packages/content/pages/card/index', prepare: contactCardScene, persona: 'resident-xly2', ready: '扫码问片警 · 紧急情况请拨打 110' },
  { name: 'officer-contact-cards', route: 'packages/officer/pages/contact-cards/index', persona: 'officer-beat-xly', ready: '选择社区' },
  { name: 'bank-check', route: 'packages/consult/pages/bank-check/index', persona: 'partner-bank-kq', ready: '立即请反诈民警核实' },
  { name: 'officer-bank-partners', route: 'packages/officer/pages/bank-partners/index', persona: 'officer-antifraud-kq', ready: '合作网点' },
  { name: 'officer-dashboard', route: 'packages/figures/pages/dashboard/index', persona: 'admin-xly', ready: '问片警' },
  { name: 'officer-audit-log', route: 'packages/officer/pages/audit-log/index', persona: 'admin-xly', ready: /已显示|没有符合条件的记录/ },
  { name: 'officer-dashboard-custom-period', route: 'packages/figures/pages/dashboard/index', query: 'period=custom', persona: 'admin-xly', ready: '趋势图' },
  { name: 'officer-district-comparison', route: 'packages/figures/pages/dashboard/index', persona: 'admin-gongshu', ready: '各所提问数' },
  // 我是民警: an officer's one-time invite code, on its own page (officer subpackage).
  { name: 'officer-join', route: 'packages/officer/pages/join/index', persona: 'resident-xly2', ready: '民警邀请码' },
];
