/**
 * useAction over the real callAction and the real action contracts. Only the transport
 * (src/platform/cloud-transport) is replaced: the real one needs WeChat's servers or the
 * local cloud. The stand-in answers with envelopes, as the cloud functions do.
 */
import { act, renderHook, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { actions, type StationView } from '@domain/actions';
import { useAction } from '@/hooks/use-action';
import { sendToCloud } from '@/platform/cloud-transport';

jest.mock('@/platform/cloud-transport', () => ({ initCloud: jest.fn(), sendToCloud: jest.fn() }));
const transport = jest.mocked(sendToCloud);

const station: StationView = {
  id: 'xiluoyuan',
  name: '西罗园派出所',
  districtId: 'fengtai',
  districtName: '丰台区公安分局',
  address: '北京市丰台区西罗园南路 16 号',
  phone: '010-6721 0110',
  hallHours: '周一至周五 9:00–12:00',
  hallServices: ['身份证办理'],
  location: { latitude: 39.8444, longitude: 116.3839 },
};

beforeEach(() => {
  transport.mockReset();
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
});

afterEach(() => jest.restoreAllMocks());

describe('useAction', () => {
  it('sends the action to its function and becomes ready with the data', async () => {
    transport.mockResolvedValue({ ok: true, data: [station] });
    const { result } = renderHook(() => useAction(actions.directory.listStations, {}));
    expect(result.current.status).toBe('loading');
    await waitFor(() => expect(result.current.status).toBe('ready'));
    expect(result.current.data).toEqual([station]);
    expect(transport).toHaveBeenCalledWith('directory', { action: 'listStations', input: {} });
  });

  it('reports an empty list as empty', async () => {
    transport.mockResolvedValue({ ok: true, data: [] });
    const { result } = renderHook(() => useAction(actions.directory.listStations, {}));
    await waitFor(() => expect(result.current.status).toBe('empty'));
  });

  it('keeps the error envelope and recovers on reload', async () => {
    transport.mockResolvedValueOnce({ ok: false, error: { code: 'INTERNAL', message: '系统开小差了，请稍后再试', requestId: 'req-1' } });
    const { result } = renderHook(() => useAction(actions.directory.listStations, {}));
    await waitFor(() => expect(result.current.status).toBe('error'));
    expect(result.current.error).toEqual({ code: 'INTERNAL', message: '系统开小差了，请稍后再试', requestId: 'req-1' });

    transport.mockResolvedValueOnce({ ok: true, data: [station] });
    await act(() => result.current.reload());
    expect(result.current.status).toBe('ready');
    expect(result.current.error).toBeUndefined();
  });

  it('a failed refresh keeps what is on screen; only one somebody asked for says so in a toast', async () => {
    const toast = jest.spyOn(Taro, 'showToast');
    transport.mockResolvedValueOnce({ ok: true, data: [station] });
    const { result } = renderHook(() => useAction(actions.directory.listStations, {}));
    await waitFor(() => expect(result.current.status).toBe('ready'));

    const offline = { ok: false, error: { code: 'NETWORK', message: '网络不太好，请检查网络后再试' } };
    transport.mockResolvedValueOnce(offline);
    await act(() => result.current.reload({ quiet: true }));
    expect(result.current).toMatchObject({ status: 'ready', data: [station], error: { code: 'NETWORK' } });
    expect(toast).not.toHaveBeenCalled();

    transport.mockResolvedValueOnce(offline);
    await act(() => result.current.reload());
    expect(result.current).toMatchObject({ status: 'ready', data: [station] });
    expect(toast).toHaveBeenCalledWith(expect.objectContaining({ title: '网络不太好，请检查网络后再试' }));
  });

  it('turns a transport failure into the NETWORK error', async () => {
    transport.mockRejectedValue(new Error('request:fail'));
    const { result } = renderHook(() => useAction(actions.account.me, {}));
    await waitFor(() => expect(result.current.status).toBe('error'));
    expect(result.current.error?.code).toBe('NETWORK');
  });

  it('waits while not enabled', async () => {
    transport.mockResolvedValue({ ok: true, data: [] });
    const { result, rerender } = renderHook(({ enabled }) => useAction(actions.account.listStaff, { stationId: 'xiluoyuan' }, { enabled }), {
      initialProps: { enabled: false },
    });
    expect(result.current.status).toBe('loading');
    expect(transport).not.toHaveBeenCalled();
    rerender({ enabled: true });
    await waitFor(() => expect(result.current.status).toBe('empty'));
    expect(transport).toHaveBeenCalledWith('account', { action: 'listStaff', input: { stationId: 'xiluoyuan' } });
  });
});
