/**
 * The two mediation stories behind the product, loaded through the mediation function's own
 * actions as the officers who handled them (so the cases' records tell them, step by step):
 *
 * - 西罗园 (shared/seeds/xiluoyuan-police-station.txt): a new owner on the 4th floor needs the
 *   heating pipe mended, part of the work is in the 5th-floor flat, the neighbours fall out in the
 *   building's WeChat group; the owner phones on Thursday, 程警官 convenes the round table on
 *   Saturday at the 居委会 with the heating company, property, building head, 司法员, resident
 *   representative and lawyer; they shake hands. (The demo directory has 程亮 as 一区's officer.)
 * - 潮鸣 (shared/seeds/gongshu-police-fengqiao.txt): square-dance speakers by the 凤起 interchange,
 *   on the line between two jurisdictions; talks on 24 October, again on 30 October, ending in
 *   zones that do not disturb each other, a decibel limit and no dancing during major exams.
 *
 * Each action runs at its moment in the story (the local clock is set for it, then put back);
 * parties without the app sign the paper agreement and the officer photographs it.
 */
import zlib from 'node:zlib';
import type { ActionDefinition, InputOf, OutputOf } from '@domain/actions/define';
import { mediaActions } from '@domain/actions/media';
import { mediationActions } from '@domain/actions/mediation';
import type { ActionResult } from '@domain/result';
import { setLocalClock } from '../clock';
import { invokeLocalFunction } from '../functions';
import type { LocalDatabase } from '../database';
import { DEMO_BOUNDARIES } from './demo-geography';
import { DEMO_PERSONAS } from './demo-data';

const MARKER = { collection: '_local_meta', id: 'demo-mediation-v1' };

const openidOf = (key: string): string => {
  const persona = DEMO_PERSONAS.find((candidate) => candidate.key === key);
  if (!persona) throw new Error(`demo mediation: no persona ${key}`);
  return persona.openid;
};

/** A small grey PNG standing in for the photo of a signed paper agreement. */
function placeholderPhoto(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const width = 160;
  const height = 100;
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(0, 9); // greyscale
  const rows = Buffer.concat(Array.from({ length: height }, (_, y) => Buffer.concat([Buffer.from([0]), Buffer.alloc(width, y % 20 === 10 ? 90 : 235)])));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', zlib.deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

interface Runner {
  /** Sets the clock to a moment of the story. */
  at(iso: string): void;
  call<A extends ActionDefinition>(persona: string, definition: A, input: InputOf<A>): Promise<OutputOf<A>>;
}

function runner(envId: string): Runner {
  return {
    at(iso) {
      setLocalClock(new Date(iso));
    },
    async call(persona, definition, input) {
      const result = (await invokeLocalFunction(definition.fn, { action: definition.name, input }, { openid: openidOf(persona), envId })) as ActionResult<unknown>;
      if (!result.ok) throw new Error(`demo mediation: ${definition.name} failed: ${result.error.code} ${result.error.message}`);
      return result.data as OutputOf<typeof definition>;
    },
  };
}

/** The officer photographs the signed paper copy and uploads it like any photo (media function). */
async function signaturePhoto(run: Runner, officer: string): Promise<string> {
  const { fileId } = await run.call(officer, mediaActions.uploadImage, { context: 'mediation', image: placeholderPhoto().toString('base64') });
  return fileId;
}

async function heatingPipe(run: Runner): Promise<void> {
  const officer = 'officer-duty-xly'; // 程警官, 西罗园第一社区's beat officer in the demo directory
  run.at('2026-08-06T18:20:00+08:00');
  // 西罗园's 内勤 keeps the rosters of the six forces for every community.
  const roster = await run.call('admin-xly', mediationActions.saveRoster, {
    stationId: 'xiluoyuan',
    communityId: 'xly-1',
    members: [
      { force: 'committee', name: '韩秀兰', phone: '13601011101' },
      { force: 'buildingHead', name: '高建华', building: '8号楼', phone: '13601011102' },
      { force: 'judicialOfficer', name: '宋司法员', phone: '13601011103' },
      { force: 'residentRep', name: '冯大妈', phone: '13601011104' },
      { force: 'lawyer', name: '邓律师', org: '丰台区法律援助工作站' },
      { force: 'property', name: '物业刘经理', org: '西罗园物业', phone: '13601011105' },
    ],
  });
  const opened = await run.call(officer, mediationActions.openCase, {
    source: 'phone',
    communityId: 'xly-1',
    category: 'neighbour',
    place: { text: '西罗园一区8号楼2单元' },
    description:
      '4层新房主装修时发现自家供暖管道要修，供暖公司答应维修，但部分施工要进5层住户家里。5层住户起初提了些条件也答应配合，后来两家在楼门微信群里吵了起来。4层住户周四打电话到所里，希望通过圆桌调解尽快解决。',
    parties: [
      { name: '周女士（4层住户）', phone: '13901011201', address: '西罗园一区8号楼2单元401' },
      { name: '吴先生（5层住户）', phone: '13901011202', address: '西罗园一区8号楼2单元501' },
    ],
  });
  run.at('2026-08-07T10:30:00+08:00');
  const members = new Map(roster.members.map((member) => [member.force, member.id]));
  const convened = await run.call(officer, mediationActions.conveneSession, {
    caseId: opened.id,
    at: '2026-08-08T15:00:00+08:00',
    agenda: '供暖管道入户维修：时间、方式、损坏怎么恢复',
    participants: [
      { kind: 'party', partyId: 'p1' },
      { kind: 'party', partyId: 'p2' },
      ...(['committee', 'buildingHead', 'judicialOfficer', 'residentRep', 'lawyer', 'property'] as const).map((force) => ({ kind: 'roster' as const, memberId: members.get(force) ?? '' })),
      { kind: 'adhoc', name: '供暖公司维修负责人', roleLabel: '供暖公司' },
    ],
  });
  const sessionId = convened.sessions[0]?.id ?? '';
  run.at('2026-08-08T17:10:00+08:00');
  await run.call(officer, mediationActions.recordSession, {
    caseId: opened.id,
    sessionId,
    attendedInvitationIds: convened.sessions[0]?.invitations.map((invitation) => invitation.id) ?? [],
    notes:
      '双方把诉求摆在桌面上说开。物业表示全力配合；供暖公司保证下周三前修好并恢复5层室内原样；社区表示支持；民警以社区党委副书记身份表态有事随时打电话。双方握手言和。',
  });
  await run.call(officer, mediationActions.proposeAgreement, {
    caseId: opened.id,
    terms: [
      '吴先生同意供暖公司于8月10日至12日白天入户施工，每天施工前在楼门群里告知。',
      '供暖公司8月12日前修好供暖管道，施工损坏的墙面、地面由供暖公司恢复原样。',
      '物业派人在施工期间到场，协助保护5层室内物品。',
      '双方今后有事当面或请楼门长沟通，不在楼门群里争吵。',
    ],
  });
  for (const partyId of ['p1', 'p2']) {
    await run.call(officer, mediationActions.recordPaperSignature, { caseId: opened.id, partyId, version: 1, photoFileId: await signaturePhoto(run, officer) });
  }
  run.at('2026-08-15T10:00:00+08:00');
  await run.call(officer, mediationActions.recordFollowUp, { caseId: opened.id, result: 'held', note: '电话回访两户：管道8月12日修好，墙面已恢复，两家见面打招呼了。' });
}

async function squareDance(run: Runner): Promise<void> {
  const officer = 'officer-beat-cm'; // 金警官
  const dongyuan = DEMO_BOUNDARIES.find((boundary) => boundary.communityId === 'dongyuan');
  const east = Math.max(...(dongyuan?.outer.map((point) => point.longitude) ?? [0]));
  run.at('2026-10-20T20:30:00+08:00');
  const roster = await run.call(officer, mediationActions.saveRoster, {
    stationId: 'chaoming',
    communityId: 'dongyuan',
    members: [
      { force: 'committee', name: '东园社区 陈书记', phone: '13757101301' },
      { force: 'residentRep', name: '沈阿姨', phone: '13757101302' },
      { force: 'lawyer', name: '许律师', org: '浙江东园律师事务所' },
      { force: 'other', name: '王建军', org: '义警队（板凳夜话）', phone: '13757101303' },
    ],
  });
  const opened = await run.call(officer, mediationActions.openCase, {
    source: 'walkIn',
    communityId: 'dongyuan',
    category: 'noise',
    place: { text: '东园公园、凤起立交桥附近广场', location: { latitude: dongyuan?.centre.latitude ?? 0, longitude: east - 0.0003 } },
    description: '东园公园及凤起立交桥附近的广场舞，多支队伍用大功率音响，音量高，附近居民多次投诉。场地在两个辖区交界处。夜间已联合综合执法到队伍中和老人聊天，了解实际问题。',
    parties: [
      { name: '投诉居民代表 赵先生', phone: '13857101401' },
      { name: '凤起广场舞队 负责人 林阿姨', phone: '13857101402' },
      { name: '东园广场舞队 负责人 钱阿姨', phone: '13857101403' },
    ],
  });
  const members = new Map(roster.members.map((member) => [member.name, member.id]));
  run.at('2026-10-22T09:00:00+08:00');
  const first = await run.call(officer, mediationActions.conveneSession, {
    caseId: opened.id,
    at: '2026-10-24T19:00:00+08:00',
    place: '潮鸣派出所 板凳夜话室',
    agenda: '几支队伍的组织者和投诉居民一起商量：场地、时间、音量',
    participants: [
      { kind: 'party', partyId: 'p1' },
      { kind: 'party', partyId: 'p2' },
      { kind: 'party', partyId: 'p3' },
      { kind: 'roster', memberId: members.get('东园社区 陈书记') ?? '' },
      { kind: 'roster', memberId: members.get('王建军') ?? '' },
      { kind: 'adhoc', name: '综合执法队员', roleLabel: '综合执法' },
    ],
  });
  run.at('2026-10-24T21:00:00+08:00');
  await run.call(officer, mediationActions.recordSession, {
    caseId: opened.id,
    sessionId: first.sessions[0]?.id ?? '',
    attendedInvitationIds: first.sessions[0]?.invitations.map((invitation) => invitation.id) ?? [],
    notes: '各方说了诉求：居民要安静，队伍要有地方跳。初步同意分区、限音量，具体分区和分贝上限下次再定。派出所每天早上安排专人到现场监督、控制音量。',
  });
  run.at('2026-10-27T10:00:00+08:00');
  const second = await run.call(officer, mediationActions.conveneSession, {
    caseId: opened.id,
    at: '2026-10-30T09:00:00+08:00',
    place: '潮鸣派出所 板凳夜话室',
    agenda: '定分区、定分贝上限、定考试期间怎么办',
    participants: [
      { kind: 'party', partyId: 'p1' },
      { kind: 'party', partyId: 'p2' },
      { kind: 'party', partyId: 'p3' },
      { kind: 'roster', memberId: members.get('东园社区 陈书记') ?? '' },
      { kind: 'roster', memberId: members.get('沈阿姨') ?? '' },
      { kind: 'roster', memberId: members.get('许律师') ?? '' },
    ],
  });
  run.at('2026-10-30T12:00:00+08:00');
  await run.call(officer, mediationActions.recordSession, {
    caseId: opened.id,
    sessionId: second.sessions[1]?.id ?? '',
    attendedInvitationIds: second.sessions[1]?.invitations.map((invitation) => invitation.id) ?? [],
    notes: '经过一上午沟通，双方达成合意：公共场地网格化，分成互不干扰的几块；商定音量分贝上限；重大考试期间停止活动。',
  });
  await run.call(officer, mediationActions.proposeAgreement, {
    caseId: opened.id,
    terms: [
      '东园公园和凤起立交桥下广场划为三块互不干扰的活动区域，两支队伍各用一块，中间一块留作通行和休息。',
      '音响音量不超过 60 分贝，晚上 8 点半前结束；派出所和社区每天早上安排专人到现场测量。',
      '中考、高考等重大考试期间，两支队伍停止活动。',
      '有新的意见先找社区或“板凳夜话”团队商量，不再当面争吵。',
    ],
  });
  for (const partyId of ['p1', 'p2', 'p3']) {
    await run.call(officer, mediationActions.recordPaperSignature, { caseId: opened.id, partyId, version: 1, photoFileId: await signaturePhoto(run, officer) });
  }
  run.at('2026-11-06T19:30:00+08:00');
  await run.call(officer, mediationActions.recordFollowUp, { caseId: opened.id, result: 'held', note: '晚上到广场回访：两支队伍按分区活动，现场测量 55–58 分贝，投诉居民表示满意。' });
}

/** Loads the two stories once per data directory; true when it loaded them. */
export async function loadDemoMediation(engine: LocalDatabase, envId: string): Promise<boolean> {
  if (engine.find(MARKER.collection, { _id: MARKER.id }).length > 0) return false;
  const run = runner(envId);
  try {
    await heatingPipe(run);
    await squareDance(run);
  } finally {
    setLocalClock(undefined);
  }
  await engine.api.collection(MARKER.collection).doc(MARKER.id).set({ data: { loadedAt: new Date() } });
  return true;
}
