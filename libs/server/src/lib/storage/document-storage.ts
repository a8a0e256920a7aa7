import type { Readable } from 'node:stream';

/** A stored object as a stream, with its length when the store says it. */
export interface StoredObjectStream {
  body: Readable;
  length: number | null;
}

/** The key is not in the store (the API answers 404). */
export class StoredObjectMissingError extends Error {
  constructor(readonly key: string) {
    super(`The stored file ${key} is missing`);
    this.name = 'StoredObjectMissingError';
  }
}

/** The store did not answer or refused (a job fails with this reason and is retried; the API answers 503). */
export class StorageUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StorageUnavailableError';
  }
}

/** Where generated PDFs live. Keys are chosen by the caller and deterministic, so a retried write overwrites. */
export interface DocumentStorage {
  put(key: string, bytes: Buffer, contentType: string): Promise<void>;
  /** The whole object; `StoredObjectMissingError` when absent. */
  get(key: string): Promise<Buffer>;
  /** The object as a stream (downloads); `StoredObjectMissingError` when absent. */
  stream(key: string): Promise<StoredObjectStream>;
  /** Size in bytes, or null when absent. */
  stat(key: string): Promise<number | null>;
  /** Removes a key; one that is absent is not an error. */
  remove(key: string): Promise<void>;
  readonly kind: 'local' | 's3';
}

export const DOCUMENT_STORAGE = Symbol('DOCUMENT_STORAGE');

/**
 * Keys are `documents/<network id>/<document id>.pdf`, or `documents/<network id>/<document id>.<render>.pdf` for the
 * render that started as attempt `render`: nothing user-written reaches a path. The worker writes each render under its
 * own key and the document names the one it was finished with, so a second render of the same document (a job run
 * again after its lock lapsed) can never replace the bytes whose checksum the document records.
 */
export function documentKey(networkId: string, documentId: string, render?: number): string {
  const uuid = /^[0-9a-f-]{36}$/;
  if (!uuid.test(networkId) || !uuid.test(documentId)) throw new Error('document keys are made of ids only');
  if (render !== undefined && (!Number.isInteger(render) || render < 1)) throw new Error('a render number is a whole number from 1');
  return `documents/${networkId}/${documentId}${render === undefined ? '' : `.${render}`}.pdf`;
}

/** Keys are `submissions/<network id>/<file id>`: a peer review submission's uploaded version, named by ids only. */
export function submissionFileKey(networkId: string, fileId: string): string {
  const uuid = /^[0-9a-f-]{36}$/;
  if (!uuid.test(networkId) || !uuid.test(fileId)) throw new Error('submission file keys are made of ids only');
  return `submissions/${networkId}/${fileId}`;
}

/** Keys are `self-assessments/<network id>/<file id>`: an evidence file of a self-assessment, named by ids only. */
export function selfAssessmentFileKey(networkId: string, fileId: string): string {
  const uuid = /^[0-9a-f-]{36}$/;
  if (!uuid.test(networkId) || !uuid.test(fileId)) throw new Error('self-assessment file keys are made of ids only');
  return `self-assessments/${networkId}/${fileId}`;
}
