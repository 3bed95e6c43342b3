/**
 * The directory function on the demo data: community lookup by list, address and location,
 * the beat-officer card, and routing with its fallbacks, emergencies and per-station rules.
 * Routing depends on who is on duty, so these tests pin the clock (only Date is faked).
 */
import { actions } from '@domain/actions';
import { PLACE_NEEDED } from '@domain/consult';
import { DEFAULT_ROUTING_RULES } from '@domain/routing';
import { DEMO_BOUNDARIES } from '@local-cloud/seed/demo-geography';
import { persona } from '../support/cloud-harness';
import { clockedHarness } from '../support/clocked-harness';

/** A Wednesday, 10:00 and 22:00 Beijing time. */
const WEDNESDAY_MORNING = new Date('2026-11-25T10:00:00+08:00');
const WEDNESDAY_NIGHT = new Date('2026-11-25T22:00:00+08:00');

const harness = clockedHarness(WEDNESDAY_MORNING);

const wang = () => persona('resident-xly2').openid;
const ok = <T>(result: { ok: true; data: T } | { ok: false; error: { code: string; message: string } }): T => {
  if (!result.ok) throw new Error(`expected success, got ${result.error.code}: ${result.error.message}`);
  return result.data;
};
const centreOf = (communityId: string) => DEMO_BOUNDARIES.find((boundary) => boundary.communityId === communityId)!.centre;

describe('finding the home community', () => {
  test('searching the list by part of a name or an alias', async () => {
    const byName = ok(await harness.call(wang(), actions.directory.listCommunities, { keyword: '花椒' }));
    expect(byName.map((community) => community.name)).toEqual(['花椒树社区']);
    const byAlias = ok(await harness.call(wang(), actions.directory.listCommunities, { keyword: '西罗园二区' }));
    expect(byAlias).toEqual([expect.objectContaining({ id: 'xly-2', stationName: '西罗园派出所', postName: '西罗园北警务区' })]);
  });

  test('typed addresses resolve to a community, list candidates when ambiguous, or say what to do', async () => {
    expect(ok(await harness.call(wang(), actions.directory.resolveAddress, { text: '西罗园二区5号楼3单元301' }))).toMatchObject({ kind: 'match', community: { id: 'xly-2' } });
    expect(ok(await harness.call(wang(), actions.directory.resolveAddress, { text: '洋桥东里12号楼' }))).toMatchObject({ kind: 'match', community: { id: 'yangqiao-dongli' } });
    const ambiguous = ok(await harness.call(wang(), actions.directory.resolveAddress, { text: '西罗园5号楼' }));
    expect(ambiguous.kind === 'ambiguous' && ambiguous.candidates.map((candidate) => candidate.id).sort()).toEqual(['xly-1', 'xly-2', 'xly-3', 'xly-4']);
    expect(ok(await harness.call(wang(), actions.directory.resolveAddress, { text: '上海市浦东新区世纪大道' }))).toMatchObject({ kind: 'none', hint: expect.stringContaining('选择社区') });
  });

  test('a shared location finds its community, and flags neighbours within 100 m', async () => {
    expect(ok(await harness.call(wang(), actions.directory.locate, centreOf('hanggang-beiyuan')))).toMatchObject({ community: { id: 'hanggang-beiyuan', stationName: '半山派出所' }, nearby: [] });
    // On the line between 西罗园一区 and 二区, nudged ~20 m into 一区.
    const xly1 = DEMO_BOUNDARIES.find((boundary) => boundary.communityId === 'xly-1')!;
    const eastEdge = xly1.outer[5]!;
    const nearLine = { latitude: eastEdge.latitude, longitude: eastEdge.longitude - 0.00025 };
    const located = ok(await harness.call(wang(), actions.directory.locate, nearLine));
    expect(located.community?.id).toBe('xly-1');
    expect(located.nearby.map((community) => community.id)).toContain('xly-2');
    expect(ok(await harness.call(wang(), actions.directory.locate, { latitude: 31.23, longitude: 121.47 }))).toEqual({ nearby: [] });
  });

  test('binding a community shows the resident their station, post and beat officer', async () => {
    const newcomer = 'openid-new-in-xly2';
    expect(ok(await harness.call(newcomer, actions.directory.myBeatCard, {}))).toBeNull();
    const me = ok(await harness.call(newcomer, actions.directory.bindHomeCommunity, { communityId: 'xly-2', via: 'address' }));
    expect(me.homeCommunity).toEqual({ id: 'xly-2', name: '西罗园第二社区', stationName: '西罗园派出所' });
    const card = ok(await harness.call(newcomer, actions.directory.myBeatCard, {}));
    expect(card).toMatchObject({
      community: { name: '西罗园第二社区' },
      station: { name: '西罗园派出所', phone: '010-6721 0110' },
      post: { name: '西罗园北警务区', phone: '010-6721 0121' },
      officer: { title: '赵警官', kindsLabel: '社区民警' },
    });
    expect(await harness.call(newcomer, actions.directory.bindHomeCommunity, { communityId: 'atlantis', via: 'list' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('routing a question', () => {
  test('ID-card questions go to the hall desk of the resident’s station', async () => {
    const routed = ok(await harness.call(wang(), actions.directory.routeQuestion, { category: 'household', text: '身份证快到期了，要带什么材料' }));
    expect(routed).toMatchObject({ stationName: '西罗园派出所', assigneeLabel: '西罗园派出所 综合服务大厅', priority: 'normal' });
    expect(routed.reason).toContain('西罗园派出所 综合服务大厅');
  });

  test('disputes go to the beat officer, with a reason the resident can read', async () => {
    const routed = ok(await harness.call(wang(), actions.directory.routeQuestion, { category: 'dispute', text: '楼上装修太吵了，想请社区民警协调一下' }));
    expect(routed).toMatchObject({ assigneeLabel: '赵警官（社区民警）', postName: '西罗园北警务区' });
    expect(routed.reason).toBe('已转给 西罗园派出所 赵警官（西罗园第二社区 社区民警）');
  });

  test('at night the post’s on-duty colleague takes it', async () => {
    jest.setSystemTime(WEDNESDAY_NIGHT);
    const routed = ok(await harness.call(wang(), actions.directory.routeQuestion, { category: 'dispute', text: '楼上装修太吵了，想请社区民警协调一下' }));
    expect(routed.assigneeLabel).toContain('程警官');
    expect(routed.reason).toContain('程警官');
  });

  test('fraud checks go to the anti-fraud officer with top priority', async () => {
    const routed = ok(await harness.call(wang(), actions.directory.routeQuestion, { category: 'fraudCheck', text: '有人说帮我理财，让我先交保证金，这个靠谱吗' }));
    expect(routed).toMatchObject({ assigneeLabel: '马警官（反诈民警）', priority: 'urgent' });
  });

  test('without a home community, the location decides the station', async () => {
    const routed = ok(await harness.call('openid-visitor', actions.directory.routeQuestion, { category: 'dispute', text: '小区门口停车纠纷', location: centreOf('hanggang-beiyuan') }));
    expect(routed).toMatchObject({ stationName: '半山派出所', assigneeLabel: '田警官（社区民警）' });
  });

  test('without a home community, a typed address registers one, and the question then goes there', async () => {
    // The address is where a resident says where they live once (按地址找社区), not a part of each question.
    const typed = ok(await harness.call('openid-visitor-by-address', actions.directory.resolveAddress, { text: '洋桥东里12号楼' }));
    expect(typed).toMatchObject({ kind: 'match', community: { id: 'yangqiao-dongli' } });
    ok(await harness.call('openid-visitor-by-address', actions.directory.bindHomeCommunity, { communityId: 'yangqiao-dongli', via: 'address' }));
    const routed = ok(await harness.call('openid-visitor-by-address', actions.directory.routeQuestion, { category: 'household', text: '孩子出生登记要带什么' }));
    expect(routed).toMatchObject({ stationName: '西罗园派出所', assigneeLabel: '西罗园派出所 综合服务大厅' });
    const withAddress = { category: 'household', text: '孩子出生登记要带什么', address: '洋桥东里12号楼' } as unknown as { category: 'household'; text: string };
    expect(await harness.call('openid-visitor', actions.directory.routeQuestion, withAddress)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  test('with nothing known, the preview says what is missing instead of promising an answer', async () => {
    const routed = ok(await harness.call('openid-visitor', actions.directory.routeQuestion, { category: 'other', text: '想问问小区里的消防通道' }));
    expect(routed).toMatchObject({ placeNeeded: true, reason: expect.stringContaining('请先登记您住的社区'), expectation: PLACE_NEEDED.expectation });
    const known = ok(await harness.call(wang(), actions.directory.routeQuestion, { category: 'other', text: '想问问小区里的消防通道' }));
    expect(known.placeNeeded).toBeUndefined();
  });

  test('an emergency in progress gets the 110 prompt at once; the preview stores nothing and tells nobody', async () => {
    const routed = ok(await harness.call(wang(), actions.directory.routeQuestion, { category: 'other', text: '楼下有人拿刀砍人，快来！' }));
    expect(routed.emergency?.prompt).toContain('110');
    expect(routed.priority).toBe('urgent');
    expect(harness.engine.find('routing_decisions')).toHaveLength(0);
    expect(harness.engine.find('officer_notifications')).toHaveLength(0);
    expect(await harness.call(wang(), actions.directory.listOfficerAlerts, { stationId: 'xiluoyuan' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  test('a question about a past event is not an emergency', async () => {
    const routed = ok(await harness.call(wang(), actions.directory.routeQuestion, { category: 'fraudCheck', text: '上次被骗的事想咨询一下' }));
    expect(routed.emergency).toBeUndefined();
    expect(harness.engine.find('officer_notifications')).toHaveLength(0);
  });

  test('a preview is a dry run: it says when to expect an answer, and stores no decision', async () => {
    const routed = ok(await harness.call(wang(), actions.directory.routeQuestion, { category: 'dispute', text: '楼上装修太吵了' }));
    // 10:00 on a day shift that ends at 18:00; the normal target is 4 hours.
    expect(routed.expectation).toBe('赵警官 今天 14:00 前回复');
    expect(harness.engine.find('routing_decisions')).toHaveLength(0);
  });
});

describe('routing rules are data the station admin edits', () => {
  test('the admin sends disputes to the duty desk; routing follows at once', async () => {
    const admin = persona('admin-xly').openid;
    expect(ok(await harness.call(admin, actions.directory.getRoutingRules, { stationId: 'xiluoyuan' }))).toMatchObject({ isDefault: true });
    const updated = ok(
      await harness.call(admin, actions.directory.updateRoutingRules, {
        stationId: 'xiluoyuan',
        byCategory: { ...DEFAULT_ROUTING_RULES, dispute: { target: 'dutyDesk', priority: 'high' } },
      }),
    );
    expect(updated).toMatchObject({ isDefault: false, byCategory: { dispute: { target: 'dutyDesk' } } });
    const routed = ok(await harness.call(wang(), actions.directory.routeQuestion, { category: 'dispute', text: '邻居家的狗天天叫' }));
    expect(routed).toMatchObject({ assigneeLabel: '西罗园派出所 值班室', priority: 'high' });
  });

  test('incomplete rules are refused with a readable message, and nothing changes', async () => {
    const admin = persona('admin-xly').openid;
    const { dispute: _dropped, ...incomplete } = DEFAULT_ROUTING_RULES;
    const result = await harness.raw(admin, 'directory', { action: 'updateRoutingRules', input: { stationId: 'xiluoyuan', byCategory: incomplete } });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(harness.engine.find('routing_rules')).toHaveLength(0);
  });
});
