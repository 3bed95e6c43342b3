import { randomBytes } from 'node:crypto';
import { PERSONAL_DATA_GROUPS, PERSONAL_DATA_GROUP_TITLES, type DataExportView, type MyDataGroupView, type PersonalDataGroup, type privacyActions } from '@domain/actions/privacy';
import { RETENTION_DAYS, keptUntil } from '@domain/privacy/retention';
import { COLLECTIONS, type CommunityRecord, type DataExportRecord, type UserRecord } from '@platform/cloud/collections';
import { requireUser, type Handlers } from '@platform/cloud/create-function';
import { findById, insert, isoDate } from '@platform/cloud/documents';
import { PERSONAL_DATA, type Doc } from '@platform/cloud/personal-data';
import { assertWithinLimit, countAttempt } from '@platform/cloud/rate-limit';
import { cloud } from '@platform/cloud/wx';
import { collectPersonalData } from './collect';

type MyDataHandlers = Pick<Handlers<typeof privacyActions>, 'myData' | 'exportMyData'>;

const LINES_PER_GROUP = 5;
export const EXPORT_LIMIT = { max: 5, windowMinutes: 60 };

async function homeCommunityLine(user: UserRecord): Promise<string[]> {
  if (!user.homeCommunityId) return [];
  const community = await findById<CommunityRecord>(COLLECTIONS.communities, user.homeCommunityId);
  return [community ? `${community.name}` : user.homeCommunityId];
}

function groupViews(found: Map<string, Doc[]>, homeLines: string[]): MyDataGroupView[] {
  return PERSONAL_DATA_GROUPS.flatMap((group: PersonalDataGroup): MyDataGroupView[] => {
    // The home community is a field of the account, shown as its own group.
    const home = group === 'community' ? { lines: homeLines, purpose: ['把您的问题交给负责这个社区的片儿警；给您看本社区的提醒'], retention: ['直到您更换社区或注销'] } : { lines: [], purpose: [], retention: [] };
    const specs = PERSONAL_DATA.filter((spec) => spec.group === group);
    if (specs.length === 0 && group !== 'community') return [];
    const docs = specs.flatMap((spec) => (found.get(spec.collection) ?? []).map((doc) => ({ spec, doc })));
    // Only officers have an officer record: residents are not shown an empty 民警资料.
    if (group === 'officer' && docs.length === 0) return [];
    const lines = [
      ...home.lines,
      ...docs.flatMap(({ spec, doc }) => {
        const line = spec.line?.(doc);
        return line === undefined ? [] : [line];
      }),
    ];
    return [
      {
        group,
        title: PERSONAL_DATA_GROUP_TITLES[group],
        count: home.lines.length + docs.length,
        lines: lines.slice(0, LINES_PER_GROUP).concat(lines.length > LINES_PER_GROUP ? [`……共 ${lines.length} 条，导出文件里有全部`] : []),
        purpose: [...new Set([...home.purpose, ...specs.map((spec) => spec.purpose)])].join('；'),
        retention: [...new Set([...home.retention, ...specs.map((spec) => spec.retention)])].join('；'),
      },
    ];
  });
}

function exportDocument(user: UserRecord, found: Map<string, Doc[]>, homeLines: string[], now: Date) {
  const groups: Record<string, Record<string, unknown[]>> = {};
  for (const spec of PERSONAL_DATA) {
    const docs = found.get(spec.collection) ?? [];
    if (docs.length === 0) continue;
    (groups[spec.group] ??= {})[spec.collection] = docs.map((doc) => spec.exported(doc));
  }
  return {
    exportedAt: now.toISOString(),
    app: '枫桥邻警',
    account: { userId: user._id, nickname: user.nickname, homeCommunity: homeLines[0] ?? null },
    groups,
    collections: PERSONAL_DATA.map((spec) => ({ collection: spec.collection, holds: spec.holds, purpose: spec.purpose, readers: spec.readers, retention: spec.retention })),
  };
}

const formatValue = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));

/** The same export as plain text a resident can read on a phone. */
function readableExport(data: ReturnType<typeof exportDocument>): string {
  const out = [`枫桥邻警 · 我的数据`, `导出时间：${data.exportedAt}`, `昵称：${data.account.nickname}`, `我住的社区：${data.account.homeCommunity ?? '未登记'}`, ''];
  for (const group of PERSONAL_DATA_GROUPS) {
    const collections = data.groups[group];
    if (!collections) continue;
    out.push(`【${PERSONAL_DATA_GROUP_TITLES[group]}】`);
    for (const [collection, records] of Object.entries(collections)) {
      const spec = PERSONAL_DATA.find((candidate) => candidate.collection === collection)!;
      out.push(`${spec.holds}（${records.length} 条）`, `  用途：${spec.purpose}`, `  谁能看：${spec.readers}`, `  保存期限：${spec.retention}`);
      records.forEach((record, index) => {
        out.push(`  ${index + 1}.`);
        for (const [key, value] of Object.entries(record as Record<string, unknown>)) if (value !== undefined) out.push(`     ${key}：${formatValue(value)}`);
      });
    }
    out.push('');
  }
  return out.join('\n');
}

async function upload(cloudPath: string, text: string): Promise<{ fileId: string; bytes: number }> {
  const content = Buffer.from(text, 'utf8');
  const { fileID } = (await cloud.uploadFile({ cloudPath, fileContent: content })) as { fileID: string };
  return { fileId: fileID, bytes: content.length };
}

export const myDataHandlers: MyDataHandlers = {
  async myData(_input, context) {
    const { user, openid } = requireUser(context);
    const found = await collectPersonalData({ userId: user._id, openid });
    return { groups: groupViews(found, await homeCommunityLine(user)) };
  },

  async exportMyData(_input, context) {
    const { user, openid } = requireUser(context);
    const limitKey = `export:${user._id}`;
    await assertWithinLimit(limitKey, EXPORT_LIMIT, context.now);
    // Counted first, so the export holds its own attempt too (the counter is the resident's data).
    await countAttempt(limitKey, EXPORT_LIMIT, context.now);
    const found = await collectPersonalData({ userId: user._id, openid });
    const data = exportDocument(user, found, await homeCommunityLine(user), context.now);
    // An unguessable folder: the temporary URL is the only way to the files, and only the resident gets it.
    const folder = `exports/${randomBytes(16).toString('hex')}`;
    const stamp = isoDate(context.now).slice(0, 10);
    const readable = await upload(`${folder}/我的数据-${stamp}.txt`, readableExport(data));
    const json = await upload(`${folder}/我的数据-${stamp}.json`, JSON.stringify(data, null, 2));
    const expiresAt = keptUntil('dataExport', context.now);
    const record: Omit<DataExportRecord, '_id'> = { kind: 'export', userId: user._id, fileIds: [readable.fileId, json.fileId], createdAt: context.now, expiresAt };
    await insert(COLLECTIONS.dataExports, { ...record });
    await insert(COLLECTIONS.auditLog, { type: 'personal-data.exported', userId: user._id, at: context.now });
    const { fileList } = (await cloud.getTempFileURL({ fileList: [{ fileID: readable.fileId, maxAge: RETENTION_DAYS.dataExport * 86_400 }, { fileID: json.fileId, maxAge: RETENTION_DAYS.dataExport * 86_400 }] })) as {
      fileList: { fileID: string; tempFileURL: string }[];
    };
    const urlOf = (fileId: string) => fileList.find((file) => file.fileID === fileId)?.tempFileURL ?? '';
    const view: DataExportView = {
      files: [
        { kind: 'readable', name: `我的数据-${stamp}.txt`, url: urlOf(readable.fileId), bytes: readable.bytes },
        { kind: 'json', name: `我的数据-${stamp}.json`, url: urlOf(json.fileId), bytes: json.bytes },
      ],
      expiresAt: isoDate(expiresAt),
    };
    return view;
  },
};
