/**
 * The booking flow over the real callAction and action contracts. Only the transport
 * (src/platform/cloud-transport) and WeChat's subscription prompt (src/platform/subscribe) are
 * stood in for, like the 我的 page test does.
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { AvailabilityView, BookingView, ServiceListView } from '@domain/actions';
import { BOOKING_TEMPLATES } from '@domain/booking';
import type { ActionResult } from '@domain/result';
import { BookingFlow } from '@/packages/booking/pages/book/booking-flow';
import { sendToCloud } from '@/platform/cloud-transport';
import { requestSubscription } from '@/platform/subscribe';

jest.mock('@/platform/cloud-transport', () => ({ initCloud: jest.fn(), sendToCloud: jest.fn() }));
jest.mock('@/platform/subscribe', () => ({ requestSubscription: jest.fn(async () => ({ 'tmpl-booking-reminder': 'accept', 'tmpl-booking-reminder-hour': 'accept' })) }));
const transport = jest.mocked(sendToCloud);
const subscribe = jest.mocked(requestSubscription);

const SLOT = 'xiluoyuan:idRenewal:2026-11-25:0930';

const catalogue: ServiceListView = {
  stationId: 'xiluoyuan',
  stationName: '西罗园派出所',
  horizonDays: 14,
  bookingCutoffMinutes: 30,
  cancelCutoffMinutes: 60,
  services: [
    {
      kind: 'idRenewal',
      label: '身份证到期换领',
      summary: '有效期满或即将到期',
      desk: 'household',
      deskLabel: '户籍业务',
      minutes: 15,
      onSitePhoto: true,
      materials: [{ item: '本人居民身份证原件' }],
      placesPerSlot: 5,
      windows: ['1号窗口（户籍）', '2号窗口（户籍）'],
    },
  ],
};

const availability = (left: number): AvailabilityView => ({
  stationId: 'xiluoyuan',
  service: 'idRenewal',
  days: [
    { day: '2026-11-23', status: 'closed', closedReason: 'notOpen', slots: [] },
    { day: '2026-11-24', status: 'full', slots: [{ slotId: 'xiluoyuan:idRenewal:2026-11-24:0900', time: '09:00-09:30', start: '2026-11-24T01:00:00.000Z', left: 0 }] },
    { day: '2026-11-25', status: 'open', slots: [{ slotId: SLOT, time: '09:30-10:00', start: '2026-11-25T01:30:00.000Z', left }] },
  ],
});

const booked: BookingView = {
  id: 'b_0123456789abcdef',
  stationId: 'xiluoyuan',
  stationName: '西罗园派出所',
  service: 'idRenewal',
  serviceLabel: '身份证到期换领',
  slotId: SLOT,
  day: '2026-11-25',
  time: '09:30-10:00',
  start: '2026-11-25T01:30:00.000Z',
  end: '2026-11-25T02:00:00.000Z',
  status: 'booked',
  statusLabel: '待办理',
  person: { self: true, name: '本人' },
  needs: { kinds: [], labels: [] },
  checkInCode: '482913',
  checkInPayload: 'fq-booking:b_0123456789abcdef:482913',
  createdAt: '2026-11-23T08:00:00.000Z',
};

type Answers = Record<string, (input: Record<string, unknown>) => ActionResult<unknown>>;

function answer(answers: Answers) {
  const all: Answers = {
    listServices: () => ({ ok: true, data: catalogue }),
    availability: () => ({ ok: true, data: availability(3) }),
    listFamilyMembers: () => ({ ok: true, data: [] }),
    ...answers,
  };
  transport.mockImplementation(async (_fn, { action, input }) => {
    const reply = all[action];
    if (!reply) throw new Error(`unexpected action ${action}`);
    return reply(input as Record<string, unknown>);
  });
}

const inputsOf = (action: string) => transport.mock.calls.filter(([, data]) => data.action === action).map(([, data]) => data.input);

beforeEach(() => {
  transport.mockReset();
  subscribe.mockClear();
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
});

afterEach(() => jest.restoreAllMocks());

/** service → day → slot → 本人 → no needs → review. */
async function walkToReview() {
  fireEvent.click(await screen.findByText('身份证到期换领'));
  expect(screen.getByText('办理窗口：1号窗口（户籍）或2号窗口（户籍）')).toBeTruthy();
  expect(screen.getByText('本人居民身份证原件', { exact: false })).toBeTruthy();
  fireEvent.click(screen.getByText('下一步：选日期'));
  expect(await screen.findByText('约满')).toBeTruthy();
  expect(screen.getByText('休息')).toBeTruthy();
  fireEvent.click(screen.getByText('可约'));
  fireEvent.click(await screen.findByText('剩3个'));
  fireEvent.click(await screen.findByText('本人'));
  fireEvent.click(await screen.findByText('下一步：核对信息'));
  expect(await screen.findByText('确认预约')).toBeTruthy();
  // Where to go, said before confirming.
  expect(screen.getByText('1号窗口（户籍）或2号窗口（户籍）')).toBeTruthy();
}

describe('booking flow', () => {
  it('books the chosen slot for the resident, asking for reminders first, and shows the check-in code', async () => {
    answer({ reserve: () => ({ ok: true, data: booked }) });
    render(<BookingFlow stationId="xiluoyuan" />);
    await walkToReview();
    fireEvent.click(screen.getByText('确认预约'));

    expect(await screen.findByText('预约成功')).toBeTruthy();
    expect(screen.getByText('482913')).toBeTruthy();
    expect(screen.getByText('请按时到大厅1号窗口（户籍）或2号窗口（户籍），向工作人员出示下面的签到码。', { exact: false })).toBeTruthy();
    // Both reminders (a template each) and the closure notice, in one prompt.
    expect(subscribe).toHaveBeenCalledWith([BOOKING_TEMPLATES.dayBeforeReminder, BOOKING_TEMPLATES.hourBeforeReminder, BOOKING_TEMPLATES.slotClosed]);
    expect(screen.getByText('前一天和开始前1小时会发消息提醒您', { exact: false })).toBeTruthy();
    expect(inputsOf('reserve')).toEqual([{ slotId: SLOT, person: { self: true }, needs: { kinds: [] } }]);
    expect(inputsOf('availability')[0]).toEqual({ stationId: 'xiluoyuan', service: 'idRenewal' });
  });

  it('goes back to the times with the message and fresh places when the slot filled meanwhile', async () => {
    let full = false;
    answer({
      availability: () => ({ ok: true, data: availability(full ? 0 : 3) }),
      reserve: () => {
        full = true;
        return { ok: false, error: { code: 'CONFLICT', message: '这个时段已经约满了，请选择其他时间', fields: { slotId: '这个时段已经约满了，请选择其他时间' } } };
      },
    });
    render(<BookingFlow stationId="xiluoyuan" />);
    await walkToReview();
    fireEvent.click(screen.getByText('确认预约'));

    expect(await screen.findByText('这个时段已经约满了，请选择其他时间')).toBeTruthy();
    expect(await screen.findAllByText('已约满 · 可候补')).toHaveLength(1);
    await waitFor(() => expect(inputsOf('availability')).toHaveLength(2));
    expect(screen.getByText('第3步（共6步）：选择时间段')).toBeTruthy();
  });

  it('stays on the review when a refusal is not about the slot (e.g. the green-channel reason)', async () => {
    answer({ reserve: () => ({ ok: false, error: { code: 'CONTENT_REJECTED', message: '填写的内容未通过安全检查，请修改后再试' } }) });
    render(<BookingFlow stationId="xiluoyuan" />);
    await walkToReview();
    fireEvent.click(screen.getByText('确认预约'));
    expect(await screen.findByText('填写的内容未通过安全检查，请修改后再试')).toBeTruthy();
    expect(screen.getByText('第6步（共6步）：核对并确认')).toBeTruthy();
  });

  it('joins the waitlist of a full slot, asking for the offer message first', async () => {
    answer({
      availability: () => ({ ok: true, data: availability(0) }),
      joinWaitlist: (input) => ({
        ok: true,
        data: { id: 'wl_1', slotId: input.slotId, stationId: 'xiluoyuan', stationName: '西罗园派出所', service: 'idRenewal', serviceLabel: '身份证到期换领', day: '2026-11-25', time: '09:30', status: 'waiting', position: 2, person: { self: true, name: '本人' }, needs: { kinds: [], labels: [] } },
      }),
    });
    render(<BookingFlow stationId="xiluoyuan" />);
    fireEvent.click(await screen.findByText('身份证到期换领'));
    fireEvent.click(screen.getByText('下一步：选日期'));
    fireEvent.click(await screen.findByText('可约'));
    fireEvent.click(await screen.findByText('已约满 · 可候补'));
    fireEvent.click(await screen.findByText('本人'));
    fireEvent.click(await screen.findByText('下一步：核对信息'));
    fireEvent.click(await screen.findByText('登记候补'));
    expect(await screen.findByText('已登记候补，排第2位')).toBeTruthy();
    expect(subscribe).toHaveBeenCalledWith([BOOKING_TEMPLATES.waitlistOffer]);
    expect(inputsOf('joinWaitlist')).toEqual([{ slotId: SLOT, person: { self: true }, needs: { kinds: [] } }]);
    expect(inputsOf('reserve')).toEqual([]);
  });

  it('asks for a reason before the green channel goes to review', async () => {
    answer({});
    render(<BookingFlow stationId="xiluoyuan" />);
    fireEvent.click(await screen.findByText('身份证到期换领'));
    fireEvent.click(screen.getByText('下一步：选日期'));
    fireEvent.click(await screen.findByText('可约'));
    fireEvent.click(await screen.findByText('剩3个'));
    fireEvent.click(await screen.findByText('本人'));
    fireEvent.click(await screen.findByText('绿色通道（优先办理）'));
    fireEvent.click(screen.getByText('下一步：核对信息'));
    expect(screen.getByText('请选择或填写需要绿色通道的原因')).toBeTruthy();
    fireEvent.click(screen.getByText('80岁以上老人'));
    fireEvent.click(screen.getByText('下一步：核对信息'));
    expect(await screen.findByText('绿色通道：80岁以上老人')).toBeTruthy();
  });
});
