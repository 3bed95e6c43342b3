/**
 * What the personal-data registry (./personal-data) is made of: the spec of one collection's
 * personal data, the writes an erasure makes, and the helpers specs use to find, export and
 * erase documents. Apart from the registry so a function that erases only some collections
 * (booking removing a family member: ./personal-data-bookings) carries only their specs.
 */
import type { PersonalDataGroup } from '@domain/actions/privacy';
import { RETENTION_DAYS, periodLabel, type RetentionKind } from '@domain/privacy/retention';
import type { COLLECTIONS } from './collections';
import { findMany, isoDate } from './documents';
import type { Transaction } from './transaction';
import { database } from './wx';

export type CollectionName = (typeof COLLECTIONS)[keyof typeof COLLECTIONS];

/** A stored document, as the registry handles it: any shape with an id. */
export type Doc = Record<string, unknown> & { _id: string };

/** Whose data: the account, found by the ids the functions store. */
export interface Subject {
  userId: string;
  openid: string;
}

/** One write of an erasure, applied inside the deletion's single transaction. */
export type Write = { collection: string; id: string; remove: true } | { collection: string; id: string; update: Record<string, unknown> };

export interface EraseContext {
  subject: Subject;
  /** Stands in for the person in records that are kept: random, linked to nothing else. */
  tombstone: string;
  now: Date;
  /** Documents found so far, by collection (later entries find theirs through earlier ones). */
  found: ReadonlyMap<string, Doc[]>;
}

export interface Erasure {
  writes: Write[];
  /** Cloud files to delete once the transaction has committed (storage is not transactional). */
  files?: string[];
  /** What is kept and until when, said to the resident before they confirm. */
  kept?: { what: string; why: string; until: Date };
}

export interface RetentionSweep {
  kind: RetentionKind;
  /** The oldest due documents, at most `limit` (bounded batches: one timer run never does it all). */
  due(now: Date, limit: number): Promise<Doc[]>;
  /** What removing one due document takes (its messages, watch signals, files). */
  expire(doc: Doc): Promise<Erasure>;
}

export interface PersonalDataSpec {
  collection: CollectionName;
  group: PersonalDataGroup;
  holds: string;
  purpose: string;
  readers: string;
  retention: string;
  /** The subject's documents (all of them, paged through an index). */
  find(subject: Subject, found: ReadonlyMap<string, Doc[]>): Promise<Doc[]>;
  /** A line for 我的数据, numbers masked; undefined leaves the document out of the list (still counted). */
  line?(doc: Doc): string | undefined;
  /** The record as the export shows it: the resident's own data, without internal keys. */
  exported(doc: Doc): Record<string, unknown>;
  erase(doc: Doc, context: EraseContext): Erasure;
  sweep?: RetentionSweep;
}

const PAGE = 1000;
export const _ = () => database().command;

/** Every document matching `where`, in pages of 1000 by `_id` (the index is (key, _id)). */
export async function findAll(collection: string, where: Record<string, unknown>): Promise<Doc[]> {
  const all: Doc[] = [];
  for (let after: string | undefined; ; ) {
    const page = await findMany<Doc>(
      database()
        .collection(collection)
        .where(after === undefined ? where : { ...where, _id: _().gt(after) })
        .orderBy('_id', 'asc')
        .limit(PAGE),
    );
    all.push(...page);
    if (page.length < PAGE) return all;
    after = page[page.length - 1]!._id;
  }
}

/** Documents whose `field` is one of `values` (`in` takes a bounded list, so in chunks). */
export async function findAllIn(collection: string, field: string, values: string[]): Promise<Doc[]> {
  const all: Doc[] = [];
  for (let start = 0; start < values.length; start += 100) all.push(...(await findAll(collection, { [field]: _().in(values.slice(start, start + 100)) })));
  return all;
}

/**
 * The oldest due documents of a sweep: equality on `key` where the collection has a natural one
 * (the declared index is then (key, dateField, _id)), range and order on `dateField`. Without a
 * key it is a range scan, acceptable once a day on a timer, never per user.
 */
export async function oldest(collection: string, key: Record<string, unknown>, dateField: string, cutoff: Date | string, limit: number): Promise<Doc[]> {
  return findMany<Doc>(
    database()
      .collection(collection)
      .where({ ...key, [dateField]: _().lt(cutoff) })
      .orderBy(dateField, 'asc')
      .orderBy('_id', 'asc')
      .limit(limit),
  );
}

export const remove = (collection: string, doc: Doc): Write => ({ collection, id: doc._id, remove: true });
export const justRemove = (collection: string) => (doc: Doc): Erasure => ({ writes: [remove(collection, doc)] });
export const asDate = (value: unknown): Date => (value instanceof Date ? value : new Date(value as string));
export const day = (value: unknown): string => isoDate(value).slice(0, 10);
export const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);
export const retentionText = (kind: RetentionKind, from: string) => `${from}${periodLabel(RETENTION_DAYS[kind])}后删除`;

/** Without these the export would show internal keys that mean nothing to a resident. */
export function plain(doc: Doc, ...omit: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(doc)) {
    if (omit.includes(key)) continue;
    out[key] = value instanceof Date ? value.toISOString() : value;
  }
  return out;
}


/** Applies erasure writes inside a transaction (by document id, as CloudBase transactions require). */
export async function applyWrites(transaction: Transaction, writes: readonly Write[]): Promise<void> {
  for (const write of writes) {
    const ref = transaction.collection(write.collection).doc(write.id);
    if ('remove' in write) await ref.remove();
    else await ref.update({ data: write.update });
  }
}

/** Writes and files of several erasures, in order. */
export function combineErasures(erasures: readonly Erasure[]): { writes: Write[]; files: string[] } {
  return { writes: erasures.flatMap((erasure) => erasure.writes), files: erasures.flatMap((erasure) => erasure.files ?? []) };
}

/** The erasure of every document in `found` that `specs` cover, in the order of `specs`. */
export function eraseWith(specs: readonly PersonalDataSpec[], found: ReadonlyMap<string, Doc[]>, context: Omit<EraseContext, 'found'>): Erasure[] {
  return specs.flatMap((spec) => (found.get(spec.collection) ?? []).map((doc) => spec.erase(doc, { ...context, found })));
}
