import * as v from 'valibot';
import { FamilyMemberSchema, NeedsSchema, needLabels, RELATION_LABELS } from '@domain/booking';

const messages = (result: { issues?: readonly { message: string }[] }) => (result.issues ?? []).map((i) => i.message);

describe('family member', () => {
  test('valid input is normalised', () => {
    const result = v.safeParse(FamilyMemberSchema, { name: ' 王 秀英 ', idNumber: '33010519850612102x', phone: '138 1234 5678', relation: 'parent' });
    expect(result.success && result.output).toEqual({ name: '王 秀英', idNumber: '33010519850612102X', phone: '13812345678', relation: 'parent' });
    expect(RELATION_LABELS.parent).toBe('父母');
  });

  test('names of ethnic minorities with a middle dot', () => {
    const result = v.safeParse(FamilyMemberSchema, { name: '买买提•艾力', idNumber: '110102195003071231', phone: '13812345678', relation: 'spouse' });
    expect(result.success && result.output.name).toBe('买买提·艾力');
  });

  test('problems are explained in Chinese, field by field', () => {
    const result = v.safeParse(FamilyMemberSchema, { name: '王', idNumber: '110102195003071234', phone: '1234', relation: 'friend' });
    expect(result.success).toBe(false);
    expect(messages(result)).toEqual(['请填写完整的姓名', '身份证号码有误，请逐位核对', '请填写11位手机号码', '请选择与您的关系']);
  });

  test('unknown fields are refused', () => {
    expect(v.safeParse(FamilyMemberSchema, { name: '王秀英', idNumber: '110102195003071231', phone: '13812345678', relation: 'parent', extra: 1 }).success).toBe(false);
  });
});

describe('needs', () => {
  test('kinds in a stable order, without duplicates', () => {
    const result = v.safeParse(NeedsSchema, { kinds: ['companion', 'wheelchair', 'companion'] });
    expect(result.success && result.output).toEqual({ kinds: ['wheelchair', 'companion'] });
  });

  test('the green channel needs a reason', () => {
    const missing = v.safeParse(NeedsSchema, { kinds: ['greenChannel'] });
    expect(messages(missing)).toEqual(['请简单说明需要绿色通道的原因']);
    const ok = v.safeParse(NeedsSchema, { kinds: ['greenChannel'], greenChannelReason: ' 80岁以上老人 ' });
    expect(ok.success && ok.output).toEqual({ kinds: ['greenChannel'], greenChannelReason: '80岁以上老人' });
    expect(needLabels(ok.success ? ok.output : undefined)).toEqual(['绿色通道（优先办理）：80岁以上老人']);
  });

  test('a reason without the green channel is dropped; unknown needs refused', () => {
    const result = v.safeParse(NeedsSchema, { kinds: ['signLanguage'], greenChannelReason: '随便写写' });
    expect(result.success && result.output).toEqual({ kinds: ['signLanguage'] });
    expect(v.safeParse(NeedsSchema, { kinds: ['jetpack'] }).success).toBe(false);
  });
});
