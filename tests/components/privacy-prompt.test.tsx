/**
 * WeChat's privacy check: a held call (location, photos, camera, phone number) waits for the app's
 * own pop-up, which names each use; agreeing lets the call go on, declining fails only that call.
 */
import { act, fireEvent, render, screen } from '@testing-library/react';
import { Text } from '@tarojs/components';
import { PageRoot } from '@/components/page-root';
import { PRIVACY_AGREE_BUTTON_ID } from '@/components/privacy-prompt';
import { holdPrivacyRequest, type PrivacyAnswer } from '@/state/privacy-request';

function page() {
  return render(
    <PageRoot>
      <Text>登记我住的社区</Text>
    </PageRoot>,
  );
}

test('no pop-up until WeChat asks', () => {
  page();
  expect(screen.queryByText('使用前，请您同意隐私保护指引')).toBeNull();
});

test('the pop-up names location, photos, camera and phone; agreeing lets the held call go on', () => {
  page();
  const answers: PrivacyAnswer[] = [];
  act(() => holdPrivacyRequest({ answer: (answer) => answers.push(answer) }));
  expect(screen.getByRole('alert', { name: '隐私保护提示' })).toBeTruthy();
  for (const use of ['位置', '照片', '摄像头', '手机号']) expect(screen.getByText(use)).toBeTruthy();
  // WeChat is told the pop-up was shown.
  expect(answers).toEqual([{ event: 'exposureAuthorization' }]);
  fireEvent.click(screen.getByText('同意并继续'));
  expect(answers[1]).toEqual({ event: 'agree', buttonId: PRIVACY_AGREE_BUTTON_ID });
  expect(screen.queryByText('使用前，请您同意隐私保护指引')).toBeNull();
});

test('declining answers disagree once and closes the pop-up', () => {
  page();
  const answers: PrivacyAnswer[] = [];
  act(() => holdPrivacyRequest({ answer: (answer) => answers.push(answer) }));
  fireEvent.click(screen.getByRole('button', { name: '不同意' }));
  expect(answers.map((answer) => answer.event)).toEqual(['exposureAuthorization', 'disagree']);
  expect(screen.queryByRole('alert', { name: '隐私保护提示' })).toBeNull();
});
