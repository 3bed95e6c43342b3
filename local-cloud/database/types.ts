/**
 * The public shape of the emulated `cloud.database()` object (server SDK subset) and of the
 * results it resolves with (same fields as wx-server-sdk, including `errMsg: '<api>:ok'`).
 */
import type { DatabaseCommand, DbRegExp, ServerDate } from './commands';
import type { DocId } from './values';

export type { DocId } from './values';

export type StoredDocument = Record<string, unknown> & { _id: DocId };

export interface GetResult {
  data: StoredDocument[];
  errMsg: string;
}

export interface DocumentGetResult {
  /** null only with `database({ throwOnNotFound: false })` */
  data: StoredDocument | null;
  errMsg: string;
}

export interface CountResult {
  total: number;
  errMsg: string;
}

export interface AddResult {
  _id: DocId;
  errMsg: string;
}

export interface AddManyResult {
  _ids: DocId[];
  errMsg: string;
}

export interface UpdateResult {
  stats: { updated: number };
  errMsg: string;
}

export interface SetResult {
  _id: DocId;
  stats: { updated: number; created: number };
  errMsg: string;
}

export interface RemoveResult {
  stats: { removed: number };
  errMsg: string;
}

export interface WriteOptions {
  data: Record<string, unknown>;
}

export type OrderDirection = 'asc' | 'desc';

export interface DatabaseQuery {
  where(query: object): DatabaseQuery;
  orderBy(fieldPath: string, direction: OrderDirection): DatabaseQuery;
  skip(offset: number): DatabaseQuery;
  limit(max: number): DatabaseQuery;
  field(projection: object): DatabaseQuery;
  get(): Promise<GetResult>;
  count(): Promise<CountResult>;
  update(options: WriteOptions): Promise<UpdateResult>;
  remove(): Promise<RemoveResult>;
}

export interface DocumentReference {
  readonly _id: DocId;
  field(projection: object): DocumentReference;
  get(): Promise<DocumentGetResult>;
  update(options: WriteOptions): Promise<UpdateResult>;
  set(options: WriteOptions): Promise<SetResult>;
  remove(): Promise<RemoveResult>;
}

export interface CollectionReference extends DatabaseQuery {
  readonly collectionName: string;
  doc(id: DocId): DocumentReference;
  add(options: { data: Record<string, unknown>[] }): Promise<AddManyResult>;
  add(options: { data: Record<string, unknown> }): Promise<AddResult>;
}

export interface TransactionDocumentReference {
  readonly _id: DocId;
  field(projection: object): TransactionDocumentReference;
  get(): Promise<DocumentGetResult>;
  update(options: WriteOptions): Promise<UpdateResult>;
  set(options: WriteOptions): Promise<SetResult>;
  remove(): Promise<RemoveResult>;
  delete(): Promise<RemoveResult>;
}

/** The query methods exist because the SDK has them; inside a transaction they all reject. */
export interface TransactionCollectionReference extends DatabaseQuery {
  readonly collectionName: string;
  doc(id: DocId): TransactionDocumentReference;
  add(options: { data: Record<string, unknown> }): Promise<AddResult>;
}

export interface Transaction {
  collection(name: string): TransactionCollectionReference;
  commit(): Promise<{ requestId: string }>;
  rollback(reason?: unknown): Promise<{ requestId: string }>;
}

export interface DatabaseConfig {
  /** wx-server-sdk's database({ throwOnNotFound }): doc().get() of a missing doc resolves { data: null } when false. */
  throwOnNotFound?: boolean;
}

export interface CloudDatabase {
  readonly command: DatabaseCommand;
  /** Callable with or without `new`, like the SDK's. */
  serverDate: { (options?: { offset?: number }): ServerDate; new (options?: { offset?: number }): ServerDate };
  RegExp: { (options: { regexp: string; options?: string }): DbRegExp; new (options: { regexp: string; options?: string }): DbRegExp };
  collection(name: string): CollectionReference;
  runTransaction<T>(callback: (transaction: Transaction) => T | Promise<T>, times?: number): Promise<T>;
  startTransaction(): Promise<Transaction>;
  createCollection(name: string): Promise<{ errMsg: string }>;
}
