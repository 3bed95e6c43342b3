/**
 * 警民联系卡 page: the officer keeps the whole poster as one picture; a refused album permission
 * is said on the page with the way to the settings. The cloud transport and the platform's
 * picture saver (a phone's canvas and album) are the stand-ins.
 */
import { fireEvent, render, screen } from '@testing-library/react';
import type { ContactCardCodeView, MeView } from '@domain/actions';
import ContactCardsPage from '@/packages/officer/pages/contact-cards/index';
import { sendToCloud } from '@/platform/cloud-transport';
import { openPermissionSettings, savePicture } from '@/platform/save-picture';

jest.mock('@/platform/cloud-transport', () => ({ initCloud: jest.fn(), sendToCloud: jest.fn() }));
jest.mock('@/platform/save-picture', () => ({ SAVE_PICTURE_LABEL: '保存海报到手机相册', CAN_OPEN_SETTINGS: true, savePicture: jest.fn(), openPermissionSettings: jest.fn() }));
const transport = jest.mocked(sendToCloud);
const saver = jest.mocked(savePicture);

const officer = { userId: 'u-zhao', nickname: '赵警官', role: 'officer', officerKinds: ['beat'], station: { id: 'xiluoyuan', name: '西罗园派出所', districtName: '丰台分局' }, createdAt: '2026-11-01T00:00:00.000Z' } as unknown as MeView;
const code = {
  cardId: 'card-xly-2',
  scene: 'c=xly-2',
  codeUrl: 'https://tmp.example/code.png',
  card: { community: { id: 'xly-2', name: '西罗园第二社区' }, station: { id: 'xiluoyuan', name: '西罗园派出所' }, post: { id: 'p', name: '西罗园北警务区', phone: '010-6721 0121' }, officer: { id: 'o', title: '赵警官' } },
  scans: 3,
  uniqueScanners: 2,
} as unknown as ContactCardCodeView;

beforeEach(() => {
  transport.mockReset();
  saver.mockReset();
  transport.mockImplementation(async (_fn, { action }) => {
    if (action === 'me') return { ok: true, data: officer };
    if (action === 'listCommunities') return { ok: true, data: [{ id: 'xly-2', name: '西罗园第二社区' }] };
    if (action === 'contactCardCode') return { ok: true, data: code };
    throw new Error(`unexpected ${action}`);
  });
});

async function openPoster() {
  render(<ContactCardsPage />);
  fireEvent.click(await screen.findByText('西罗园第二社区'));
  await screen.findByText('扫码问片警 · 紧急情况请拨打110');
}

describe('警民联系卡 page', () => {
  it('saves the poster as one picture and says so on the page', async () => {
    saver.mockResolvedValue({ saved: true, message: '海报已保存到手机相册，可以打印或发到社区群' });
    await openPoster();
    fireEvent.click(screen.getByRole('button', { name: '保存海报到手机相册' }));
    expect(await screen.findByText('✓ 海报已保存到手机相册，可以打印或发到社区群')).toBeTruthy();
    const picture = saver.mock.calls[0]![0];
    expect(picture).toMatchObject({ width: 1240, height: 1754, images: { code: code.codeUrl }, fileName: '西罗园第二社区警民联系卡海报.png' });
    expect(screen.queryByRole('button', { name: /去设置里打开/ })).toBeNull();
  });

  it('a refused album permission: the reason in words and a button to the settings page', async () => {
    saver.mockResolvedValue({ saved: false, denied: true, message: '没能保存：微信没有“保存到相册”的权限。请在设置里打开“添加到相册”后再试' });
    await openPoster();
    fireEvent.click(screen.getByRole('button', { name: '保存海报到手机相册' }));
    expect(await screen.findByText(/没有“保存到相册”的权限/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '去设置里打开“添加到相册”' }));
    expect(openPermissionSettings).toHaveBeenCalled();
  });
});
