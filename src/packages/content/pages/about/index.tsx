import { Text, View } from '@tarojs/components';
import { MAX_IMAGE_BYTES } from '@domain/media/image-type';
import { RETENTION_DAYS, RETENTION_STATEMENTS, periodLabel } from '@domain/privacy/retention';
import Taro from '@tarojs/taro';
import { EntryRow } from '@/components/entry-row';
import { ROUTES } from '@/routes';
import { PageRoot } from '@/components/page-root';
import { NoticeCard } from '@/components/notice-card';
import { PhoneLine } from '@/components/phone-line';
import './index.scss';

interface CollectedItem {
  what: string;
  why: string;
}

/** PIPL: say what is collected, why, and who sees it — in words a resident understands. */
const COLLECTED: CollectedItem[] = [
  { what: '微信给的匿名编号（OpenID）', why: '认出是您本人，不需要注册和密码。我们拿不到您的微信号和手机号。' },
  { what: '您填写的昵称', why: '民警回复您时知道怎么称呼您。' },
  { what: '您登记的社区', why: '把您的问题交给负责这个社区的片儿警。' },
  { what: '您主动发送的位置（只在您点“发送位置”或“附上位置”时）', why: '找到您所在的社区和负责的民警。位置用完即弃，不保存；附在提问里的位置只给处理问题的民警看。' },
  { what: '您输入的地址', why: '只用来查找您住的社区，查完不保存。' },
  { what: '为家人预约时填写的姓名、证件号、电话', why: '只用于大厅核对身份。证件号和电话加密保存，除您本人外一律打码显示。' },
  { what: '您提的问题和上传的照片', why: '只给处理您问题的民警看，不公开。民警看到的电话、证件号是打码的，需要完整号码时要写明用途，每次都被记录。' },
  { what: '照片本身', why: `只收照片（按文件内容判断），在手机上先缩小，最大 ${Math.round(MAX_IMAGE_BYTES / 1024)} KB；每张都经过微信图片安全检查，未通过的只有处理的民警能看到，并会告诉您。` },
  { what: '您参加的调解案件（当事人或受邀的一方）', why: '民警组织圆桌调解、记录协议和回访。只给参加这件调解的人和负责的民警看。' },
  { what: '您看过、点过“我已知晓”的反诈提醒，小测试的得分', why: '“N人看过”“多少人已知晓”按人数统计，同一天小测试不出重复的题。民警只看到人数，看不到是谁。' },
  { what: '您扫过的警民联系卡、订阅的紧急预警', why: '统计联系卡在各社区的覆盖；有紧急预警时按您的订阅发微信提醒。' },
  { what: '民警本人：姓名、称呼、工作电话和照片', why: '居民在警民联系牌和回复里认出民警、拨打工作电话；照片通过微信安全检查才显示。在岗期间保存；换照片、去掉照片或停用时照片立即删除。' },
];

export default function AboutPage() {
  return (
    <PageRoot className="about-page">
      <Text className="page-title">枫桥邻警</Text>
      <Text className="page-intro">
        把社区派出所装进口袋：看反诈提醒、预约办证、问自己的片儿警。取“枫桥经验”之意——小事不出社区，矛盾就地化解，服务不缺位。
      </Text>

      <NoticeCard title="本程序不能代替 110" tone="warning">
        <Text>这里的留言和预约都不是报警。遇到正在发生的违法犯罪、火灾、人身危险，请立即拨打 110。</Text>
      </NoticeCard>
      <View className="about-page__call">
        <PhoneLine title="报警电话" number="110" description="24小时接警" tone="urgent" />
      </View>

      <Text className="section-title">隐私说明</Text>
      <Text className="about-page__paragraph">我们只收集办事必需的最少信息，每一项都告诉您为什么：</Text>
      <View className="about-page__list">
        {COLLECTED.map((item) => (
          <View key={item.what} className="about-page__item">
            <Text className="about-page__item-what">{item.what}</Text>
            <Text className="about-page__item-why">{item.why}</Text>
          </View>
        ))}
      </View>
      <Text className="section-title">保存多久</Text>
      <View className="about-page__list">
        {RETENTION_STATEMENTS.map((item) => (
          <View key={item.kind} className="about-page__item">
            <Text className="about-page__item-what">{item.what}</Text>
            <Text className="about-page__item-why">
              {item.from}
              {periodLabel(RETENTION_DAYS[item.kind])}
              {item.then}（每天自动清理）
            </Text>
          </View>
        ))}
      </View>
      <Text className="about-page__paragraph">
        · 您写的每一段文字，在别人看到之前都会经过微信内容安全检查。{'\n'}· 民警查看个人信息会被记录，可以追溯。{'\n'}· 账号、家人、“已知晓”等记录在您使用期间保存，您删除或注销时删除。
        {'\n'}· 您可以随时在“我的 → 我的数据”里查看我们保存了您哪些信息、导出一份，或注销账号。注销前会告诉您哪些依法保留、保留到什么时候。
      </Text>
      <EntryRow title="我的数据" description="查看、导出、注销" onClick={() => void Taro.navigateTo({ url: ROUTES.myData })} />

      <Text className="about-page__footer">版本 0.1 · 本地派出所与社区共同维护</Text>
    </PageRoot>
  );
}
