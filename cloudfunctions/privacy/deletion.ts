import { randomBytes } from 'node:crypto';
import { PERSONAL_DATA_GROUP_TITLES, type DeletionPlanView, type KeptRecordView, type privacyActions } from '@domain/actions/privacy';
import { ActionError } from '@domain/errors';
import { keptUntil } from '@domain/privacy/retention';
import { COLLECTIONS, type UserRecord } from '@platform/cloud/collections';
import { requireUser, type Handlers } from '@platform/cloud/create-function';
import { isoDate } from '@platform/cloud/documents';
import { PERSONAL_DATA, applyWrites, eraseFound, type Doc, type Erasure, type Subject } from '@platform/cloud/personal-data';
import { inTransaction } from '@platform/cloud/transaction';
import { collectPersonalData, combine, deleteFiles } from './collect';

type DeletionHandlers = Pick<Handlers<typeof privacyActions>, 'deletionPlan' | 'deleteAccount'>;

const blockersOf = (user: UserRecord): string[] =>
  user.role === 'resident' ? [] : ['民警和管理员的账号属于工作账号，请先由所里管理员在“民警名单”里收回权限，再注销。'];

interface Plan {
  erasures: Erasure[];
  erased: string[];
  kept: KeptRecordView[];
}

/** Kept records of one kind collapse to one line, until the latest of their dates. */
function keptLines(erasures: readonly Erasure[], now: Date): KeptRecordView[] {
  const byWhat = new Map<string, { why: string; until: Date }>();
  for (const { kept } of erasures) {
    if (!kept) continue;
    const earlier = byWhat.get(kept.what);
    if (!earlier || kept.until > earlier.until) byWhat.set(kept.what, { why: kept.why, until: kept.until });
  }
  const lines = [...byWhat].map(([what, { why, until }]) => ({ what, why, until: isoDate(until) }));
  // The deletion is itself an audited act; that record names no one.
  lines.push({ what: '“账号已注销”的审计记录', why: '证明注销按您的要求做了；只有时间和删除的条数，不含任何个人信息', until: isoDate(keptUntil('auditLog', now)) });
  return lines;
}

function plan(found: Map<string, Doc[]>, subject: Subject, tombstone: string, now: Date): Plan {
  const erasures = eraseFound(found, { subject, tombstone, now });
  const counts = new Map<string, number>();
  for (const spec of PERSONAL_DATA) {
    const docs = found.get(spec.collection) ?? [];
    // Audit records are not erased but unlinked: they are listed under what is kept.
    if (docs.length > 0 && spec.collection !== COLLECTIONS.auditLog) counts.set(spec.group, (counts.get(spec.group) ?? 0) + docs.length);
  }
  const active = (found.get(COLLECTIONS.bookings) ?? []).filter((booking) => booking.status === 'booked' && new Date(booking.end as Date) > now).length;
  const erased = [...counts].map(([group, count]) => `${PERSONAL_DATA_GROUP_TITLES[group as keyof typeof PERSONAL_DATA_GROUP_TITLES]}：${count} 条`);
  if (active > 0) erased.push(`其中 ${active} 个还没办理的预约会先取消，名额让给别人`);
  return { erasures, erased, kept: keptLines(erasures, now) };
}

export const deletionHandlers: DeletionHandlers = {
  async deletionPlan(_input, context) {
    const { user, openid } = requireUser(context);
    const subject = { userId: user._id, openid };
    const { erased, kept } = plan(await collectPersonalData(subject), subject, 'preview', context.now);
    const view: DeletionPlanView = { erased, kept, blockers: blockersOf(user) };
    return view;
  },

  async deleteAccount(_input, context) {
    const { user, openid } = requireUser(context);
    const blockers = blockersOf(user);
    if (blockers.length > 0) throw new ActionError('CONFLICT', blockers[0]);
    const subject = { userId: user._id, openid };
    // Random and recorded nowhere with the person: what is kept cannot be traced back to them.
    const tombstone = `gone_${randomBytes(12).toString('hex')}`;
    const found = await collectPersonalData(subject);
    const { erasures, kept } = plan(found, subject, tombstone, context.now);
    const { writes, files } = combine(erasures);
    const counts: Record<string, number> = {};
    for (const [collection, docs] of found) if (docs.length > 0) counts[collection] = docs.length;

    // Every erasure and the audit record land together, or none of them do.
    await inTransaction(async (transaction) => {
      await applyWrites(transaction, writes);
      await transaction.collection(COLLECTIONS.auditLog).add({ data: { type: 'account.deleted', userId: tombstone, erased: counts, at: context.now } });
    });
    await deleteFiles(files);
    return { deleted: true, kept };
  },
};
