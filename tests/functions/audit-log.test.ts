/**
 * The audit log viewer through the real dashboard function: who sees which station's records,
 * every filter and the paging checked against the records computed here independently, reading
 * (and exporting) recorded in the log itself, and the Excel export read back with exceljs.
 */
import { Workbook } from 'exceljs';
import { dashboardActions } from '@domain/actions/dashboard';
import { downloadFile } from '@local-cloud/wechat';
import { userIdFor } from '@platform/cloud/identity';
import { persona } from '../support/cloud-harness';
import { clockedHarness, failed, ok } from '../support/clocked-harness';

const NOW = new Date('2026-11-25T10:00:00+08:00');
const harness = clockedHarness(NOW);
// Generous on a shared, busy machine: the dataset and its roll-up are real writes.
jest.setTimeout(30_000);

type Doc = Record<string, any>;
const idOf = (key: string) => userIdFor(persona(key).openid);
const openid = (key: string) => persona(key).openid;
const ADMIN_XLY = 'admin-xly';
const DISTRICT = 'admin-gongshu';

/** Acts of a few kinds, people and days at three stations (two of them in 拱墅). */
function generatedRecords(): Doc[] {
  const officers = { xiluoyuan: [idOf('officer-hall-xly'), idOf('officer-beat-xly')], changqing: [idOf('officer-hall-cq')], wulin: ['u-wulin-officer'] } as Record<string, string[]>;
  const residents = [idOf('resident-xly2'), idOf('resident-hgby'), 'u-resident-3'];
  const types = ['booking.checked-in', 'consult.personal-data.revealed', 'role.revoked', 'roster.shift-added', 'hall.settings-saved', 'mediation.case.read', 'some.future-type'];
  const records: Doc[] = [];
  let n = 0;
  for (const stationId of Object.keys(officers)) {
    for (let i = 0; i < 75; i += 1) {
      n += 1;
      const type = types[(i * 5 + n) % types.length]!;
      // Several records share a millisecond, so the paging has ties to get right.
      const at = new Date(Date.parse('2026-11-01T00:00:00+08:00') + Math.floor(n / 3) * 7 * 3_600_000);
      records.push({ _id: `audit-gen-${String(n).padStart(3, '0')}`, type, stationId, by: officers[stationId]![i % officers[stationId]!.length], ...(i % 4 === 0 ? {} : { userId: residents[i % residents.length] }), at, bookingId: `b-${i}` });
    }
  }
  return records;
}

async function seed(): Promise<Doc[]> {
  // Only generated records in the log: those the demo load wrote would make the expectations depend on the seed.
  for (const record of harness.engine.find('audit_log') as Doc[]) await (harness.engine.api.collection('audit_log').doc(record._id).remove() as Promise<unknown>);
  const records = generatedRecords();
  for (const { _id, ...data } of records) await (harness.engine.api.collection('audit_log').doc(_id).set({ data }) as Promise<unknown>);
  return records;
}

const byNewest = (a: Doc, b: Doc) => b.at.getTime() - a.at.getTime() || (a._id < b._id ? 1 : a._id > b._id ? -1 : 0);
const inDays = (from: string | undefined, to: string | undefined) => (at: Date) => {
  const day = new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  return (from === undefined || day >= from) && (to === undefined || day <= to);
};

/** Every page of a listing, following nextCursor. */
async function allPages(call: (cursor?: string) => Promise<any>): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page: Doc = ok(await call(cursor));
    pages += 1;
    ids.push(...page.entries.map((entry: Doc) => entry.id));
    cursor = page.nextCursor;
  } while (cursor && pages < 50);
  return { ids, pages };
}

const generatedOnly = (ids: string[]) => ids.filter((id) => id.startsWith('audit-gen-'));

test("a station's admin pages through exactly the station's records, newest first, each filter as computed from the records", async () => {
  const records = await seed();
  const station = records.filter((record) => record.stationId === 'xiluoyuan');
  const cases: { filters: Doc; expected: Doc[] }[] = [
    { filters: {}, expected: station },
    { filters: { officerId: idOf('officer-hall-xly') }, expected: station.filter((r) => r.by === idOf('officer-hall-xly')) },
    { filters: { residentId: idOf('resident-xly2') }, expected: station.filter((r) => r.userId === idOf('resident-xly2')) },
    { filters: { group: 'personalData' }, expected: station.filter((r) => r.type === 'consult.personal-data.revealed' || r.type === 'mediation.case.read') },
    { filters: { group: 'checkIn', from: '2026-11-05', to: '2026-11-12' }, expected: station.filter((r) => r.type === 'booking.checked-in' && inDays('2026-11-05', '2026-11-12')(r.at)) },
    { filters: { officerId: idOf('officer-beat-xly'), residentId: idOf('resident-hgby'), from: '2026-11-03' }, expected: station.filter((r) => r.by === idOf('officer-beat-xly') && r.userId === idOf('resident-hgby') && inDays('2026-11-03', undefined)(r.at)) },
  ];
  for (const { filters, expected } of cases) {
    const { ids, pages } = await allPages((cursor) => harness.call(openid(ADMIN_XLY), dashboardActions.auditLog, { stationId: 'xiluoyuan', ...filters, ...(cursor ? { cursor } : {}) }));
    // Each listing of the station also holds the station's own reading records from the earlier cases (audit.viewed), only in the unfiltered one.
    expect({ filters, ids: generatedOnly(ids) }).toEqual({ filters, ids: [...expected].sort(byNewest).map((r) => r._id) });
    expect(new Set(ids).size).toBe(ids.length);
    if (expected.length > 30) expect(pages).toBeGreaterThan(1);
  }

  const first = ok(await harness.call(openid(ADMIN_XLY), dashboardActions.auditLog, { stationId: 'xiluoyuan', group: 'checkIn' }));
  const entry = first.entries[0]!;
  expect(entry).toMatchObject({ label: '为预约的居民签到', group: 'checkIn', stationName: '西罗园派出所' });
  expect(entry.actor?.name).toMatch(/\S/);
  expect(entry.details).toContain('预约编号');
  // A type the catalogue does not know still shows, under its own name.
  const unknown = ok(await harness.call(openid(ADMIN_XLY), dashboardActions.auditLog, { stationId: 'xiluoyuan', officerId: idOf('officer-hall-xly') })).entries.find((e) => e.type === 'some.future-type');
  expect(unknown?.label).toBe('some.future-type');
  // The officer filter offers the station's staff only.
  expect(first.officers.map((officer) => officer.id)).toEqual(expect.arrayContaining([idOf('officer-hall-xly'), idOf('officer-beat-xly'), idOf(ADMIN_XLY)]));
  expect(first.officers.map((officer) => officer.id)).not.toContain(idOf('officer-hall-cq'));
});

test('reading the log is recorded before the page is handed over; a district admin sees all its stations, and its reading shows in each station read', async () => {
  const records = await seed();
  const page = ok(await harness.call(openid(ADMIN_XLY), dashboardActions.auditLog, { stationId: 'xiluoyuan', group: 'roles' }));
  const viewed = (harness.engine.find('audit_log', { type: 'audit.viewed' }) as Doc[]);
  expect(viewed).toEqual([expect.objectContaining({ by: idOf(ADMIN_XLY), stationId: 'xiluoyuan', count: page.entries.length, filters: { group: 'roles' }, at: NOW })]);

  // 拱墅: changqing and wulin, never 西罗园 (丰台).
  const { ids } = await allPages((cursor) => harness.call(openid(DISTRICT), dashboardActions.districtAuditLog, { districtId: 'gongshu', ...(cursor ? { cursor } : {}) }));
  expect(generatedOnly(ids)).toEqual(records.filter((r) => r.stationId !== 'xiluoyuan').sort(byNewest).map((r) => r._id));
  const onlyWulin = await allPages((cursor) => harness.call(openid(DISTRICT), dashboardActions.districtAuditLog, { districtId: 'gongshu', stationId: 'wulin', ...(cursor ? { cursor } : {}) }));
  expect(generatedOnly(onlyWulin.ids)).toEqual(records.filter((r) => r.stationId === 'wulin').sort(byNewest).map((r) => r._id));
  const districtReads = (harness.engine.find('audit_log', { type: 'audit.viewed', by: idOf(DISTRICT) }) as Doc[]);
  expect(new Set(districtReads.map((r) => r.stationId))).toEqual(new Set(['changqing', 'wulin']));
  expect(districtReads.every((r) => r.districtId === 'gongshu')).toBe(true);

  // Who may read: not another station's admin, not a district admin outside the district, not an officer.
  expect(failed(await harness.call(openid(ADMIN_XLY), dashboardActions.auditLog, { stationId: 'changqing' })).code).toBe('FORBIDDEN');
  expect(failed(await harness.call(openid(ADMIN_XLY), dashboardActions.districtAuditLog, { districtId: 'fengtai' })).code).toBe('FORBIDDEN');
  expect(failed(await harness.call(openid(DISTRICT), dashboardActions.auditLog, { stationId: 'xiluoyuan' })).code).toBe('FORBIDDEN');
  expect(failed(await harness.call(openid(DISTRICT), dashboardActions.districtAuditLog, { districtId: 'gongshu', stationId: 'xiluoyuan' })).code).toBe('FORBIDDEN');
  expect(failed(await harness.call(openid('officer-hall-xly'), dashboardActions.auditLog, { stationId: 'xiluoyuan' })).code).toBe('FORBIDDEN');
  expect(failed(await harness.call(openid(ADMIN_XLY), dashboardActions.auditLog, { stationId: 'xiluoyuan', from: '2026-11-10', to: '2026-11-01' })).code).toBe('INVALID_INPUT');
  expect(failed(await harness.call(openid(ADMIN_XLY), dashboardActions.auditLog, { stationId: 'xiluoyuan', cursor: 'not-a-cursor' })).code).toBe('INVALID_INPUT');
  // Refused calls read nothing and so record nothing.
  expect((harness.engine.find('audit_log', { type: 'audit.viewed' }) as Doc[]).length).toBe(1 + districtReads.length);

  // The station's admin sees that the district read the station's records.
  const reads = ok(await harness.call(openid(ADMIN_XLY), dashboardActions.auditLog, { stationId: 'xiluoyuan', group: 'auditLog' }));
  expect(reads.entries.map((e) => e.actor?.id)).toEqual([idOf(ADMIN_XLY)]);
  const changqingReads = (harness.engine.find('audit_log', { type: 'audit.viewed', stationId: 'changqing' }) as Doc[]);
  expect(changqingReads.length).toBeGreaterThan(0);
});

test('the export holds the filtered records in order, headed in Chinese, is itself recorded, and its link is the only way to it', async () => {
  const records = await seed();
  const file = ok(await harness.call(openid(ADMIN_XLY), dashboardActions.exportAuditLog, { stationId: 'xiluoyuan', group: 'checkIn' }));
  expect(file.fileName).toMatch(/^西罗园派出所审计记录-2026-11-25\.xlsx$/);
  expect(file.url).toMatch(/\/__cloud\/storage\/exports\/[0-9a-f]{32}\//);
  const stored = (harness.engine.find('data_exports') as Doc[]).find((r) => r.userId === idOf(ADMIN_XLY))!;
  expect(new Date(stored.expiresAt).getTime() - NOW.getTime()).toBe(86_400_000);
  const workbook = new Workbook();
  await workbook.xlsx.load((await downloadFile({ fileID: stored.fileIds[0] })).fileContent as never);
  const sheet = workbook.getWorksheet('审计记录')!;
  expect(String(sheet.getCell('A1').value)).toBe('西罗园派出所 审计记录');
  const headerRow = [...Array(sheet.rowCount).keys()].map((i) => i + 1).find((n) => sheet.getRow(n).getCell(1).value === '时间')!;
  expect((sheet.getRow(headerRow).values as unknown[]).slice(1)).toEqual(['时间', '派出所', '类别', '操作', '操作人', '涉及的人', '详情']);
  const rows = [];
  for (let n = headerRow + 1; n <= sheet.rowCount; n += 1) rows.push(sheet.getRow(n).values as unknown[]);
  const expected = records.filter((r) => r.stationId === 'xiluoyuan' && r.type === 'booking.checked-in').sort(byNewest);
  expect(rows).toHaveLength(expected.length);
  expect(rows.map((row) => row[1])).toEqual(expected.map((r) => new Date(r.at.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ')));
  expect(rows.every((row) => row[3] === '办事签到' && row[4] === '为预约的居民签到')).toBe(true);
  expect(harness.engine.find('audit_log', { type: 'audit.exported' })).toEqual([expect.objectContaining({ by: idOf(ADMIN_XLY), stationId: 'xiluoyuan', count: expected.length })]);
});
