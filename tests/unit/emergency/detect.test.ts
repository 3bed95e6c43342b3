import { detectEmergency, EMERGENCY_KINDS, EMERGENCY_PROMPT, EMERGENCY_THRESHOLD, type EmergencyKind } from '@domain/emergency';
import { PRESENT_MARKERS, SIGNALS, SUPPRESSORS } from '@domain/emergency/rules';

const positives: [string, EmergencyKind][] = [
  ['楼下有人打架，有人流血了', 'violence'],
  ['快来人，有人拿刀在砍人', 'violence'],
  ['3号楼着火了！', 'fire'],
  ['我妈现在正在银行要给‘警察’转账，怎么拦住', 'fraudTransferNow'],
  ['有人要跳楼', 'personInDanger'],
  ['门外有人在撬锁', 'intrusion'],
  ['孩子刚刚在小区里不见了', 'personInDanger'],
  ['救命！', 'personInDanger'],
  ['他拿着刀站在我家门口', 'weapon'],
  ['楼道里冒浓烟，好像烧起来了', 'fire'],
  ['对方让我现在转账到安全账户', 'fraudTransferNow'],
  ['我准备马上转给他，他说是公安局的', 'fraudTransferNow'],
  ['我爸晕倒了，叫不醒', 'medical'],
  ['老人倒在地上没有呼吸了', 'medical'],
  ['有人闯进我家了', 'intrusion'],
  ['隔壁一直在打孩子，孩子哭得很厉害', 'violence'],
  ['有人被困在电梯里出不来了', 'personInDanger'],
  ['小区门口两个人打起来了', 'violence'],
  ['厨房煤气泄漏了，味道很大', 'fire'],
  ['有个小孩掉河里了', 'personInDanger'],
  ['邻居说不想活了，要割腕', 'personInDanger'],
  ['有人一直跟着我，我很害怕', 'personInDanger'],
  ['我老公喝醉了在家打我', 'violence'],
  ['对方正在让我开屏幕共享，说要查资金', 'fraudTransferNow'],
  ['楼上有人要跳下去了，快来', 'personInDanger'],
  ['我家里进小偷了，人还在屋里', 'intrusion'],
  ['店里有人在持刀抢劫', 'weapon'],
  ['有人在偷电动车，就在楼下', 'intrusion'],
  ['老人摔倒了起不来，头上出血不止', 'medical'],
  ['我女儿现在在和网友视频，对方让她马上汇款', 'fraudTransferNow'],
  ['两个人在楼道里扭打，一个人头破血流', 'violence'],
  ['着火了快来人', 'fire'],
  ['他说要杀了我，现在就在门外', 'violence'],
  ['5分钟前孩子被一个陌生人抱走了', 'personInDanger'],
  ['我被人骗了两万块，刚刚转过去的', 'fraudTransferNow'],
  ['有人在小区里打孩子', 'violence'],
  ['爷爷突发心脏病，喘不上气', 'medical'],
];

const nearMisses: string[] = [
  '上次被骗的事想咨询一下',
  '去年家里着过火，想问消防检查',
  '怎么预防电信诈骗',
  '邻居装修噪音太大了',
  '听说小区有人被骗了',
  '如果遇到有人打架应该怎么办',
  '想办理身份证',
  '上个月被人打了想问问后续',
  '刀具管制的规定是什么',
  '之前楼道里有人打架，已经处理好了',
  '新闻里说有人持刀伤人，太吓人了',
  '如何预防入室盗窃',
  '反诈知识：不要向安全账户转账',
  '如果有人要跳楼，邻居应该怎么做',
  '昨天晚上有人撬了车锁，想问能不能调监控',
  '小区消防通道被占了，想反映一下',
  '楼上漏水好几天了，物业不管',
  '广场舞音响太吵，晚上睡不着',
  '孩子走失过一次，想了解防走失手环',
  '想咨询一下煤气泄漏应该怎么预防',
  '刚才楼下有人打起来了，现在没事了，没有人受伤',
  '有人冒充警察让转账，这种诈骗怎么识别',
  '想问一下家暴可以报警吗',
  '火灾逃生知识有哪些',
  '电梯困人应急演练在哪天',
  '怎么办理居住证',
  '小区里有人遛狗不拴绳',
  '上周家里进了小偷，想问案子进展',
  '电视上看到有人溺水，想给孩子讲讲防溺水知识',
  '我不是紧急情况，就是想问问户口迁移',
  '防范电信诈骗讲座什么时候开',
  '对方说要我转账，我没转，已经拉黑了',
  '孩子刚才不见了，现在已经找到了',
  '假如家里着火了应该先做什么',
  '没有着火，是邻居在烧烤',
  '我想给孩子办护照，现在能预约吗',
  '老人前几天晕倒过，现在想办个绿色通道',
  '如果有人正在撬锁怎么办',
  '万一孩子走丢了，现在应该先做什么',
  '楼上装修砸墙声音太大，现在正在砸',
  '现在有人在楼道里抽烟，烟很大',
  '我的电动车刚刚被偷了，想问怎么报案',
];

describe('emergencies in progress', () => {
  test.each(positives)('%s → %s', (text, kind) => {
    const result = detectEmergency(text);
    expect(result).toMatchObject({ emergency: true, kind });
    expect(result.confidence).toBeGreaterThanOrEqual(EMERGENCY_THRESHOLD);
    expect(result.confidence).toBeLessThanOrEqual(1);
    expect(result.matched).toBeTruthy();
  });

  test('every kind is covered by the positive examples', () => {
    expect(new Set(positives.map(([, kind]) => kind))).toEqual(new Set(EMERGENCY_KINDS));
  });
});

describe('near misses: past, hypothetical, informational, negated', () => {
  test.each(nearMisses)('%s', (text) => {
    const result = detectEmergency(text);
    expect(result.emergency).toBe(false);
    expect(result.kind).toBeUndefined();
    expect(result.confidence).toBeLessThan(EMERGENCY_THRESHOLD);
  });
});

describe('context rules', () => {
  test('a strong present marker outweighs a past one', () => {
    expect(detectEmergency('上个月被人打了').emergency).toBe(false);
    expect(detectEmergency('上次被骗过，现在又有人让我马上转账')).toMatchObject({ emergency: true, kind: 'fraudTransferNow' });
    expect(detectEmergency('之前也来过，现在他正在砸我家的门')).toMatchObject({ emergency: true, kind: 'intrusion' });
  });

  test('a weak signal needs a present marker', () => {
    expect(detectEmergency('楼下打架').emergency).toBe(false);
    expect(detectEmergency('楼下正在打架').emergency).toBe(true);
    expect(detectEmergency('门外有人').emergency).toBe(false);
    expect(detectEmergency('门外有人，一直在敲门').emergency).toBe(true);
  });

  test('a hypothetical is not rescued by 正在 inside it', () => {
    expect(detectEmergency('如果有人正在撬锁怎么办').emergency).toBe(false);
    expect(detectEmergency('有人正在撬锁怎么办').emergency).toBe(true);
  });

  test('a negation only suppresses what it speaks of', () => {
    expect(detectEmergency('打起来了，没有人受伤，已经没事了').emergency).toBe(false);
    expect(detectEmergency('没有人受伤，但是他还拿着刀在门口')).toMatchObject({ emergency: true, kind: 'weapon' });
    expect(detectEmergency('不是着火，是邻居在烧烤').emergency).toBe(false);
    expect(detectEmergency('火已经灭了，刚才着火了').emergency).toBe(false);
  });

  test('是不是 is a question, not a negation', () => {
    expect(detectEmergency('是不是有人在撬锁，门一直在响')).toMatchObject({ emergency: true, kind: 'intrusion' });
  });

  test('a cry for help reports the specific kind when there is one', () => {
    expect(detectEmergency('救命！')).toMatchObject({ kind: 'personInDanger', matched: '救命' });
    expect(detectEmergency('救命，着火了')).toMatchObject({ kind: 'fire', matched: '着火了' });
  });
});

describe('normalisation', () => {
  test('full-width characters, spaces and punctuation', () => {
    expect(detectEmergency('３号楼　着 火 了！！！')).toMatchObject({ emergency: true, kind: 'fire', matched: '着火了' });
    expect(detectEmergency('SOS　楼下　有人　打架　快来')).toMatchObject({ emergency: true });
    expect(detectEmergency('“他”拿着——刀！')).toMatchObject({ emergency: true, kind: 'weapon' });
  });

  test('empty or odd input', () => {
    expect(detectEmergency('')).toEqual({ emergency: false, confidence: 0 });
    expect(detectEmergency('，。！？')).toEqual({ emergency: false, confidence: 0 });
    expect(detectEmergency(undefined as unknown as string)).toEqual({ emergency: false, confidence: 0 });
  });

  test('deterministic', () => {
    for (const [text] of positives) expect(detectEmergency(text)).toEqual(detectEmergency(text));
  });
});

describe('rules as data', () => {
  test('weights are within (0, 1] and patterns are stateless', () => {
    for (const rule of [...SIGNALS, ...PRESENT_MARKERS, ...SUPPRESSORS]) {
      expect(rule.weight).toBeGreaterThan(0);
      expect(rule.weight).toBeLessThanOrEqual(1);
      expect(rule.pattern.global || rule.pattern.sticky).toBe(false);
    }
  });

  test('every kind has at least one signal that fires on its own', () => {
    for (const kind of EMERGENCY_KINDS) {
      expect(SIGNALS.some((s) => s.kind === kind && s.weight >= EMERGENCY_THRESHOLD)).toBe(true);
    }
  });

  test('the prompt sends people to 110', () => {
    expect(EMERGENCY_PROMPT).toContain('110');
    expect(EMERGENCY_PROMPT).toContain('不能代替');
  });
});
