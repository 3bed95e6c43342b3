/**
 * A family member saved by an account, to book for them (an elderly parent, a child). The ID
 * number is validated and normalised here; the cloud function stores it encrypted or as a
 * personKey plus its masked form — residents only ever see it masked.
 */
import * as v from 'valibot';
import { validateIdNumber, validatePhone } from './id-number';

export const RELATIONS = ['spouse', 'parent', 'child', 'grandparent', 'grandchild', 'sibling', 'other'] as const;
export type Relation = (typeof RELATIONS)[number];

export const RELATION_LABELS: Record<Relation, string> = {
  spouse: '配偶',
  parent: '父母',
  child: '子女',
  grandparent: '(外)祖父母',
  grandchild: '(外)孙子女',
  sibling: '兄弟姐妹',
  other: '其他亲属',
};

/** Chinese names, names of ethnic minorities with a middle dot (买买提·艾力), or Latin letters. */
const NAME_RE = /^[\u3400-\u9fff\uf900-\ufaffA-Za-z][\u3400-\u9fff\uf900-\ufaffA-Za-z·•・‧.\s]*$/;

export const personNameSchema = v.pipe(
  v.string('请填写姓名'),
  v.trim(),
  v.minLength(2, '请填写完整的姓名'),
  v.maxLength(30, '姓名不能超过30个字'),
  v.regex(NAME_RE, '姓名只能包含汉字、字母和间隔号“·”'),
  // The interpunct has several look-alikes; store one.
  v.transform((name) => name.replace(/[•・‧]/g, '·').replace(/\s+/g, ' ')),
);

export const idNumberSchema = v.pipe(
  v.string('请填写身份证号码'),
  v.rawTransform(({ dataset, addIssue, NEVER }) => {
    const check = validateIdNumber(dataset.value);
    if (!check.ok) {
      addIssue({ message: check.message });
      return NEVER;
    }
    return check.normalized;
  }),
);

export const phoneSchema = v.pipe(
  v.string('请填写手机号码'),
  v.rawTransform(({ dataset, addIssue, NEVER }) => {
    const check = validatePhone(dataset.value);
    if (!check.ok) {
      addIssue({ message: check.message });
      return NEVER;
    }
    return check.normalized;
  }),
);

export const FamilyMemberSchema = v.strictObject(
  {
    name: personNameSchema,
    idNumber: idNumberSchema,
    phone: phoneSchema,
    relation: v.picklist(RELATIONS, '请选择与您的关系'),
  },
  '家庭成员信息格式不对',
);

export type FamilyMemberInput = v.InferInput<typeof FamilyMemberSchema>;
export type FamilyMember = v.InferOutput<typeof FamilyMemberSchema>;
