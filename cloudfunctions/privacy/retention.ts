import type { privacyActions } from '@domain/actions/privacy';
import type { Handlers } from '@platform/cloud/create-function';
import { RETENTION_SWEEPS, applyWrites } from '@platform/cloud/personal-data';
import { inTransaction } from '@platform/cloud/transaction';
import { combine, deleteFiles } from './collect';

type RetentionHandlers = Pick<Handlers<typeof privacyActions>, 'enforceRetention'>;

/** Documents per kind per run: a run stays well inside the function's time, a backlog drains over days. */
export const RETENTION_BATCH = 100;

export const retentionHandlers: RetentionHandlers = {
  async enforceRetention(_input, context) {
    const removed: Record<string, number> = {};
    for (const { collection, sweep } of RETENTION_SWEEPS) {
      const due = await sweep.due(context.now, RETENTION_BATCH);
      if (due.length === 0) continue;
      const erasures = await Promise.all(due.map((doc) => sweep.expire(doc)));
      const { writes, files } = combine(erasures);
      // One transaction per batch: a thread and its messages go together.
      await inTransaction((transaction) => applyWrites(transaction, writes));
      await deleteFiles(files);
      // Counted as removed when its own document goes (a consult photo found sent is kept and marked attached).
      removed[collection] = due.filter((doc, index) => erasures[index]!.writes.some((write) => 'remove' in write && write.collection === collection && write.id === doc._id)).length;
    }
    return { removed };
  },
};
