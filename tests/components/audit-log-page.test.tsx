/**
 * 审计记录 over the real callAction and contracts (only the transport is stood in for): a district
 * admin narrows to one station, a kind and one officer, pages on with the cursor, and a new filter
 * starts the list again instead of mixing pages of two filters.
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { MeView } from '@domain/actions/account';
import type { AuditEntryView, AuditLogPage } from '@domain/actions/dashboard';
import type { ActionResult } from '@domain/result';
import AuditLogPageView from '@/packages/officer/pages/audit-log/index';
import { sendToCloud } from '@/platform/cloud-transport';

jest.mock('@/platform/cloud-transport', () => ({ initCloud: jest.fn(), sendToCloud: jest.fn() }));
const transport = jest.mocked(sendToCloud);

const districtAdmin: MeView = { userId: 'u-gs', nickname: '拱墅分局指挥室', role: 'districtAdmin', officerKinds: [], districtId: 'gongshu', createdAt: '2026-11-01T00:00:00.000Z' };

const entry = (n: number, stationId = 'changqing'): AuditEntryView => ({
  id: `a${n}`,
  at: new Date(Date.parse('2026-11-25T02:00:00Z') - n * 60_000).toISOString(),
  type: 'booking.roster-viewed',
  label: '查看大厅预约名单',
  group: 'personalData',
  actor: { id: 'u-hall-cq', name: '周敏' },
  subject: { id: 'u-res', name: '陈师傅' },
  stationId,
  stationName: stationId === 'changqing' ? '长庆派出所' : '武林派出所',
  details: `日期：2026-11-25；条数：${n}`,
});

const stations = [
  { id: 'changqing', name: '长庆派出所' },
  { id: 'wulin', name: '武林派出所' },
];
const pageOf = (entries: AuditEntryView[], nextCursor?: string, only?: string): AuditLogPage => ({
  entries,
  ...(nextCursor ? { nextCursor } : {}),
  officers: [{ id: 'u-hall-cq', name: '周敏', stationName: '长庆派出所' }],
  stations: only ? stations.filter((station) => station.id === only) : stations,
});

beforeEach(() => {
  transport.mockReset();
  transport.mockImplementation(async (_fn, { action, input }) => {
    const given = input as Record<string, unknown>;
    if (action === 'me') return { ok: true, data: districtAdmin } as ActionResult<unknown>;
    if (action !== 'districtAuditLog') throw new Error(`unexpected ${action}`);
    if (given.cursor === 'c1') return { ok: true, data: pageOf([entry(31), entry(32)]) };
    if (given.officerId) return { ok: true, data: pageOf([entry(5, 'wulin')], undefined, given.stationId as string | undefined) };
    return { ok: true, data: pageOf([entry(1), entry(2)], 'c1', given.stationId as string | undefined) };
  });
});

/** Patient on a busy machine: the first render compiles the page's modules. */
const find = (text: string) => screen.findByText(text, {}, { timeout: 10_000 });
const settled = { timeout: 10_000 };

const calls = () => transport.mock.calls.filter(([, data]) => data.action === 'districtAuditLog').map(([, data]) => data.input as Record<string, unknown>);

test('a district admin filters by station, kind and officer, and pages on without mixing two filters', async () => {
  render(<AuditLogPageView />);
  await find('已显示 2 条，还有更早的');
  expect(calls()[0]).toEqual({ districtId: 'gongshu' });

  fireEvent.click(screen.getByText('加载更早的记录'));
  await find('已显示 4 条，已经到底');
  expect(calls().at(-1)).toEqual({ districtId: 'gongshu', cursor: 'c1' });

  fireEvent.click(screen.getByText('筛选'));
  fireEvent.click(screen.getByText('武林派出所'));
  fireEvent.click(screen.getByText('查看个人信息'));
  await waitFor(() => expect(calls().at(-1)).toEqual({ districtId: 'gongshu', stationId: 'wulin', group: 'personalData' }), settled);
  // The new filter's first page replaces the old list, pages included.
  await find('已显示 2 条，还有更早的');
  expect(screen.getByText('正在看：武林派出所 · 查看个人信息 · 全部日期')).toBeTruthy();

  fireEvent.click(screen.getAllByText('只看周敏的操作')[0]!);
  await waitFor(() => expect(calls().at(-1)).toEqual({ districtId: 'gongshu', stationId: 'wulin', group: 'personalData', officerId: 'u-hall-cq' }), settled);
  await find('已显示 1 条，已经到底');
  expect(screen.getByText('操作人：周敏 ✕ 取消')).toBeTruthy();
  // The station chips stay: the list of the district's stations is kept from the first answer.
  expect(screen.getByText('长庆派出所')).toBeTruthy();
});
