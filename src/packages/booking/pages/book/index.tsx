import { Text } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { PageRoot } from '@/components/page-root';
import { BookingFlow } from './booking-flow';
import './index.scss';

export default function BookPage() {
  const { params } = useRouter();
  const stationId = params.stationId ?? '';
  if (!stationId) {
    return (
      <PageRoot>
        <Text className="page-title">请先选择派出所</Text>
        <Text className="page-intro">请回到“预约”页，点一个派出所再预约。</Text>
      </PageRoot>
    );
  }
  return (
    <PageRoot>
      <BookingFlow stationId={stationId} />
    </PageRoot>
  );
}
