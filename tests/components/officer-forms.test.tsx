/**
 * The officer's publish and invite forms over the real callAction; only the transport is a
 * stand-in. Nothing is pre-ticked (a tap meant to choose an option must not remove it), and a
 * title past 40 characters is shown while typing and refused clearly instead of being cut.
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { MeView } from '@domain/actions/account';
import PublishPage from '@/packages/officer/pages/publish/index';
import { InviteForm } from '@/packages/officer/pages/workbench/invite-form';
import { MyPhoto } from '@/packages/officer/pages/workbench/my-photo';
import type { MyOfficerView } from '@domain/actions/station';
import { sendToCloud } from '@/platform/cloud-transport';

jest.mock('@/platform/cloud-transport', () => ({ initCloud: jest.fn(), sendToCloud: jest.fn() }));
jest.mock('@/platform/upload-image', () => ({ uploadImage: jest.fn(), ImageUploadError: class extends Error {} }));
const transport = jest.mocked(sendToCloud);
const sent = (action: string) => transport.mock.calls.filter(([, data]) => data.action === action).map(([, data]) => data.input);

const zhao: MeView = {
  userId: 'u-zhao', nickname: '赵警官', role: 'officer', officerKinds: ['beat', 'antiFraud'],
  station: { id: 'xiluoyuan', name: '西罗园派出所' }, createdAt: '2025-11-01T02:00:00.000Z',
} as MeView;

beforeAll(() => {
  Element.prototype.getClientRects = function () { return [{}] as unknown as DOMRectList; };
  Element.prototype.scrollIntoView = jest.fn();
});
beforeEach(() => {
  transport.mockReset();
  transport.mockImplementation(async (_fn, { action }) => {
    if (action === 'me') return { ok: true, data: zhao };
    if (action === 'listCommunities') return { ok: true, data: [] };
    throw new Error(`unexpected action ${action}`);
  });
});

const chip = (label: string) => screen.getByText(label).parentElement!;

test('publish: no audience is pre-ticked, so tapping 老年人 chooses it', async () => {
  render(<PublishPage />);
  await screen.findByText('新信息');
  expect(chip('老年人').getAttribute('aria-pressed')).toBe('false');
  fireEvent.click(screen.getByText('老年人'));
  expect(chip('老年人').getAttribute('aria-pressed')).toBe('true');
});

test('publish: the title shows its 40-character limit while typing, and past it says so and sends nothing', async () => {
  render(<PublishPage />);
  await screen.findByText('新信息');
  const title = screen.getByLabelText('标题');
  fireEvent.change(title, { target: { value: '有人冒充燃气公司上门收费' } });
  expect(screen.getByLabelText('已写 12 字，最多 40 字')).toBeTruthy();
  const long = '冒充'.repeat(22);
  fireEvent.change(title, { target: { value: long } });
  expect((title as HTMLInputElement).value).toBe(long);
  expect(screen.getByText('标题最多40个字，现在多了4个字，请删减后再发')).toBeTruthy();
  fireEvent.click(screen.getByText('发布'));
  await waitFor(() => expect(document.activeElement?.textContent).toContain('标题最多40个字'));
  expect(sent('publishArticle')).toEqual([]);
});

test('invite: no officer kind is pre-selected, so tapping 社区民警 chooses exactly that', async () => {
  transport.mockImplementation(async (_fn, { action, input }) => {
    if (action === 'createInvite') return { ok: true, data: { code: 'ABCD2345', ...(input as object) } };
    throw new Error(`unexpected action ${action}`);
  });
  render(<InviteForm stationId="xiluoyuan" onCreated={() => undefined} />);
  for (const label of ['社区民警', '窗口民警', '值班民警', '反诈民警']) expect(chip(label).getAttribute('aria-pressed')).toBe('false');
  fireEvent.click(screen.getByText('社区民警'));
  fireEvent.click(screen.getByText('生成邀请码'));
  await waitFor(() => expect(sent('createInvite')).toHaveLength(1));
  expect(sent('createInvite')[0]).toMatchObject({ officerKinds: ['beat'] });
});

describe('my photo', () => {
  const profile = {
    id: 'o-zhao', name: '赵文龙', title: '赵警官', phone: '010-6721 0131', hasPhoto: true, kinds: ['beat'], communityIds: ['xly-2'], communityNames: ['西罗园第二社区'],
    active: true, hasAccount: true, onDutyNow: false, alertCredits: 0,
  } as MyOfficerView;

  test('a photo the check hides is said so and can still be taken off: the record is told, the photo is gone from the page', async () => {
    transport.mockImplementation(async (_fn, { action }) => {
      if (action === 'setMyOfficerPhoto') return { ok: true, data: { ...profile, hasPhoto: false } };
      throw new Error(`unexpected action ${action}`);
    });
    const changes: MyOfficerView[] = [];
    render(<MyPhoto profile={profile} onChange={(next) => changes.push(next)} />);
    expect(screen.getByText(/没有通过微信安全检查或还在检查中/)).toBeTruthy();
    fireEvent.click(screen.getByText('去掉照片'));
    await waitFor(() => expect(sent('setMyOfficerPhoto')).toEqual([{ photoFileId: null }]));
    await waitFor(() => expect(changes).toEqual([expect.objectContaining({ hasPhoto: false, photoUrl: undefined })]));
  });

  test('no photo: only 上传我的照片, nothing to take off', () => {
    render(<MyPhoto profile={{ ...profile, hasPhoto: false }} onChange={() => undefined} />);
    expect(screen.getByText('上传我的照片')).toBeTruthy();
    expect(screen.queryByText('去掉照片')).toBeNull();
  });
});
