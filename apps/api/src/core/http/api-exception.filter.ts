import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger, PayloadTooLargeException } from '@nestjs/common';
import { NotFoundError, UniqueConstraintViolationException, ForeignKeyConstraintViolationException } from '@mikro-orm/core';
import type { ApiError } from '@plexus/contracts';
import { StorageUnavailableError, StoredObjectMissingError } from '@plexus/server';
import type { Request, Response } from 'express';
import { MulterError } from 'multer';
import { DomainException, STATUS_OF } from './domain.exception';
import { ResponseContractError } from './response-contract.interceptor';

const HTTP_CODES: Record<number, string> = {
  400: 'validation_failed',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'payload_too_large',
  429: 'too_many_attempts',
};

const UNAVAILABLE_CODES = new Set([
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
]);
const UNAVAILABLE_MESSAGE =
  /Connection terminated|connection error|terminating connection|the database system is (starting up|shutting down)|timeout exceeded when trying to connect/i;

/** The database went away under the request (a restart, a fail-over): not the caller's fault, and worth retrying. */
export function isDatabaseUnavailable(e: unknown, depth = 0): boolean {
  if (!e || typeof e !== 'object' || depth > 4) return false;
  const err = e as { code?: unknown; message?: unknown; cause?: unknown; previous?: unknown };
  if (typeof err.code === 'string' && UNAVAILABLE_CODES.has(err.code)) return true;
  if (typeof err.message === 'string' && UNAVAILABLE_MESSAGE.test(err.message)) return true;
  return isDatabaseUnavailable(err.cause, depth + 1) || isDatabaseUnavailable(err.previous, depth + 1);
}

/** One place where every error becomes an HTTP status and an ApiError body that names the field or the rule. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const res = ctx.getResponse<Response>();
    const req = ctx.getRequest<Request & { id?: string }>();
    const body = this.toBody(exception, String(req.headers['content-type'] ?? '').startsWith('multipart/'));
    body.requestId = typeof req.id === 'string' ? req.id : undefined;
    if (body.statusCode >= 500) {
      this.logger.error({ err: exception, requestId: body.requestId }, 'Unhandled error');
    }
    if (body.statusCode === 503 && !(exception instanceof DomainException)) res.setHeader('Retry-After', '5');
    if (exception instanceof DomainException && exception.headers) {
      for (const [k, v] of Object.entries(exception.headers)) res.setHeader(k, v);
    }
    if (res.headersSent) return;
    res.status(body.statusCode).json(body);
  }

  private toBody(e: unknown, multipart: boolean): ApiError {
    if (e instanceof URIError || (e instanceof Error && /^Failed to decode param/.test(e.message))) {
      // Express could not decode a path segment (invalid UTF-8, such as an encoded lone surrogate). The route,
      // and so the parameter's name, is not known yet: the field is the path as a whole.
      const message = 'The address contains characters that are not valid UTF-8';
      return { statusCode: 400, code: 'validation_failed', message, fields: [{ field: '(path)', message }] };
    }
    if (e instanceof DomainException) {
      return { statusCode: STATUS_OF[e.code], code: e.code, message: e.message, ...(e.fields ? { fields: e.fields } : {}) };
    }
    if (e instanceof MulterError) {
      if (e.code === 'LIMIT_FILE_SIZE') {
        return {
          statusCode: 413,
          code: 'payload_too_large',
          message: 'The file is too large',
          fields: [{ field: e.field ?? 'file', message: 'The file is too large' }],
        };
      }
      return { statusCode: 400, code: 'validation_failed', message: e.message, fields: [{ field: e.field ?? 'file', message: e.message }] };
    }
    if (e instanceof StoredObjectMissingError) {
      return {
        statusCode: 404,
        code: 'not_found',
        message: 'The file is missing from storage: generate the document again or ask the network manager',
      };
    }
    if (e instanceof StorageUnavailableError) {
      return { statusCode: 503, code: 'unavailable', message: 'File storage is not answering just now. Please try again in a moment.' };
    }
    if (isDatabaseUnavailable(e)) {
      return { statusCode: 503, code: 'unavailable', message: 'The database is not answering just now. Please try again in a moment.' };
    }
    if (e instanceof ResponseContractError) return { statusCode: 500, code: 'response_contract_violated', message: e.message };
    if (e instanceof NotFoundError) return { statusCode: 404, code: 'not_found', message: 'That record was not found' };
    if (e instanceof UniqueConstraintViolationException) {
      return { statusCode: 409, code: 'conflict', message: 'That would duplicate an existing record' };
    }
    if (e instanceof ForeignKeyConstraintViolationException) {
      return { statusCode: 409, code: 'conflict', message: 'That record is still in use, or refers to one that does not exist' };
    }
    if (e instanceof PayloadTooLargeException) {
      const message = multipart ? 'The file is too large' : 'The request is too large';
      return { statusCode: 413, code: 'payload_too_large', message, ...(multipart ? { fields: [{ field: 'file', message }] } : {}) };
    }
    if (e instanceof HttpException) {
      const status = e.getStatus();
      const response = e.getResponse();
      const message = typeof response === 'string' ? response : ((response as { message?: unknown }).message ?? e.message);
      if (status === 400 && (e.cause instanceof SyntaxError || /JSON/.test(String(message)))) {
        return {
          statusCode: 400,
          code: 'validation_failed',
          message: 'The request body is not valid JSON',
          fields: [{ field: '(body)', message: String(message) }],
        };
      }
      return { statusCode: status, code: HTTP_CODES[status] ?? 'error', message: Array.isArray(message) ? message.join('; ') : String(message) };
    }
    const httpish = e as { status?: unknown; expose?: unknown; type?: unknown };
    if (typeof httpish.status === 'number' && httpish.expose === true && httpish.status >= 400 && httpish.status < 500) {
      // body-parser: malformed JSON, bodies over the limit.
      const message =
        httpish.type === 'entity.parse.failed'
          ? 'The request body is not valid JSON'
          : httpish.status === 413
            ? 'The request is too large'
            : 'The request could not be read';
      return { statusCode: httpish.status, code: HTTP_CODES[httpish.status] ?? 'bad_request', message };
    }
    return { statusCode: 500, code: 'internal_error', message: 'Something went wrong on our side. It has been logged; please try again.' };
  }
}
