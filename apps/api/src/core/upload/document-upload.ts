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
import multer, { memoryStorage } from 'multer';
import type { Observable } from 'rxjs';
import { ApiErrorResponses } from '../http/api-response';
import { DomainException } from '../http/domain.exception';
import { megabytes, receiveUpload, uploadError } from './table-upload';

/** A document uploaded in the field `file`, held in memory (its size capped while it arrives). */
export interface UploadedDocument {
  buffer: Buffer;
  originalname?: string;
  mimetype?: string;
}

export interface DocumentUploadOptions {
  /** The largest file taken: a larger one is cut off as it arrives and answers 413 naming `file`. */
  maxBytes: number;
  /** What the file is, for the OpenAPI description. */
  description: string;
  /** What to do when the file is too large (after "The file must be N MB or smaller."). */
  tooLargeAdvice: string;
}

function documentUploadInterceptor(opts: DocumentUploadOptions): Type<NestInterceptor> {
  const upload = multer({
    storage: memoryStorage(),
    // Browsers send file names as UTF-8 without saying so.
    defParamCharset: 'utf8',
    limits: { fileSize: opts.maxBytes, files: 1, fields: 0, fieldNameSize: 100, parts: 2, headerPairs: 50 },
  }).single('file');

  @Injectable()
  class DocumentUploadInterceptor implements NestInterceptor {
    async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
      await receiveUpload(context, upload, (err) =>
        // No other fields: a text field is refused naming the file it came with.
        (err as { code?: string }).code === 'LIMIT_FIELD_COUNT'
          ? DomainException.field('file', 'Send only the file, in the field named file')
          : uploadError(err, opts),
      );
      return next.handle();
    }
  }
  return mixin(DocumentUploadInterceptor);
}

/**
 * Multipart upload of one document (`file`) and nothing else. Errors name the field: two files, a file in another
 * field, a text field, a malformed body → 400; past `maxBytes` → 413 (the upload is stopped as it arrives).
 */
export function DocumentUpload(opts: DocumentUploadOptions): MethodDecorator {
  return applyDecorators(
    UseInterceptors(documentUploadInterceptor(opts)),
    ApiConsumes('multipart/form-data'),
    ApiBody({
      schema: {
        type: 'object',
        properties: { file: { type: 'string', format: 'binary', description: opts.description } },
        required: ['file'],
      },
    }),
    ApiErrorResponses([413, `The file is larger than ${megabytes(opts.maxBytes)} (\`payload_too_large\`); \`fields\` names \`file\` and the limit.`]),
  );
}
