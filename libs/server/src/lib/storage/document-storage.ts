/** Where generated PDFs live. Keys are chosen by the caller and deterministic, so a retried write overwrites. */
export interface DocumentStorage {
  put(key: string, bytes: Buffer, contentType: string): Promise<void>;
  get(key: string): Promise<Buffer>;
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
