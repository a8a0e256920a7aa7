import {
  applyDecorators,
  Injectable,
  mixin,
  UseInterceptors,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
  type Type,
} from '@nestjs/common';
import { ApiBody, ApiConsumes } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import multer, { MulterError, memoryStorage } from 'multer';
import { finished } from 'node:stream';
import type { Observable } from 'rxjs';
import { ApiErrorResponses } from '../http/api-response';
import { DomainException } from '../http/domain.exception';

/** A table uploaded for import, held in memory (its size is capped while it arrives). */
export interface UploadedTable {
  buffer: Buffer;
  originalname?: string;
}

export interface TableUploadOptions {
  /** The largest file taken; a larger one answers 413 naming `file` and this size. */
  maxBytes: number;
  /** What the file holds, for the OpenAPI description. */
  description: string;
  /** What to do when the file is too large (after "The file must be N MB or smaller."). */
  tooLargeAdvice: string;
  /** What the `options` field holds (JSON), for the OpenAPI description. */
  optionsDescription?: string;
}

const OPTIONS_MAX_BYTES = 64 * 1024;
export const megabytes = (bytes: number) => `${Number((bytes / (1024 * 1024)).toFixed(1))} MB`;

/** multer's and busboy's errors as answers that name the field: `file` or `options` (every upload: tables and documents). */
export function uploadError(err: unknown, opts: Pick<TableUploadOptions, 'maxBytes' | 'tooLargeAdvice'>): DomainException {
  if (err instanceof MulterError) {
    switch (err.code) {
      case 'LIMIT_FILE_SIZE': {
        const message = `The file must be ${megabytes(opts.maxBytes)} or smaller. ${opts.tooLargeAdvice}`;
        return new DomainException('payload_too_large', message, [{ field: 'file', message }]);
      }
      case 'LIMIT_UNEXPECTED_FILE':
        return DomainException.field(
          'file',
          err.field === 'file' || !err.field
            ? 'Send one file at a time, in the field named file'
            : `Send the file in the field named file (it came in a field named "${err.field}")`,
        );
      case 'LIMIT_FILE_COUNT':
        return DomainException.field('file', 'Send one file at a time, in the field named file');
      case 'LIMIT_FIELD_VALUE':
        return DomainException.field(err.field || 'options', `The ${err.field || 'options'} field must be ${OPTIONS_MAX_BYTES / 1024} KB or smaller`);
      default:
        return DomainException.field(
          err.field || 'file',
          'The upload could not be read: send the file in the field named file, and any options as JSON in the field named options',
        );
    }
  }
  // busboy: a body that is not well-formed multipart (no boundary, cut short, malformed part headers).
  return DomainException.field('file', 'The upload could not be read: send it as multipart/form-data with the file in the field named file');
}

/**
 * Runs multer's middleware on the request (its limits checked while the body arrives), turning its errors into answers
 * with `toError`. A response sent while the body is still arriving (an earlier interceptor gave up) ends the upload too.
 */
export async function receiveUpload(
  context: ExecutionContext,
  upload: (req: Request, res: Response, done: (err?: unknown) => void) => void,
  toError: (err: unknown) => unknown,
): Promise<Request> {
  const http = context.switchToHttp();
  const req = http.getRequest<Request>();
  const res = http.getResponse<Response>();
  let receiving = true;
  const stop = finished(res, () => {
    if (receiving && !req.complete) req.destroy();
  });
  try {
    await new Promise<void>((resolve, reject) => upload(req, res, (err: unknown) => (err ? reject(toError(err)) : resolve())));
  } finally {
    receiving = false;
    stop();
  }
  return req;
}

/** The text fields of the upload: only `options` (JSON), parsed here so that a bad one answers 400 naming it. */
function checkFields(req: Request): void {
  const body = (req.body ?? {}) as Record<string, unknown>;
  for (const name of Object.keys(body)) {
    if (name !== 'options')
      throw DomainException.field(
        name,
        `Unexpected field "${name}": send the file in the field named file, and any options in the field named options`,
      );
  }
  const options = body['options'];
  if (Array.isArray(options)) throw DomainException.field('options', 'Send the options once');
  if (typeof options === 'string') {
    if (!options.trim()) {
      delete body['options'];
      return;
    }
    try {
      body['options'] = JSON.parse(options) as unknown;
    } catch {
      throw DomainException.field('options', 'The import options are not valid JSON');
    }
  }
}

function tableUploadInterceptor(opts: TableUploadOptions): Type<NestInterceptor> {
  const upload = multer({
    storage: memoryStorage(),
    limits: { fileSize: opts.maxBytes, files: 1, fields: 4, fieldSize: OPTIONS_MAX_BYTES, fieldNameSize: 100, parts: 6, headerPairs: 50 },
  }).single('file');

  @Injectable()
  class TableUploadInterceptor implements NestInterceptor {
    async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
      const req = await receiveUpload(context, upload, (err) => uploadError(err, opts));
      checkFields(req);
      return next.handle();
    }
  }
  return mixin(TableUploadInterceptor);
}

/**
 * Multipart upload of one table (`file`) with optional JSON `options`, for every import. Errors name the field:
 * two files, a file in another field, a malformed body, options that are not JSON → 400; too large → 413.
 */
export function TableUpload(opts: TableUploadOptions): MethodDecorator {
  return applyDecorators(
    UseInterceptors(tableUploadInterceptor(opts)),
    ApiConsumes('multipart/form-data'),
    ApiBody({
      schema: {
        type: 'object',
        properties: {
          file: { type: 'string', format: 'binary', description: opts.description },
          options: { type: 'string', description: opts.optionsDescription ?? 'JSON; this import takes no options' },
        },
        required: ['file'],
      },
    }),
    ApiErrorResponses(
      [
        413,
        `The file is larger than ${megabytes(opts.maxBytes)}, or past a limit on rows, columns, cells or sheets, or took too long to read (\`payload_too_large\`); \`fields\` names \`file\` and the limit.`,
      ],
      [429, 'Too many uploads are being read just now (`too_many_attempts`): try again after `Retry-After` seconds.'],
    ),
  );
}
