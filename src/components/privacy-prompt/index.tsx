import { Button, Text, View } from '@tarojs/components';
import { useEffect } from 'react';
import { openPrivacyGuidelines } from '@/platform/privacy';
import { answerPrivacyRequest, usePendingPrivacyRequest } from '@/state/privacy-request';
import { roleProps } from '../a11y';
import './index.scss';

/** What the app collects and why, in the words of the privacy guidelines filled in the admin console. */
export const PRIVACY_USES: readonly { what: string; why: string }[] = [
  { what: '位置', why: '找到您所在的社区、负责的社区民警和最近的派出所' },
  { what: '照片', why: '问片警时附上现场照片，预约办证时上传证件照' },
  { what: '摄像头', why: '扫描二维码：民警在大厅为您签到、扫描警民联系牌' },
  { what: '手机号', why: '您为家人预约或民警登记工作电话时填写，只给负责的民警看，并打码显示' },
];

export const PRIVACY_AGREE_BUTTON_ID = 'fq-privacy-agree';

/**
 * The app's own privacy pop-up (WeChat's privacy check): shown when WeChat holds a call that needs
 * the resident's consent, naming each use. Agreeing lets the held call go on; declining fails only
 * that call, and the page says what it could not do.
 */
export function PrivacyPrompt() {
  const request = usePendingPrivacyRequest();
  useEffect(() => {
    if (request) answerPrivacyRequest({ event: 'exposureAuthorization' });
  }, [request]);
  if (!request) return null;
  return (
    <View className="privacy-prompt" {...roleProps('alert')} aria-modal="true" aria-label="隐私保护提示">
      <View className="privacy-prompt__card">
        <Text className="privacy-prompt__title" {...roleProps('heading')}>
          使用前，请您同意隐私保护指引
        </Text>
        <Text className="privacy-prompt__lead">枫桥邻警只在您用到下面这些功能时才使用它们：</Text>
        <View {...roleProps('list')}>
          {PRIVACY_USES.map((use) => (
            <View key={use.what} className="privacy-prompt__use" {...roleProps('listitem')}>
              <Text className="privacy-prompt__what">{use.what}</Text>
              <Text className="privacy-prompt__why">{use.why}</Text>
            </View>
          ))}
        </View>
        <View className="privacy-prompt__link" {...roleProps('link')} aria-label="查看完整的隐私保护指引" onClick={openPrivacyGuidelines}>
          <Text>查看完整的《隐私保护指引》</Text>
        </View>
        <View className="privacy-prompt__actions">
          <View className="privacy-prompt__decline" {...roleProps('button')} aria-label="不同意" onClick={() => answerPrivacyRequest({ event: 'disagree' })}>
            <Text>不同意</Text>
          </View>
          <Button
            id={PRIVACY_AGREE_BUTTON_ID}
            className="privacy-prompt__agree"
            openType="agreePrivacyAuthorization"
            aria-label="同意并继续"
            onAgreePrivacyAuthorization={() => answerPrivacyRequest({ event: 'agree', buttonId: PRIVACY_AGREE_BUTTON_ID })}
          >
            同意并继续
          </Button>
        </View>
      </View>
    </View>
  );
}

export default PrivacyPrompt;
