import { applyDecorators, Injectable, PayloadTooLargeException, UseInterceptors, type CallHandler, type NestInterceptor } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes } from '@nestjs/swagger';
import { IMPORT_MAX_BYTES } from '@plexus/contracts';
import { MulterError, memoryStorage } from 'multer';
import { catchError, throwError, type Observable } from 'rxjs';
import { DomainException } from '../../core/http/domain.exception';

/** Turns the upload's own errors into answers that say what to do (413 names the size limit). */
@Injectable()
export class ImportUploadErrors implements NestInterceptor {
  intercept(_context: unknown, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((err: unknown) => {
        // Nest turns multer's size error into a PayloadTooLargeException before it reaches here.
        if (err instanceof PayloadTooLargeException || (err instanceof MulterError && err.code === 'LIMIT_FILE_SIZE')) {
          const message = `The file must be ${IMPORT_MAX_BYTES / (1024 * 1024)} MB or smaller. Split the plan, or save it as CSV.`;
          return throwError(() => new DomainException('payload_too_large', message, [{ field: 'file', message }]));
        }
        if (err instanceof MulterError) {
          return throwError(() => DomainException.field(err.field ?? 'file', err.code === 'LIMIT_UNEXPECTED_FILE' ? 'Send one file, in the field named file' : err.message));
        }
        return throwError(() => err);
      }),
    );
  }
}

/** Multipart upload of one table (`file`) with its options (`options`, JSON), held in memory up to the size cap. */
export function ImportUpload(): MethodDecorator {
  return applyDecorators(
    UseInterceptors(ImportUploadErrors, FileInterceptor('file', { storage: memoryStorage(), limits: { fileSize: IMPORT_MAX_BYTES, files: 1, fields: 5, fieldSize: 64 * 1024 } })),
    ApiConsumes('multipart/form-data'),
    ApiBody({
      schema: {
        type: 'object',
        properties: {
          file: { type: 'string', format: 'binary', description: '.xlsx, .csv, or tab-separated text (a table pasted from Word)' },
          options: { type: 'string', description: 'JSON: { "columns": [field or null per column], "defaultTheme": "…" }' },
        },
        required: ['file'],
      },
    }),
  );
}
