import 'reflect-metadata';
import { applyDecorators } from '@nestjs/common';
import { ApiProduces, ApiResponse } from '@nestjs/swagger';
import { z } from 'zod';

/**
 * What each handler answers, declared once: the decorators below write it into the OpenAPI document and into
 * metadata that `ResponseContractInterceptor` checks every real response against (on in tests), so the document
 * cannot drift from what the API sends.
 */
export const RESPONSE_CONTRACT = 'plexus:response-contract';

export type ResponseBody = { kind: 'json'; schema: z.ZodType } | { kind: 'file'; mediaTypes: string[] } | { kind: 'empty' };
/** By HTTP status: the success answers a handler may give. */
export type ResponseContract = Record<number, ResponseBody>;

export const COMPONENT_REF = '#/components/schemas/';

/** The JSON Schema (2020-12, as OpenAPI 3.1 uses) of what a response schema lets through; named schemas become component refs. */
export function outputJsonSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _schema, $defs: _defs, ...rest } = z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }) as Record<string, unknown>;
  return JSON.parse(JSON.stringify(rest).replaceAll('"#/$defs/', `"${COMPONENT_REF}`)) as Record<string, unknown>;
}

function declare(status: number, body: ResponseBody): MethodDecorator {
  return (_target, _key, descriptor) => {
    const handler = descriptor.value as object;
    const existing = (Reflect.getMetadata(RESPONSE_CONTRACT, handler) as ResponseContract | undefined) ?? {};
    Reflect.defineMetadata(RESPONSE_CONTRACT, { ...existing, [status]: body }, handler);
  };
}

/** A JSON answer described by a response schema from `@plexus/contracts`. */
export function ApiZodResponse(schema: z.ZodType, options: { status?: number; description: string }): MethodDecorator {
  const status = options.status ?? 200;
  return applyDecorators(
    declare(status, { kind: 'json', schema }),
    ApiResponse({ status, description: options.description, schema: outputJsonSchema(schema) as never }),
  );
}

/** A file download: its media types, and the Content-Disposition that names the file. */
export function ApiFileResponse(mediaTypes: string[], description: string, disposition: 'attachment' | 'inline' = 'attachment'): MethodDecorator {
  return applyDecorators(
    declare(200, { kind: 'file', mediaTypes }),
    ApiProduces(...mediaTypes),
    ApiResponse({
      status: 200,
      description,
      schema: { type: 'string', format: 'binary' },
      headers: {
        'Content-Disposition': {
          description: disposition === 'attachment' ? 'attachment; filename="…" — the name to save the file as' : 'inline',
          schema: { type: 'string' },
        },
      },
    }),
  );
}

/** An answer with no body (204). */
export function ApiEmptyResponse(description: string, status = 204): MethodDecorator {
  return applyDecorators(declare(status, { kind: 'empty' }), ApiResponse({ status, description }));
}

/** What each error status means in this API; every error body is `ApiError`. */
export const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'The request is not valid (`validation_failed`): `fields` names each bad field, query or path parameter.',
  401: 'Not signed in, or the session has ended (`unauthenticated`).',
  403: 'Not allowed (`forbidden`): your role cannot do this; or an unsafe request without the X-XSRF-TOKEN header (`csrf_failed`), or sent by another site (`cross_site_request`).',
  404: 'No such record (`not_found`).',
  409: 'The request conflicts with the current state (`conflict`, `version_conflict`): a stale `version`, a duplicate, a record still in use, or one in the wrong state; `fields` names the cause where there is one.',
  410: 'The link has been used, withdrawn or has expired (`gone`).',
  413: 'The request or its file is too large (`payload_too_large`); `fields` names the file and the limit.',
  415: 'The body is not JSON (`unsupported_media_type`): send `application/json` (uploads: `multipart/form-data`).',
  429: 'Too many attempts (`too_many_attempts`): wait for the `Retry-After` seconds.',
  503: 'A service this needs is not answering (`unavailable`): try again after `Retry-After` seconds.',
};

export const API_ERROR_REF = { $ref: `${COMPONENT_REF}ApiError` };

/** Error answers particular to a route (the common ones are added to every operation by the document builder). */
export function ApiErrorResponses(...errors: Array<number | [number, string]>): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...errors.map((entry) => {
      const [status, description] = Array.isArray(entry) ? entry : [entry, ERROR_DESCRIPTIONS[entry]];
      return ApiResponse({ status, description, schema: API_ERROR_REF as never });
    }),
  );
}
