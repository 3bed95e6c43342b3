/**
 * 转账前问一问 over the real callAction: the reply reminder is asked only when the check is about
 * to go (form complete, station known), and the first missing answer is brought on screen.
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { MeView } from '@domain/actions/account';
import FraudCheckPage from '@/packages/consult/pages/fraud-check/index';
import { sendToCloud } from '@/platform/cloud-transport';
import { requestSubscription } from '@/platform/subscribe';

jest.mock('@/platform/cloud-transport', () => ({ initCloud: jest.fn(), sendToCloud: jest.fn() }));
jest.mock('@/platform/subscribe', () => ({ requestSubscription: jest.fn(async () => ({})) }));
const transport = jest.mocked(sendToCloud);
const subscription = jest.mocked(requestSubscription);
const scrolled = jest.fn();

const wang = { userId: 'u-wang', nickname: '王阿姨', role: 'resident', officerKinds: [], createdAt: '2025-11-01T02:00:00.000Z' } as unknown as MeView;
let me: MeView = wang;

beforeAll(() => {
  Element.prototype.getClientRects = function () { return [{}] as unknown as DOMRectList; };
  Element.prototype.scrollIntoView = scrolled;
});
beforeEach(() => {
  subscription.mockClear();
  transport.mockReset();
  transport.mockImplementation(async (_fn, { action }) => {
    if (action === 'me') return { ok: true, data: me };
    if (action === 'startFraudCheck') return { ok: false, error: { code: 'INVALID_INPUT', message: '还不知道您在哪个社区' } };
    throw new Error(`unexpected action ${action}`);
  });
});

test('an empty form asks for no reminder, sends nothing and brings the first problem on screen', async () => {
  me = { ...wang, homeCommunity: { id: 'xly-2', name: '西罗园第二社区', stationName: '西罗园派出所' } } as MeView;
  render(<FraudCheckPage />);
  await waitFor(() => expect(transport).toHaveBeenCalledWith('account', expect.objectContaining({ action: 'me' })));
  fireEvent.click(screen.getByText('请民警帮我核实'));
  expect(await screen.findByText('请填写金额')).toBeTruthy();
  expect(subscription).not.toHaveBeenCalled();
  expect(transport.mock.calls.filter(([, body]) => body.action === 'startFraudCheck')).toHaveLength(0);
  await waitFor(() => expect(scrolled).toHaveBeenCalled());
});

test('a complete form without a community asks for no reminder (the answer points to 96110)', async () => {
  me = wang;
  render(<FraudCheckPage />);
  await waitFor(() => expect(transport).toHaveBeenCalledWith('account', expect.objectContaining({ action: 'me' })));
  fireEvent.input(screen.getByLabelText('准备转多少钱，单位元'), { target: { value: '5000' } });
  fireEvent.click(screen.getByText('个人账户'));
  fireEvent.click(screen.getByText('打电话给我'));
  fireEvent.click(screen.getByText('请民警帮我核实'));
  await waitFor(() => expect(transport.mock.calls.filter(([, body]) => body.action === 'startFraudCheck')).toHaveLength(1));
  expect(subscription).not.toHaveBeenCalled();
});
