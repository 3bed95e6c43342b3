/**
 * 我的预约 over the real callAction and action contracts; only the transport is stood in for.
 */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { AvailabilityView, BookingView, MyBookingsView, WaitlistEntryView } from '@domain/actions';
import type { ActionResult } from '@domain/result';
import MyBookingsPage from '@/packages/booking/pages/mine/index';
import { sendToCloud } from '@/platform/cloud-transport';

jest.mock('@/platform/cloud-transport', () => ({ initCloud: jest.fn(), sendToCloud: jest.fn() }));
const transport = jest.mocked(sendToCloud);

const NEW_SLOT = 'xiluoyuan:idRenewal:2026-11-26:1400';

const upcoming: BookingView = {
  id: 'bk_0123456789abc',
  stationId: 'xiluoyuan',
  stationName: '西罗园派出所',
  service: 'idRenewal',
  serviceLabel: '身份证到期换领',
  slotId: 'xiluoyuan:idRenewal:2026-11-25:0930',
  day: '2026-11-25',
  time: '09:30',
  start: '2026-11-25T01:30:00.000Z',
  end: '2026-11-25T02:00:00.000Z',
  status: 'booked',
  statusLabel: '待办理',
  person: { self: false, name: '王秀兰', familyMemberId: 'fm-1', idNumberMasked: '110105********002X' },
  needs: { kinds: ['wheelchair'], labels: ['轮椅/无障碍通道'] },
  checkInCode: '482913',
  checkInPayload: 'fq-booking:bk_0123456789abc:482913',
  createdAt: '2026-11-23T08:00:00.000Z',
  windows: ['1号窗口（户籍）', '2号窗口（户籍）'],
};

const past: BookingView = { ...upcoming, windows: undefined, id: 'bk_0123456789abd', day: '2026-11-02', status: 'checkedIn', statusLabel: '已办理', checkInCode: '111111' };

const availability: AvailabilityView = {
  stationId: 'xiluoyuan',
  service: 'idRenewal',
  days: [{ day: '2026-11-26', status: 'open', slots: [{ slotId: NEW_SLOT, time: '14:00', start: '2026-11-26T06:00:00.000Z', left: 2 }] }],
};

type Answers = Record<string, (input: Record<string, unknown>) => ActionResult<unknown>>;

function answer(answers: Answers) {
  const all: Answers = { myWaitlist: () => ({ ok: true, data: [] }), ...answers };
  transport.mockImplementation(async (_fn, { action, input }) => {
    const reply = all[action];
    if (!reply) throw new Error(`unexpected action ${action}`);
    return reply(input as Record<string, unknown>);
  });
}

const inputsOf = (action: string) => transport.mock.calls.filter(([, data]) => data.action === action).map(([, data]) => data.input);
const mine = (view: MyBookingsView) => () => ({ ok: true as const, data: view });

beforeEach(() => {
  transport.mockReset();
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
});

afterEach(() => jest.restoreAllMocks());

describe('我的预约', () => {
  it('shows upcoming bookings with the code and needs, past ones without a code', async () => {
    answer({ myBookings: mine({ upcoming: [upcoming], past: [past] }) });
    render(<MyBookingsPage />);
    expect(await screen.findByText('482913')).toBeTruthy();
    expect(screen.getAllByText('轮椅/无障碍通道')).toHaveLength(2);
    expect(screen.getByText('已办理')).toBeTruthy();
    expect(screen.queryByText('111111')).toBeNull();
    expect(screen.getAllByText('1号窗口（户籍）或2号窗口（户籍）')).toHaveLength(1);
  });

  it('cancels after the resident confirms', async () => {
    let cancelled = false;
    answer({
      myBookings: () => mine(cancelled ? { upcoming: [], past: [{ ...upcoming, status: 'cancelled', statusLabel: '已取消' }] } : { upcoming: [upcoming], past: [] })(),
      cancel: () => {
        cancelled = true;
        return { ok: true, data: { ...upcoming, status: 'cancelled', statusLabel: '已取消' } };
      },
    });
    const modal = jest.spyOn(Taro, 'showModal');
    render(<MyBookingsPage />);
    fireEvent.click(await screen.findByText('取消'));
    // The app's own dialog (drawn with the page's tokens, large in 长辈模式), not Taro's H5 showModal.
    const dialog = await screen.findByRole('dialog', { name: '取消这个预约？' });
    expect(modal).not.toHaveBeenCalled();
    expect(within(dialog).getByRole('button', { name: '不取消' })).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: '不取消' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(inputsOf('cancel')).toEqual([]);
    fireEvent.click(screen.getByText('取消'));
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: '取消预约' }));
    expect(await screen.findByText('已取消')).toBeTruthy();
    expect(inputsOf('cancel')).toEqual([{ bookingId: upcoming.id }]);
  });

  it('reschedules with the day and slot steps', async () => {
    answer({
      myBookings: mine({ upcoming: [upcoming], past: [] }),
      availability: () => ({ ok: true, data: availability }),
      reschedule: () => ({ ok: true, data: { ...upcoming, slotId: NEW_SLOT, day: '2026-11-26', time: '14:00' } }),
    });
    render(<MyBookingsPage />);
    fireEvent.click(await screen.findByText('改时间'));
    fireEvent.click(await screen.findByText('可约'));
    fireEvent.click(await screen.findByText('剩2个'));
    fireEvent.click(screen.getByText('改到 14:00'));
    await waitFor(() => expect(inputsOf('reschedule')).toEqual([{ bookingId: upcoming.id, slotId: NEW_SLOT }]));
  });

  it('shows a place held from the waitlist and books it with one tap', async () => {
    const held: WaitlistEntryView = {
      id: 'wl_1',
      slotId: NEW_SLOT,
      stationId: 'xiluoyuan',
      stationName: '西罗园派出所',
      service: 'idRenewal',
      serviceLabel: '身份证到期换领',
      day: '2026-11-26',
      time: '14:00',
      status: 'holding',
      holdUntil: '2026-11-25T02:30:00.000Z',
      person: { self: true, name: '本人' },
      needs: { kinds: [], labels: [] },
    };
    let claimed = false;
    answer({
      myBookings: () => mine(claimed ? { upcoming: [{ ...upcoming, slotId: NEW_SLOT }], past: [] } : { upcoming: [], past: [] })(),
      myWaitlist: () => ({ ok: true, data: claimed ? [] : [held] }),
      claimWaitlistHold: () => {
        claimed = true;
        return { ok: true, data: { ...upcoming, slotId: NEW_SLOT } };
      },
    });
    render(<MyBookingsPage />);
    expect(await screen.findByText('有名额了！为您保留到 10:30，过时顺延给下一位')).toBeTruthy();
    fireEvent.click(screen.getByText('预约这个名额'));
    await waitFor(() => expect(inputsOf('claimWaitlistHold')).toEqual([{ slotId: NEW_SLOT, entryId: 'wl_1' }]));
    await waitFor(() => expect(screen.queryByText('预约这个名额')).toBeNull());
  });
});
