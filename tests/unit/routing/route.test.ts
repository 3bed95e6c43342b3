import { createRoutingSnapshot, officerDisplayName, route, type DirectorySnapshot, type RoutingInput } from '@domain/routing';
import { BEFORE_DAWN, LATE_NIGHT, MORNING, directory, onDayShift, onNightShift, snapshot, stationRules } from './fixture';

const ask = (over: Partial<RoutingInput>): RoutingInput => ({ category: 'dispute', at: MORNING, ...over });

describe('where: station and post', () => {
  test('the community decides station, post and district', () => {
    const decision = route(ask({ communityId: 'xly-2' }), snapshot({ shifts: onDayShift('o-zhao') }));
    expect(decision).toMatchObject({ stationId: 's-xly', postId: 'p-xly-n', districtId: 'd-fengtai' });
    expect(decision.steps.slice(0, 3)).toEqual(['community:xly-2', 'post:p-xly-n', 'station:s-xly']);
  });

  test('without a community: the station by location, post unknown (the post step is skipped)', () => {
    const decision = route(ask({ stationIdByLocation: 's-xly' }), snapshot({ shifts: onDayShift('o-zhao', 'o-cheng') }));
    expect(decision).toMatchObject({ stationId: 's-xly', districtId: 'd-fengtai', assignee: { type: 'desk', desk: 'duty', stationId: 's-xly' } });
    expect(decision.postId).toBeUndefined();
    expect(decision.reason).toBe('暂时无法确定您所在的社区，已转给 西罗园派出所 值班室');
    expect(decision.steps).toEqual([
      'station:s-xly:by-location',
      'rules:default',
      'rule:beatOfficer',
      'beat:skipped:no-community',
      'post-colleague:skipped:no-post',
      'duty-desk:s-xly',
    ]);
  });

  test('neither community nor station: the district general queue', () => {
    const decision = route(ask({ districtId: 'd-gongshu', category: 'household' }), snapshot());
    expect(decision).toEqual({
      districtId: 'd-gongshu',
      assignee: { type: 'districtQueue', districtId: 'd-gongshu' },
      priority: 'normal',
      reason: '暂时无法确定您所在的辖区，已转到 拱墅区公安分局 综合受理，会尽快为您转给负责的民警',
      steps: ['district:d-gongshu', 'rules:default', 'rule:hallDesk', 'district-queue:d-gongshu'],
    });
  });

  test('nothing known at all: the global queue, keeping the default priority', () => {
    const decision = route(ask({ category: 'publicSecurity' }), snapshot());
    expect(decision).toEqual({
      assignee: { type: 'globalQueue' },
      priority: 'high',
      reason: '暂时无法确定您所在的辖区，已转到 枫桥邻警 综合受理，会尽快为您转给负责的民警',
      steps: ['district:none', 'rules:default', 'rule:beatOfficer', 'global-queue'],
    });
  });

  test('nothing known, but the directory has one district: its queue', () => {
    const oneDistrict: DirectorySnapshot = { ...directory, districts: directory.districts.filter((d) => d.id === 'd-gongshu') };
    const decision = route(ask({}), snapshot({}, [], oneDistrict));
    expect(decision.assignee).toEqual({ type: 'districtQueue', districtId: 'd-gongshu' });
    expect(decision.steps[0]).toBe('district:d-gongshu:only-one');
  });

  test('when community and location disagree, the community wins', () => {
    const decision = route(ask({ communityId: 'xly-2', stationIdByLocation: 's-dhm' }), snapshot({ shifts: onDayShift('o-zhao') }));
    expect(decision.stationId).toBe('s-xly');
    expect(decision.assignee).toEqual({ type: 'officer', officerId: 'o-zhao' });
  });
});

describe('unknown ids degrade along the chain, never throw', () => {
  test('unknown community → station by location', () => {
    const decision = route(ask({ communityId: 'nowhere', stationIdByLocation: 's-xly' }), snapshot());
    expect(decision.stationId).toBe('s-xly');
    expect(decision.steps.slice(0, 2)).toEqual(['community:nowhere:unknown', 'station:s-xly:by-location']);
  });

  test('unknown community and station → district; unknown district → global queue', () => {
    const toDistrict = route(ask({ communityId: 'nowhere', stationIdByLocation: 's-nowhere', districtId: 'd-fengtai' }), snapshot());
    expect(toDistrict.assignee).toEqual({ type: 'districtQueue', districtId: 'd-fengtai' });
    expect(toDistrict.steps.slice(0, 3)).toEqual(['community:nowhere:unknown', 'station:s-nowhere:unknown', 'district:d-fengtai']);

    const toGlobal = route(ask({ stationIdByLocation: 's-nowhere', districtId: 'd-nowhere' }), snapshot());
    expect(toGlobal.assignee).toEqual({ type: 'globalQueue' });
    expect(toGlobal.steps.slice(0, 3)).toEqual(['station:s-nowhere:unknown', 'district:d-nowhere:unknown', 'district:none']);
  });

  test('a community whose station is missing counts as unknown', () => {
    const decision = route(ask({ communityId: 'orphan', stationIdByLocation: 's-cq', category: 'household' }), snapshot());
    expect(decision.steps.slice(0, 2)).toEqual(['community:orphan:station-unknown', 'station:s-cq:by-location']);
    expect(decision.assignee).toEqual({ type: 'desk', desk: 'hall', stationId: 's-cq' });
  });

  test('a community whose post is missing still routes; the post step is skipped', () => {
    const broken: DirectorySnapshot = { ...directory, posts: directory.posts.filter((p) => p.id !== 'p-xly-n') };
    const decision = route(ask({ communityId: 'xly-2' }), snapshot({ shifts: onDayShift('o-cheng') }, [], broken));
    expect(decision.postId).toBeUndefined();
    expect(decision.steps).toEqual([
      'community:xly-2',
      'post:p-xly-n:unknown',
      'station:s-xly',
      'rules:default',
      'rule:beatOfficer',
      'beat:o-zhao:off-duty',
      'post-colleague:skipped:no-post',
      'duty-desk:s-xly',
    ]);
  });

  test('an unknown category is treated as "other"; an invalid time finds nobody on duty', () => {
    const decision = route(ask({ communityId: 'xly-2', category: 'parking' as never, at: new Date(NaN) }), snapshot({ shifts: onDayShift('o-zhao') }));
    expect(decision.steps[0]).toBe('category:parking:unknown');
    expect(decision.assignee).toEqual({ type: 'desk', desk: 'duty', stationId: 's-xly' });
  });

  test('a directory with empty or missing parts still answers', () => {
    const empty = createRoutingSnapshot({ directory: { districts: [], stations: [], posts: [], communities: [], officers: [] }, roster: { shifts: [], leave: [] } });
    expect(route(ask({ communityId: 'xly-2', stationIdByLocation: 's-xly', districtId: 'd-fengtai' }), empty).assignee).toEqual({ type: 'globalQueue' });
    const partial = createRoutingSnapshot({ directory: { stations: directory.stations } as unknown as DirectorySnapshot, roster: {} as never, rules: [null as never] });
    expect(route(ask({ stationIdByLocation: 's-xly', category: 'fraudCheck' }), partial).assignee).toEqual({ type: 'desk', desk: 'duty', stationId: 's-xly' });
  });
});

describe('hallDesk and dutyDesk', () => {
  test('household goes to the hall desk, without a duty check', () => {
    const decision = route(ask({ communityId: 'cq-1', category: 'household' }), snapshot());
    expect(decision).toMatchObject({
      stationId: 's-cq',
      districtId: 'd-gongshu',
      assignee: { type: 'desk', desk: 'hall', stationId: 's-cq' },
      priority: 'normal',
      reason: '已转给 长庆派出所 综合服务大厅（户籍/出入境窗口）',
    });
    expect(decision.steps.slice(-3)).toEqual(['rules:default', 'rule:hallDesk', 'hall-desk:s-cq']);
  });

  test.each(['exitEntry', 'residencePermit'] as const)('%s goes to the hall desk too', (category) => {
    expect(route(ask({ stationIdByLocation: 's-xly', category }), snapshot()).assignee).toEqual({ type: 'desk', desk: 'hall', stationId: 's-xly' });
  });

  test('a station rule can send a category to the duty desk', () => {
    const rules = [stationRules('s-xly', { other: { target: 'dutyDesk', priority: 'normal' } })];
    const decision = route(ask({ communityId: 'xly-2', category: 'other' }), snapshot({ shifts: onDayShift('o-zhao') }, rules));
    expect(decision.assignee).toEqual({ type: 'desk', desk: 'duty', stationId: 's-xly' });
    expect(decision.reason).toBe('已转给 西罗园派出所 值班室');
    expect(decision.steps.slice(-3)).toEqual(['rules:station', 'rule:dutyDesk', 'duty-desk:s-xly']);
  });
});

describe('beatOfficer', () => {
  test('the beat officer on duty gets it', () => {
    const decision = route(ask({ communityId: 'xly-2' }), snapshot({ shifts: onDayShift('o-zhao', 'o-cheng') }));
    expect(decision).toEqual({
      stationId: 's-xly',
      postId: 'p-xly-n',
      districtId: 'd-fengtai',
      assignee: { type: 'officer', officerId: 'o-zhao' },
      priority: 'normal',
      reason: '已转给 西罗园派出所 赵警官（西罗园第二社区 社区民警）',
      steps: ['community:xly-2', 'post:p-xly-n', 'station:s-xly', 'rules:default', 'rule:beatOfficer', 'beat:o-zhao'],
    });
  });

  test('publicSecurity is high priority by default', () => {
    expect(route(ask({ communityId: 'xly-2', category: 'publicSecurity' }), snapshot({ shifts: onDayShift('o-zhao') })).priority).toBe('high');
  });

  test('off duty → an on-duty colleague at the same post', () => {
    const decision = route(ask({ communityId: 'xly-2', at: LATE_NIGHT }), snapshot({ shifts: [...onDayShift('o-zhao'), ...onNightShift('o-cheng')] }));
    expect(decision.assignee).toEqual({ type: 'officer', officerId: 'o-cheng' });
    expect(decision.postId).toBe('p-xly-n');
    expect(decision.reason).toBe('赵警官现在不在岗，已转给 西罗园北警务区 值班的程警官');
    expect(decision.steps.slice(-3)).toEqual(['rule:beatOfficer', 'beat:o-zhao:off-duty', 'post-colleague:o-cheng']);
  });

  test('a night shift crossing midnight still counts before dawn', () => {
    const decision = route(ask({ communityId: 'xly-2', at: BEFORE_DAWN }), snapshot({ shifts: onNightShift('o-zhao') }));
    expect(decision.assignee).toEqual({ type: 'officer', officerId: 'o-zhao' });
  });

  test('on leave overrides the shift', () => {
    const leave = [{ officerId: 'o-zhao', from: new Date('2026-03-10T00:00:00+08:00'), to: new Date('2026-03-11T00:00:00+08:00') }];
    const decision = route(ask({ communityId: 'xly-2' }), snapshot({ shifts: onDayShift('o-zhao', 'o-cheng'), leave }));
    expect(decision.assignee).toEqual({ type: 'officer', officerId: 'o-cheng' });
    expect(decision.reason).toBe('赵警官现在不在岗，已转给 西罗园北警务区 值班的程警官');
    expect(decision.steps).toContain('beat:o-zhao:on-leave');
  });

  test('no colleague on duty → the station duty desk', () => {
    const decision = route(ask({ communityId: 'xly-2', at: LATE_NIGHT }), snapshot({ shifts: onDayShift('o-zhao', 'o-cheng') }));
    expect(decision.assignee).toEqual({ type: 'desk', desk: 'duty', stationId: 's-xly' });
    expect(decision.reason).toBe('赵警官现在不在岗，已转给 西罗园派出所 值班室');
    expect(decision.steps.slice(-4)).toEqual(['rule:beatOfficer', 'beat:o-zhao:off-duty', 'post-colleague:none', 'duty-desk:s-xly']);
  });

  test('a community without a beat officer → the post colleague, saying so', () => {
    const decision = route(ask({ communityId: 'xly-1' }), snapshot({ shifts: onDayShift('o-cheng') }));
    expect(decision.assignee).toEqual({ type: 'officer', officerId: 'o-cheng' });
    expect(decision.reason).toBe('西罗园第一社区暂未安排社区民警，已转给 西罗园北警务区 值班的程警官');
    expect(decision.steps.slice(-2)).toEqual(['beat:none', 'post-colleague:o-cheng']);
  });

  test('several beat officers: fewest communities first, then the next one on duty', () => {
    const both = route(ask({ communityId: 'xly-3' }), snapshot({ shifts: onDayShift('o-li', 'o-wang') }));
    expect(both.assignee).toEqual({ type: 'officer', officerId: 'o-wang' });
    // No title: surname + 警官, never the full name.
    expect(both.reason).toBe('已转给 西罗园派出所 王警官（西罗园第三社区 社区民警）');

    const onlyLi = route(ask({ communityId: 'xly-3' }), snapshot({ shifts: onDayShift('o-li') }));
    expect(onlyLi.assignee).toEqual({ type: 'officer', officerId: 'o-li' });
    expect(onlyLi.reason).toBe('王警官现在不在岗，已转给 西罗园派出所 李警官（西罗园第三社区 社区民警）');
    expect(onlyLi.steps.slice(-2)).toEqual(['beat:o-wang:off-duty', 'beat:o-li']);
  });

  test('ties between beat officers break by id, whatever the directory order', () => {
    const twins: DirectorySnapshot = {
      ...directory,
      officers: [
        { id: 'o-b', name: '白', stationId: 's-xly', postId: 'p-yq', kinds: ['beat'], communityIds: ['huajiaoshu'] },
        { id: 'o-a', name: '艾', stationId: 's-xly', postId: 'p-yq', kinds: ['beat'], communityIds: ['huajiaoshu'] },
      ],
    };
    const reversed: DirectorySnapshot = { ...twins, officers: [...twins.officers].reverse() };
    for (const dir of [twins, reversed]) {
      expect(route(ask({ communityId: 'huajiaoshu' }), snapshot({ shifts: onDayShift('o-a', 'o-b') }, [], dir)).assignee).toEqual({ type: 'officer', officerId: 'o-a' });
    }
  });

  test('post colleagues: another beat officer first, then duty, then anyone; all beat officers off → the duty officer', () => {
    const beatColleague = route(ask({ communityId: 'xly-4' }), snapshot({ shifts: onDayShift('o-wang', 'o-zz-duty', 'o-a-hall') }));
    expect(beatColleague.assignee).toEqual({ type: 'officer', officerId: 'o-wang' });
    expect(beatColleague.reason).toBe('李警官现在不在岗，已转给 西罗园南警务区 值班的王警官');

    const dutyColleague = route(ask({ communityId: 'xly-4' }), snapshot({ shifts: onDayShift('o-zz-duty', 'o-a-hall') }));
    expect(dutyColleague.assignee).toEqual({ type: 'officer', officerId: 'o-zz-duty' });

    const anyColleague = route(ask({ communityId: 'xly-4' }), snapshot({ shifts: onDayShift('o-a-hall') }));
    expect(anyColleague.assignee).toEqual({ type: 'officer', officerId: 'o-a-hall' });
  });

  test('colleagues of another post are not asked', () => {
    const decision = route(ask({ communityId: 'xly-2' }), snapshot({ shifts: onDayShift('o-wang', 'o-zz-duty') }));
    expect(decision.assignee).toEqual({ type: 'desk', desk: 'duty', stationId: 's-xly' });
  });
});

describe('antiFraudOfficer', () => {
  test('the station anti-fraud officer on duty, urgent', () => {
    const decision = route(ask({ communityId: 'xly-2', category: 'fraudCheck' }), snapshot({ shifts: onDayShift('o-qian', 'o-zhao') }));
    expect(decision).toMatchObject({ assignee: { type: 'officer', officerId: 'o-qian' }, priority: 'urgent', reason: '已转给 西罗园派出所 钱警官（反诈民警）' });
    expect(decision.steps.slice(-3)).toEqual(['rules:default', 'rule:antiFraudOfficer', 'anti-fraud:o-qian']);
  });

  test('off duty → an on-duty anti-fraud officer elsewhere in the district', () => {
    const decision = route(ask({ communityId: 'xly-2', category: 'fraudCheck', at: LATE_NIGHT }), snapshot({ shifts: [...onDayShift('o-qian'), ...onNightShift('o-sun')] }));
    expect(decision).toMatchObject({ stationId: 's-xly', assignee: { type: 'officer', officerId: 'o-sun' }, priority: 'urgent' });
    expect(decision.reason).toBe('西罗园派出所暂时没有在岗的反诈民警，已转给 大红门派出所 孙警官（反诈民警）');
    expect(decision.steps.slice(-2)).toEqual(['anti-fraud:o-qian:off-duty', 'district-anti-fraud:o-sun']);
  });

  test('an anti-fraud officer nobody can reach (no account) is passed over: the check goes where someone will read it', () => {
    const unreachable: typeof directory = { ...directory, officers: directory.officers.map((officer) => (officer.id === 'o-qian' ? { ...officer, reachable: false } : officer)) };
    const decision = route(ask({ communityId: 'xly-2', category: 'fraudCheck' }), snapshot({ shifts: onDayShift('o-qian', 'o-sun', 'o-zhao') }, [], unreachable));
    expect(decision).toMatchObject({ assignee: { type: 'officer', officerId: 'o-sun' }, priority: 'urgent' });
    expect(decision.steps.slice(-2)).toEqual(['anti-fraud:o-qian:no-account', 'district-anti-fraud:o-sun']);
    const nobody = { ...unreachable, officers: unreachable.officers.map((officer) => (officer.id === 'o-sun' ? { ...officer, reachable: false } : officer)) };
    expect(route(ask({ communityId: 'xly-2', category: 'fraudCheck' }), snapshot({ shifts: onDayShift('o-qian', 'o-sun') }, [], nobody)).assignee).toEqual({ type: 'desk', desk: 'duty', stationId: 's-xly' });
  });

  test('nobody in the district → the station duty desk, still urgent', () => {
    const decision = route(ask({ communityId: 'xly-2', category: 'fraudCheck' }), snapshot({ shifts: onDayShift('o-zhao') }));
    expect(decision).toMatchObject({ assignee: { type: 'desk', desk: 'duty', stationId: 's-xly' }, priority: 'urgent' });
    expect(decision.reason).toBe('西罗园派出所暂时没有在岗的反诈民警，已转给 西罗园派出所 值班室');
    expect(decision.steps.slice(-3)).toEqual(['anti-fraud:o-qian:off-duty', 'district-anti-fraud:none', 'duty-desk:s-xly']);
  });

  test('another district is never asked', () => {
    const decision = route(ask({ communityId: 'cq-1', category: 'fraudCheck' }), snapshot({ shifts: onDayShift('o-qian', 'o-sun') }));
    expect(decision.assignee).toEqual({ type: 'desk', desk: 'duty', stationId: 's-cq' });
    expect(decision.steps.slice(-3)).toEqual(['anti-fraud:none', 'district-anti-fraud:none', 'duty-desk:s-cq']);
  });

  test('only the district known: its on-duty anti-fraud officer before the queue', () => {
    const decision = route(ask({ districtId: 'd-fengtai', category: 'fraudCheck' }), snapshot({ shifts: onDayShift('o-sun') }));
    expect(decision).toMatchObject({ districtId: 'd-fengtai', assignee: { type: 'officer', officerId: 'o-sun' }, priority: 'urgent', reason: '已转给 大红门派出所 孙警官（反诈民警）' });
    expect(decision.stationId).toBeUndefined();

    const nobody = route(ask({ districtId: 'd-fengtai', category: 'fraudCheck' }), snapshot());
    expect(nobody.assignee).toEqual({ type: 'districtQueue', districtId: 'd-fengtai' });
    expect(nobody.steps.slice(-2)).toEqual(['district-anti-fraud:none', 'district-queue:d-fengtai']);
  });
});

describe('per-station rules', () => {
  test('a station rule overrides the default, for that station only', () => {
    const rules = [stationRules('s-xly', { household: { target: 'beatOfficer', priority: 'high' } })];
    const snap = snapshot({ shifts: onDayShift('o-zhao') }, rules);

    const xly = route(ask({ communityId: 'xly-2', category: 'household' }), snap);
    expect(xly).toMatchObject({ assignee: { type: 'officer', officerId: 'o-zhao' }, priority: 'high' });
    expect(xly.steps).toContain('rules:station');

    const cq = route(ask({ communityId: 'cq-1', category: 'household' }), snap);
    expect(cq).toMatchObject({ assignee: { type: 'desk', desk: 'hall', stationId: 's-cq' }, priority: 'normal' });
    expect(cq.steps).toContain('rules:default');
  });

  test('a station may lower or raise priorities', () => {
    const rules = [stationRules('s-xly', { fraudCheck: { target: 'antiFraudOfficer', priority: 'high' }, dispute: { target: 'beatOfficer', priority: 'urgent' } })];
    const snap = snapshot({ shifts: onDayShift('o-qian', 'o-zhao') }, rules);
    expect(route(ask({ communityId: 'xly-2', category: 'fraudCheck' }), snap).priority).toBe('high');
    expect(route(ask({ communityId: 'xly-2', category: 'dispute' }), snap).priority).toBe('urgent');
  });

  test('a malformed stored rule falls back to the default for that category', () => {
    const rules = [stationRules('s-xly', { dispute: { target: 'mayor', priority: 'normal' } as never })];
    const decision = route(ask({ communityId: 'xly-2' }), snapshot({ shifts: onDayShift('o-zhao') }, rules));
    expect(decision.assignee).toEqual({ type: 'officer', officerId: 'o-zhao' });
    expect(decision.steps).toContain('rules:default');
  });
});

describe('boundary flag', () => {
  test('nearby communities of another station are flagged, with their stations', () => {
    const decision = route(
      ask({ communityId: 'xly-2', boundary: { nearbyCommunityIds: ['xly-2', 'xly-1', 'dhm-1', 'mystery'] } }),
      snapshot({ shifts: onDayShift('o-zhao') }),
    );
    expect(decision.boundaryFlag).toEqual({ nearbyStationIds: ['s-dhm'], nearbyCommunityIds: ['dhm-1'] });
    expect(decision.steps).toEqual(expect.arrayContaining(['boundary:mystery:unknown', 'boundary:flagged']));
    expect(decision.assignee).toEqual({ type: 'officer', officerId: 'o-zhao' });
  });

  test('another post of the same station is flagged too (the square-dance case inside one station)', () => {
    const decision = route(ask({ communityId: 'xly-2', boundary: { nearbyCommunityIds: ['xly-3', 'xly-1'] } }), snapshot());
    expect(decision.boundaryFlag).toEqual({ nearbyStationIds: [], nearbyCommunityIds: ['xly-3'] });
  });

  test('without a known post, only other stations count', () => {
    const decision = route(ask({ stationIdByLocation: 's-xly', boundary: { nearbyCommunityIds: ['xly-3', 'dhm-1'] } }), snapshot());
    expect(decision.boundaryFlag).toEqual({ nearbyStationIds: ['s-dhm'], nearbyCommunityIds: ['dhm-1'] });
  });

  test('a location in another station than the community is offered for transfer', () => {
    const decision = route(ask({ communityId: 'xly-2', stationIdByLocation: 's-dhm' }), snapshot());
    expect(decision.boundaryFlag).toEqual({ nearbyStationIds: ['s-dhm'], nearbyCommunityIds: [] });
  });

  test('no flag when everything nearby is ours, or unknown', () => {
    const decision = route(ask({ communityId: 'xly-2', stationIdByLocation: 's-xly', boundary: { nearbyCommunityIds: ['xly-1', 'xly-2', 'mystery'] } }), snapshot());
    expect(decision.boundaryFlag).toBeUndefined();
    expect(decision.steps).not.toContain('boundary:flagged');
  });
});

test('officerDisplayName: title, else surname + 警官', () => {
  expect(officerDisplayName({ name: '赵建国', title: '赵警官' })).toBe('赵警官');
  expect(officerDisplayName({ name: '程立' })).toBe('程警官');
  expect(officerDisplayName({ name: '', title: '  ' })).toBe('民警');
});

test('the same input and snapshot give the same decision', () => {
  const snap = snapshot({ shifts: onDayShift('o-li', 'o-wang', 'o-zz-duty') });
  const input = ask({ communityId: 'xly-3', boundary: { nearbyCommunityIds: ['dhm-1', 'xly-1'] } });
  expect(route(input, snap)).toEqual(route(input, snap));
});
