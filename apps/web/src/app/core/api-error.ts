import { HttpErrorResponse } from '@angular/common/http';
import type { ApiError } from '@plexus/contracts';

const GENERIC_MESSAGE = 'Sorry, there is a problem with the service. Try again later.';

function isApiErrorBody(body: unknown): body is ApiError {
  return typeof body === 'object' && body !== null && typeof (body as ApiError).message === 'string' && typeof (body as ApiError).code === 'string';
}

/** Any failure of an API call as an `ApiError`, whether or not the server answered with one. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof HttpErrorResponse) {
    if (isApiErrorBody(error.error)) return { ...error.error, statusCode: error.error.statusCode ?? error.status };
    if (error.status === 0) {
      return { statusCode: 0, code: 'network_error', message: 'Plexus could not be reached. Check your connection and try again.' };
    }
    return { statusCode: error.status, code: 'http_error', message: GENERIC_MESSAGE };
  }
  if (isApiErrorBody(error)) return error;
  return { statusCode: 0, code: 'unknown', message: GENERIC_MESSAGE };
}

export function statusOf(error: unknown): number {
  return error instanceof HttpErrorResponse ? error.status : toApiError(error).statusCode;
}
