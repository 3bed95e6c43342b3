import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import Input from '@nutui/nutui-react-taro/dist/es/packages/input';
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css';
import { bookingActions, type RosterEntryView } from '@domain/actions/booking';
import { FormCard } from '@/components/form-card';
import { inputFieldProps } from '@/components/field-error';
import { FormError } from '@/components/form-error';
import { useSubmit } from '@/hooks/use-submit';
import { CAN_SCAN, scanQrCode } from '@/platform/scan';
import { NeedBadges } from './need-badges';

export interface CheckInBoxProps {
  stationId: string;
  onCheckedIn: (entry: RosterEntryView) => void;
}

/** 签到: scan the resident's QR code (phone) or type the 6 digits they read out. */
export function CheckInBox({ stationId, onCheckedIn }: CheckInBoxProps) {
  const checkIn = useSubmit(bookingActions.checkIn);
  const [code, setCode] = useState('');
  const [scanProblem, setScanProblem] = useState<string>();
  const [done, setDone] = useState<RosterEntryView>();

  async function send(value: string) {
    setDone(undefined);
    setScanProblem(undefined);
    const entry = await checkIn.submit({ stationId, code: value });
    if (!entry) return;
    setDone(entry);
    setCode('');
    onCheckedIn(entry);
  }

  async function scan() {
    const scanned = await scanQrCode();
    if (scanned.ok) await send(scanned.text);
    else if (scanned.reason !== 'cancelled') setScanProblem(scanned.message);
  }

  return (
    <FormCard title="签到">
      {CAN_SCAN && (
        <Button className="check-in__scan" type="primary" block disabled={checkIn.pending} onClick={() => void scan()}>
          扫居民的预约二维码
        </Button>
      )}
      <Text className="form-card__label">{CAN_SCAN ? '或输入居民报出的6位签到码' : '输入居民报出的6位签到码'}</Text>
      <View className="check-in__row">
        <Input
          className="form-card__input form-card__input--code check-in__input"
          type="digit"
          value={code}
          maxLength={6}
          placeholder="6位数字"
          {...inputFieldProps('check-in-code', '居民报出的6位签到码', checkIn.error?.message)}
          onChange={(value) => {
            setCode(value);
            checkIn.clearError();
          }}
        />
        <Button className="check-in__send" type="primary" loading={checkIn.pending} disabled={code.trim().length === 0} onClick={() => void send(code)}>
          确认签到
        </Button>
      </View>
      {/* The outcome of each 签到 is read out: the officer may be looking at the resident, not the phone. */}
      <View role="status" aria-live="polite">
      {scanProblem && <Text className="field-error">{scanProblem}</Text>}
      <FormError error={checkIn.error} fieldId="check-in-code" />
      {done && (
        <View className="check-in__done">
          <Text className="check-in__done-title">✓ 已签到：{done.person.name}</Text>
          <Text className="check-in__done-detail">{done.serviceLabel}</Text>
          <NeedBadges needs={done.needs} />
        </View>
      )}
      </View>
    </FormCard>
  );
}
