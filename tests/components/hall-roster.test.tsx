/**
 * 大厅预约名单 over the real callAction and action contracts; only the transport and the
 * camera scanner (platform adapters) are stood in for.
 */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { MeView, RosterEntryView, RosterView } from '@domain/actions';
import type { ActionResult } from '@domain/result';
import HallRosterPage from '@/packages/officer/pages/hall-roster/index';
import { sendToCloud } from '@/platform/cloud-transport';
import { scanQrCode } from '@/platform/scan';

jest.mock('@/platform/cloud-transport', () => ({ initCloud: jest.fn(), sendToCloud: jest.fn() }));
jest.mock('@/platform/scan', () => ({ CAN_SCAN: true, scanQrCode: jest.fn() }));
const transport = jest.mocked(sendToCloud);
const scanner = jest.mocked(scanQrCode);

const hallOfficer: MeView = {
  userId: 'u-hall',
  nickname: '李警官',
  role: 'officer',
  officerKinds: ['hall'],
  station: { id: 'xiluoyuan', name: '西罗园派出所', districtName: '丰台分局' },
  createdAt: '2026-11-01T00:00:00.000Z',
};

const waiting: RosterEntryView = {
  bookingId: 'bk_wheelchair',
  service: 'idReplacement',
  serviceLabel: '身份证遗失补领',
  status: 'booked',
  statusLabel: '待办理',
  person: { self: false, name: '王*兰', idNumberMasked: '110105********002X' },
  needs: { kinds: ['wheelchair', 'greenChannel'], greenChannelReason: '80岁以上老人', labels: ['轮椅/无障碍通道', '绿色通道（优先办理）：80岁以上老人'] },
};
const noShow: RosterEntryView = { ...waiting, bookingId: 'bk_gone', status: 'noShow', statusLabel: '未到场', person: { self: true, name: '陈*傅' }, needs: { kinds: [], labels: [] } };

const roster = (entries: RosterEntryView[]): RosterView => ({
  stationId: 'xiluoyuan',
  day: '2026-11-25',
  slots: [
    { time: '09:00', start: '2026-11-25T01:00:00.000Z', entries: [noShow] },
    { time: '09:30', start: '2026-11-25T01:30:00.000Z', entries },
  ],
  total: entries.length + 1,
});

type Answers = Record<string, (input: Record<string, unknown>) => ActionResult<unknown>>;
function answer(answers: Answers) {
  transport.mockImplementation(async (_fn, { action, input }) => {
    const reply = answers[action];
    if (!reply) throw new Error(`unexpected action ${action}`);
    return reply(input as Record<string, unknown>);
  });
}
const inputsOf = (action: string) => transport.mock.calls.filter(([, data]) => data.action === action).map(([, data]) => data.input);

beforeEach(() => {
  transport.mockReset();
  scanner.mockReset();
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => jest.restoreAllMocks());

function hallAnswers(state: { checkedIn: boolean }): Answers {
  return {
    me: () => ({ ok: true, data: hallOfficer }),
    hallRoster: () => ({ ok: true, data: roster([state.checkedIn ? { ...waiting, status: 'checkedIn', statusLabel: '已签到' } : waiting]) }),
    checkIn: (input) => {
      if (input.code !== '482913' && input.code !== 'fqlj:checkin:bk_wheelchair:482913') return { ok: false, error: { code: 'NOT_FOUND', message: '签到码不对，请核对后再试' } };
      state.checkedIn = true;
      return { ok: true, data: { ...waiting, status: 'checkedIn', statusLabel: '已签到' } };
    },
  };
}

describe('大厅预约名单', () => {
  it("shows today's roster by slot with each person's needs, status and no-shows", async () => {
    answer(hallAnswers({ checkedIn: false }));
    render(<HallRosterPage />);
    expect(await screen.findByText('09:30（1人）')).toBeTruthy();
    expect(screen.getByText('王*兰')).toBeTruthy();
    expect(screen.getByText('轮椅/无障碍通道')).toBeTruthy();
    expect(screen.getByText('绿色通道（优先办理）：80岁以上老人')).toBeTruthy();
    expect(screen.getByText('未到场')).toBeTruthy();
    expect(screen.getByText('已签到 0 · 待签到 1 · 未到场 1')).toBeTruthy();
    expect(inputsOf('hallRoster')).toEqual([{ stationId: 'xiluoyuan' }]);
  });

  it('checks a resident in by typed code and refreshes the roster', async () => {
    answer(hallAnswers({ checkedIn: false }));
    render(<HallRosterPage />);
    await screen.findByText('09:30（1人）');
    fireEvent.change(screen.getByPlaceholderText('6位数字'), { target: { value: '111111' } });
    fireEvent.click(screen.getByText('确认签到'));
    expect(await screen.findByText('签到码不对，请核对后再试')).toBeTruthy();

    fireEvent.change(screen.getByPlaceholderText('6位数字'), { target: { value: '482913' } });
    fireEvent.click(screen.getByText('确认签到'));
    expect(await screen.findByText('✓ 已签到：王*兰')).toBeTruthy();
    await waitFor(() => expect(screen.getByText('已签到 1 · 待签到 0 · 未到场 1')).toBeTruthy());
    expect(inputsOf('checkIn')).toEqual([
      { stationId: 'xiluoyuan', code: '111111' },
      { stationId: 'xiluoyuan', code: '482913' },
    ]);
  });

  it('checks in what the camera scanned, and says nothing when the scan is cancelled', async () => {
    answer(hallAnswers({ checkedIn: false }));
    scanner.mockResolvedValueOnce({ ok: false, reason: 'cancelled', message: '' });
    scanner.mockResolvedValueOnce({ ok: true, text: 'fqlj:checkin:bk_wheelchair:482913' });
    render(<HallRosterPage />);
    await screen.findByText('09:30（1人）');
    fireEvent.click(screen.getByText('扫居民的预约二维码'));
    await waitFor(() => expect(scanner).toHaveBeenCalledTimes(1));
    expect(inputsOf('checkIn')).toEqual([]);
    fireEvent.click(screen.getByText('扫居民的预约二维码'));
    expect(await screen.findByText('✓ 已签到：王*兰')).toBeTruthy();
    expect(inputsOf('checkIn')).toEqual([{ stationId: 'xiluoyuan', code: 'fqlj:checkin:bk_wheelchair:482913' }]);
  });

  it('closes a slot with the reason the officer typed and shows it on the roster', async () => {
    let closed = false;
    answer({
      ...hallAnswers({ checkedIn: false }),
      hallRoster: () => ({ ok: true, data: roster([closed ? { ...waiting, closure: { reason: '系统维护' } } : waiting]) }),
      closeHall: () => {
        closed = true;
        return { ok: true, data: { stationId: 'xiluoyuan', day: '2026-11-25', time: '09:30', affected: 1, waitlistEnded: 0, notified: 1 } };
      },
    });
    const modal = jest.spyOn(Taro, 'showModal');
    render(<HallRosterPage />);
    await screen.findByText('09:30（1人）');
    fireEvent.click(screen.getAllByText('停办此时段')[1] as HTMLElement);
    // The app's own dialog (large in 长辈模式, named buttons), with the reason typed in it.
    const question = await screen.findByRole('dialog', { name: '停办2026-11-25 09:30 这个时段？' });
    expect(modal).not.toHaveBeenCalled();
    expect(within(question).getByText('已预约的1人会收到通知，可以一键改约。')).toBeTruthy();
    fireEvent.change(within(question).getByRole('textbox', { name: '停办原因（可以不写）' }), { target: { value: ' 系统维护 ' } });
    fireEvent.click(within(question).getByRole('button', { name: '停办' }));
    expect(await screen.findByText('已停办：系统维护（已通知改约）')).toBeTruthy();
    expect(inputsOf('closeHall')).toEqual([{ stationId: 'xiluoyuan', day: '2026-11-25', time: '09:30', reason: '系统维护' }]);
  });

  it('tells a resident account that the roster is for hall officers, without asking for it', async () => {
    answer({ me: () => ({ ok: true, data: { ...hallOfficer, role: 'resident', officerKinds: [], station: undefined } }) });
    render(<HallRosterPage />);
    expect(await screen.findByText('大厅预约名单仅供窗口民警使用')).toBeTruthy();
    expect(inputsOf('hallRoster')).toEqual([]);
  });
});
