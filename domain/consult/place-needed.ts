import type { Assignee } from '@domain/routing';

/**
 * A question with no known community, address or location routes to a general queue (分局 or
 * platform 综合受理). No officer's inbox shows such a queue, so sending there would leave the
 * resident waiting on nobody: the question is kept on the phone and the resident is asked for
 * the one thing missing — where they live, or where they are.
 */
export const reachesNoStation = (assignee: Assignee): boolean => assignee.type === 'districtQueue' || assignee.type === 'globalQueue';

export const PLACE_NEEDED = {
  question: '还不知道您在哪个社区，问题交不到负责的民警手里。请先登记您住的社区，或勾选“附上我现在的位置”再发送。紧急情况请直接拨打 110。',
  fraudCheck: '还不知道您在哪个社区，核实请求交不到反诈民警手里。请先登记您住的社区；马上要转账的话，请先拨打全国反诈专线 96110。',
  /** The preview's "when": nothing is promised until the place is known. */
  expectation: '登记社区或附上位置后，就能看到由谁回复',
} as const;
