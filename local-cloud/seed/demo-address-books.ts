import type { CommunityAddressBook } from '@domain/address/types';

/**
 * Address books of the demo communities (ids as in the local cloud's demo directory). Community
 * names come from the two newspaper reports in PRODUCT.md's seeds; aliases are the forms residents
 * write; the 洋桥东里 building range is illustrative.
 */
const beijing = { city: '北京', district: '丰台', street: '西罗园街道' } as const;

const xiluoyuan = (n: 1 | 2 | 3 | 4): CommunityAddressBook => {
  const cn = (['一', '二', '三', '四'] as const)[n - 1];
  return {
    communityId: `xly-${n}`,
    name: `西罗园第${cn}社区`,
    aliases: [`西罗园${cn}区`, `西罗园${n}区`, `西罗园第${cn}社区`],
    ...beijing,
  };
};

export const DEMO_ADDRESS_BOOKS: readonly CommunityAddressBook[] = [
  xiluoyuan(1),
  xiluoyuan(2),
  xiluoyuan(3),
  xiluoyuan(4),
  { communityId: 'huajiaoshu', name: '花椒树社区', aliases: ['花椒树', '花椒树小区'], ...beijing },
  {
    communityId: 'yangqiao-dongli',
    name: '洋桥东里社区',
    aliases: ['洋桥东里', '洋桥东里小区'],
    streets: [{ name: '洋桥东里', numbers: [[1, 30]] }],
    ...beijing,
  },
  { communityId: 'hanggang-beiyuan', name: '杭钢北苑社区', aliases: ['杭钢北苑', '杭钢北苑小区'], city: '杭州', district: '拱墅', street: '半山街道' },
  { communityId: 'banshan-tianyuan', name: '半山田园社区', aliases: ['半山田园', '半山田园小区'], city: '杭州', district: '拱墅', street: '半山街道' },
  { communityId: 'changqing-ximen', name: '长庆西门社区', aliases: ['长庆西门'], city: '杭州', district: '拱墅', street: '长庆街道' },
  { communityId: 'dongyuan', name: '东园社区', aliases: ['东园', '东园小区'], city: '杭州', district: '拱墅', street: '潮鸣街道' },
  { communityId: 'kangqiao-xincun', name: '康桥新村社区', aliases: ['康桥新村'], city: '杭州', district: '拱墅', street: '康桥街道' },
  { communityId: 'xiaohe-jiequ', name: '小河街区社区', aliases: ['小河街区', '小河历史街区'], city: '杭州', district: '拱墅', street: '小河街道' },
  { communityId: 'fengqi', name: '凤起社区', aliases: ['凤起', '凤起立交'], city: '杭州', district: '拱墅', street: '武林街道' },
];
