import type { ApiFieldError } from '@plexus/contracts';

/** A rule of the domain was not met. The code maps to an HTTP status in one place (ApiExceptionFilter). */
export type DomainErrorCode =
  | 'validation_failed'
  | 'not_found'
  | 'forbidden'
  | 'unauthenticated'
  | 'invalid_credentials'
  | 'too_many_attempts'
  | 'conflict'
  | 'version_conflict'
  | 'gone'
  | 'payload_too_large'
  | 'csrf_failed'
  | 'cross_site_request'
  | 'unsupported_media_type'
  | 'sign_in_required'
  | 'wrong_account'
  | 'unavailable';

export const STATUS_OF: Record<DomainErrorCode, number> = {
  validation_failed: 400,
  not_found: 404,
  forbidden: 403,
  unauthenticated: 401,
  invalid_credentials: 401,
  too_many_attempts: 429,
  conflict: 409,
  version_conflict: 409,
  gone: 410,
  payload_too_large: 413,
  csrf_failed: 403,
  cross_site_request: 403,
  unsupported_media_type: 415,
  sign_in_required: 401,
  wrong_account: 403,
  unavailable: 503,
};

export class DomainException extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly fields?: ApiFieldError[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'DomainException';
  }

  static notFound(what = 'record'): DomainException {
    return new DomainException('not_found', `That ${what} was not found`);
  }

  static field(field: string, message: string, code: DomainErrorCode = 'validation_failed'): DomainException {
    return new DomainException(code, message, [{ field, message }]);
  }
}
