import {
  createAddressResolver,
  HINT_EMPTY,
  HINT_NOT_FOUND,
  HINT_ONLY_AREA,
  MIN_SCORE,
  type AddressResolution,
  type CommunityAddressBook,
} from '@domain/address';
import { DEMO_ADDRESS_BOOKS } from '@local-cloud/seed/demo-address-books';

const resolver = createAddressResolver(DEMO_ADDRESS_BOOKS);
const resolve = (text: string) => resolver.resolve(text);

function expectMatch(result: AddressResolution, communityId: string) {
  if (result.kind !== 'match') throw new Error(`expected a match with ${communityId}, got ${JSON.stringify(result)}`);
  expect(result.match.communityId).toBe(communityId);
  return result.match;
}

function expectAmbiguous(result: AddressResolution) {
  if (result.kind !== 'ambiguous') throw new Error(`expected ambiguous, got ${JSON.stringify(result)}`);
  return result.candidates;
}

const ADMIN_PREFIX: Record<string, string> = { 北京: '北京市丰台区', 杭州: '浙江省杭州市拱墅区' };

describe('every demo community', () => {
  const cases = DEMO_ADDRESS_BOOKS.flatMap((book) => {
    const names = [book.name, ...book.aliases];
    const prefix = `${ADMIN_PREFIX[book.city ?? ''] ?? ''}${book.street ?? ''}`;
    return names.flatMap((name) => [
      { id: book.communityId, text: name, how: 'name/alias' },
      { id: book.communityId, text: `${name}3号楼2单元501`, how: 'building/unit/room' },
      { id: book.communityId, text: `${name}12幢1单元302室`, how: '幢/室' },
      { id: book.communityId, text: `${prefix}${name}8号楼`, how: 'full prefix' },
      { id: book.communityId, text: `我家住在${name}5号楼`, how: 'sentence' },
    ]);
  });

  test.each(cases)('$text → $id ($how)', ({ id, text }) => {
    const match = expectMatch(resolve(text), id);
    expect(match.score).toBe(1);
  });

  test('the demo books cover the thirteen demo communities', () => {
    expect(DEMO_ADDRESS_BOOKS.map((b) => b.communityId)).toEqual([
      'xly-1',
      'xly-2',
      'xly-3',
      'xly-4',
      'huajiaoshu',
      'yangqiao-dongli',
      'hanggang-beiyuan',
      'banshan-tianyuan',
      'changqing-ximen',
      'dongyuan',
      'kangqiao-xincun',
      'xiaohe-jiequ',
      'fengqi',
    ]);
  });
});

describe('the examples of the brief', () => {
  test('西罗园二区5号楼3单元301 → 西罗园第二社区', () => {
    const match = expectMatch(resolve('西罗园二区5号楼3单元301'), 'xly-2');
    expect(match).toEqual({ communityId: 'xly-2', score: 1, matched: '西罗园二区' });
  });

  test('洋桥东里12号楼 → 洋桥东里社区', () => {
    expect(expectMatch(resolve('洋桥东里12号楼'), 'yangqiao-dongli').matched).toBe('洋桥东里');
  });

  test('北京市丰台区西罗园街道西罗园四区8号楼 → 第四社区', () => {
    expectMatch(resolve('北京市丰台区西罗园街道西罗园四区8号楼'), 'xly-4');
  });

  test('花椒树 → 花椒树社区', () => {
    expectMatch(resolve('花椒树'), 'huajiaoshu');
  });
});

describe('numerals, full width and spaces', () => {
  test.each([
    ['西罗园2区', 'xly-2'],
    ['西罗园二区', 'xly-2'],
    ['西罗园第二社区', 'xly-2'],
    ['西罗园第2社区', 'xly-2'],
    ['西罗园二区十二号楼', 'xly-2'],
    ['西罗园３区', 'xly-3'],
    ['西罗园 三 区　５号楼', 'xly-3'],
    ['西罗园一区12-3-301', 'xly-1'],
    ['西罗园4区5#楼', 'xly-4'],
    ['洋桥东里十二号楼', 'yangqiao-dongli'],
    ['洋桥东里１２号楼', 'yangqiao-dongli'],
    ['（北京）西罗园四区，8号楼！', 'xly-4'],
  ])('%s → %s', (text, id) => {
    expect(expectMatch(resolve(text), id).score).toBe(1);
  });

  test('十二号楼 is building 12: inside 洋桥东里 1–30, so full score', () => {
    expect(expectMatch(resolve('洋桥东里二十号楼'), 'yangqiao-dongli').score).toBe(1);
    expect(expectMatch(resolve('洋桥东里三十一号楼'), 'yangqiao-dongli').score).toBeLessThan(1);
  });
});

describe('partial addresses', () => {
  test('西罗园5号楼 → one of 一区…四区, equally likely, in a stable order', () => {
    const candidates = expectAmbiguous(resolve('西罗园5号楼'));
    expect(candidates.map((c) => c.communityId)).toEqual(['xly-1', 'xly-2', 'xly-3', 'xly-4']);
    const scores = new Set(candidates.map((c) => c.score));
    expect(scores.size).toBe(1);
    expect([...scores][0]).toBeLessThan(1);
    expect([...scores][0]).toBeGreaterThanOrEqual(MIN_SCORE);
  });

  test('a building number is not a district number: 西罗园2号楼 is not 西罗园2区', () => {
    expect(expectAmbiguous(resolve('西罗园2号楼')).map((c) => c.communityId)).toEqual(['xly-1', 'xly-2', 'xly-3', 'xly-4']);
  });

  test.each([
    ['花椒树', 'huajiaoshu'],
    ['花椒树小区', 'huajiaoshu'],
    ['杭钢北苑', 'hanggang-beiyuan'],
    ['长庆西门', 'changqing-ximen'],
    ['东园', 'dongyuan'],
    ['小河历史街区', 'xiaohe-jiequ'],
  ])('%s → %s', (text, id) => {
    expectMatch(resolve(text), id);
  });

  test('only a 街道 → its communities, at a low score, in book order', () => {
    const candidates = expectAmbiguous(resolve('丰台区西罗园街道'));
    expect(candidates.map((c) => c.communityId)).toEqual(['xly-1', 'xly-2', 'xly-3', 'xly-4', 'huajiaoshu', 'yangqiao-dongli']);
    expect(candidates.every((c) => c.score < MIN_SCORE)).toBe(true);
    expect(expectAmbiguous(resolve('小河街道')).map((c) => c.communityId)).toEqual(['xiaohe-jiequ']);
  });
});

describe('typos', () => {
  test.each([
    ['西萝园二区', 'xly-2', 'wrong character'],
    ['西罗二区5号楼', 'xly-2', 'missing character'],
    ['西罗罗园二区', 'xly-2', 'extra character'],
    ['罗西园二区', 'xly-2', 'swapped characters'],
    ['洋桥东路12号', 'yangqiao-dongli', 'road instead of 里'],
    ['花椒数', 'huajiaoshu', 'homophone'],
    ['西罗园街道花椒数', 'huajiaoshu', 'homophone after a prefix'],
    ['杭钢北园3幢', 'hanggang-beiyuan', 'homophone'],
    ['半山田圆', 'banshan-tianyuan', 'homophone'],
    ['长庆西们社区', 'changqing-ximen', 'wrong character'],
    ['康桥新材', 'kangqiao-xincun', 'wrong character'],
    ['小河历吏街区', 'xiaohe-jiequ', 'wrong character'],
  ])('%s → %s (%s), with a lower score', (text, id) => {
    const match = expectMatch(resolve(text), id);
    expect(match.score).toBeLessThan(1);
    expect(match.score).toBeGreaterThanOrEqual(MIN_SCORE);
  });

  test('a typo in the distinguishing character → ambiguous', () => {
    expect(expectAmbiguous(resolve('西罗园六区')).map((c) => c.communityId)).toEqual(['xly-1', 'xly-2', 'xly-3', 'xly-4']);
  });

  test('a typo scores below the exact spelling', () => {
    const exact = expectMatch(resolve('西罗园二区'), 'xly-2').score;
    expect(expectMatch(resolve('西萝园二区'), 'xly-2').score).toBeLessThan(exact);
  });
});

describe('building numbers and street ranges', () => {
  const shared: CommunityAddressBook[] = [
    ...DEMO_ADDRESS_BOOKS,
    { communityId: 'yangqiao-north', name: '洋桥东里北社区', aliases: [], streets: [{ name: '洋桥东里', numbers: [[31, 60]] }], city: '北京', district: '丰台', street: '西罗园街道' },
  ];
  const split = createAddressResolver(shared);

  test('outside every range, only one community on the street → still that community, lower score', () => {
    const match = expectMatch(resolve('洋桥东里45号楼'), 'yangqiao-dongli');
    expect(match.score).toBeLessThan(1);
    expect(match.score).toBeGreaterThanOrEqual(MIN_SCORE);
  });

  test('a street split between two communities → the one whose range holds the number', () => {
    expect(expectMatch(split.resolve('洋桥东里12号楼'), 'yangqiao-dongli').score).toBe(1);
    expect(expectMatch(split.resolve('洋桥东里45号'), 'yangqiao-north').score).toBe(1);
    expect(expectMatch(split.resolve('洋桥东里三十一号院'), 'yangqiao-north').matched).toBe('洋桥东里');
  });

  test('a number in no range, or no number, on a split street → ambiguous', () => {
    expect(expectAmbiguous(split.resolve('洋桥东里99号楼')).map((c) => c.communityId)).toEqual(['yangqiao-dongli', 'yangqiao-north']);
    expect(expectAmbiguous(split.resolve('洋桥东里')).map((c) => c.communityId)).toEqual(['yangqiao-dongli', 'yangqiao-north']);
  });

  test('unit and room numbers are not checked against the ranges', () => {
    expect(expectMatch(split.resolve('洋桥东里5号楼2单元502'), 'yangqiao-dongli').score).toBe(1);
  });
});

describe('administrative context', () => {
  const twoCities: CommunityAddressBook[] = [
    ...DEMO_ADDRESS_BOOKS,
    { communityId: 'bj-dongyuan', name: '东园社区', aliases: ['东园'], city: '北京市', district: '朝阳区', street: '某某街道' },
  ];
  const r = createAddressResolver(twoCities);

  test('the same name in two cities → ambiguous, unless the text names the city or district', () => {
    expect(expectAmbiguous(r.resolve('东园社区5幢')).map((c) => c.communityId)).toEqual(['bj-dongyuan', 'dongyuan']);
    expectMatch(r.resolve('杭州东园社区5幢'), 'dongyuan');
    expectMatch(r.resolve('杭州市拱墅区东园5幢'), 'dongyuan');
    expectMatch(r.resolve('北京市朝阳区东园社区'), 'bj-dongyuan');
    expectMatch(r.resolve('东园社区（朝阳区）'), 'bj-dongyuan');
  });

  test('a community in another city than the text names is not offered', () => {
    expect(resolve('上海市西罗园二区').kind).toBe('none');
  });

  test('a name that starts like a district is not cut: 丰台 is stripped, 丰台东大街 is not', () => {
    const withStreet = createAddressResolver([
      ...DEMO_ADDRESS_BOOKS,
      { communityId: 'ftdj', name: '丰台东大街社区', aliases: ['丰台东大街'], city: '北京', district: '丰台' },
    ]);
    expect(expectMatch(withStreet.resolve('丰台东大街5号'), 'ftdj').score).toBe(1);
    expectMatch(withStreet.resolve('丰台花椒树'), 'huajiaoshu');
  });

  test('北京路 is a road, not the city', () => {
    expect(resolve('北京路100号').kind).toBe('none');
  });
});

describe('specificity', () => {
  const nested = createAddressResolver([
    { communityId: 'dongyuan', name: '东园社区', aliases: ['东园'] },
    { communityId: 'dongyuan-xincun', name: '东园新村社区', aliases: ['东园新村'] },
  ]);

  test('a name inside a longer name of another community yields to it', () => {
    expectMatch(nested.resolve('东园新村5幢'), 'dongyuan-xincun');
    expectMatch(nested.resolve('东园5幢'), 'dongyuan');
  });

  test('a place followed by 路/街 is probably a road named after it: lower score', () => {
    expect(expectMatch(resolve('东园路8号'), 'dongyuan').score).toBeLessThan(1);
  });
});

describe('nothing found', () => {
  test.each(['上海市浦东新区世纪大道100号', 'asdfgh', '今天天气不错', '广州市天河区体育西路', '12345', '北京市海淀区中关村大街1号'])('%s → none', (text) => {
    expect(resolve(text)).toEqual({ kind: 'none', hint: HINT_NOT_FOUND });
  });

  test('empty text, punctuation only', () => {
    expect(resolve('')).toEqual({ kind: 'none', hint: HINT_EMPTY });
    expect(resolve(' 　，。')).toEqual({ kind: 'none', hint: HINT_EMPTY });
  });

  test('only a city and district → ask for the community', () => {
    expect(resolve('北京市丰台区')).toEqual({ kind: 'none', hint: HINT_ONLY_AREA });
    expect(resolve('杭州市拱墅区')).toEqual({ kind: 'none', hint: HINT_ONLY_AREA });
  });

  test('the hint is the one the resident should read', () => {
    expect(HINT_NOT_FOUND).toBe('没有找到这个地址，可以从列表里选择社区，或者发送位置');
  });

  test('no books at all', () => {
    expect(createAddressResolver([]).resolve('西罗园二区').kind).toBe('none');
  });
});

describe('determinism', () => {
  test('the order of the books does not change the answer', () => {
    const reversed = createAddressResolver([...DEMO_ADDRESS_BOOKS].reverse());
    for (const text of ['西罗园5号楼', '西罗园六区', '西萝园二区', '洋桥东路12号', '花椒树']) {
      expect(reversed.resolve(text)).toEqual(resolve(text));
    }
  });

  test('the same text twice gives the same answer', () => {
    expect(resolve('西罗园5号楼')).toEqual(resolve('西罗园5号楼'));
  });

  test('scores are within 0..1', () => {
    for (const text of ['西罗园二区', '西罗园5号楼', '洋桥东里45号楼', '花椒数', '东园路8号']) {
      const r = resolve(text);
      const matches = r.kind === 'match' ? [r.match] : r.kind === 'ambiguous' ? r.candidates : [];
      for (const m of matches) {
        expect(m.score).toBeGreaterThanOrEqual(0);
        expect(m.score).toBeLessThanOrEqual(1);
      }
    }
  });
});
