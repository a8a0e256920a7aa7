import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { NotFoundError, UniqueConstraintViolationException, ForeignKeyConstraintViolationException } from '@mikro-orm/core';
import type { ApiError } from '@plexus/contracts';
import type { Request, Response } from 'express';
import { MulterError } from 'multer';
import { DomainException, STATUS_OF } from './domain.exception';

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

/** One place where every error becomes an HTTP status and an ApiError body that names the field or the rule. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const res = ctx.getResponse<Response>();
    const req = ctx.getRequest<Request & { id?: string }>();
    const body = this.toBody(exception);
    body.requestId = typeof req.id === 'string' ? req.id : undefined;
    if (body.statusCode >= 500) {
      this.logger.error({ err: exception, requestId: body.requestId }, 'Unhandled error');
    }
    if (exception instanceof DomainException && exception.headers) {
      for (const [k, v] of Object.entries(exception.headers)) res.setHeader(k, v);
    }
    if (res.headersSent) return;
    res.status(body.statusCode).json(body);
  }

  private toBody(e: unknown): ApiError {
    if (e instanceof DomainException) {
      return { statusCode: STATUS_OF[e.code], code: e.code, message: e.message, ...(e.fields ? { fields: e.fields } : {}) };
    }
    if (e instanceof MulterError) {
      if (e.code === 'LIMIT_FILE_SIZE') {
        return { statusCode: 413, code: 'payload_too_large', message: 'The file is too large', fields: [{ field: e.field ?? 'file', message: 'The file is too large' }] };
      }
      return { statusCode: 400, code: 'validation_failed', message: e.message, fields: [{ field: e.field ?? 'file', message: e.message }] };
    }
    if (e instanceof NotFoundError) return { statusCode: 404, code: 'not_found', message: 'That record was not found' };
    if (e instanceof UniqueConstraintViolationException) {
      return { statusCode: 409, code: 'conflict', message: 'That would duplicate an existing record' };
    }
    if (e instanceof ForeignKeyConstraintViolationException) {
      return { statusCode: 409, code: 'conflict', message: 'That record is still in use, or refers to one that does not exist' };
    }
    if (e instanceof HttpException) {
      const status = e.getStatus();
      const response = e.getResponse();
      const message = typeof response === 'string' ? response : ((response as { message?: unknown }).message ?? e.message);
      return { statusCode: status, code: HTTP_CODES[status] ?? 'error', message: Array.isArray(message) ? message.join('; ') : String(message) };
    }
    return { statusCode: 500, code: 'internal_error', message: 'Something went wrong on our side. It has been logged; please try again.' };
  }
}
