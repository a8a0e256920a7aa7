import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import { ApiErrorResponses } from '../core/http/api-response';

export const IS_PUBLIC = 'plexus:public';
/** Marks a public operation in the OpenAPI document; the document builder turns it into its `security` and removes it. */
export const PUBLIC_EXTENSION = 'x-plexus-public';
/** The route answers without a session (sign-in, invites, health, docs). */
export const Public = () => applyDecorators(SetMetadata(IS_PUBLIC, true), ApiExtension(PUBLIC_EXTENSION, true));

export const IS_OPERATOR_ONLY = 'plexus:operator';
/** The route is for platform operators only. */
export const OperatorOnly = () =>
  applyDecorators(
    SetMetadata(IS_OPERATOR_ONLY, true),
    ApiErrorResponses([
      403,
      'Only platform operators can do this (`forbidden`), or the X-XSRF-TOKEN header is missing on an unsafe request (`csrf_failed`).',
    ]),
  );
