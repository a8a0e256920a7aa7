import { z } from 'zod';

/** One bad field of a request. */
export const apiFieldErrorSchema = z
  .object({
    field: z.string().describe('Path of the field, dotted: `memberOrganisations.2.name`; `(body)`, `(path)` or a parameter name otherwise.'),
    message: z.string().describe('What is wrong, written for the person who filled the form.'),
  })
  .meta({ id: 'ApiFieldError' });
export type ApiFieldError = z.infer<typeof apiFieldErrorSchema>;

/** Every error the API answers with has this body. `fields` names each bad field of a request. */
export const apiErrorSchema = z
  .object({
    statusCode: z.number().int().min(400).max(599).describe('The HTTP status, repeated.'),
    code: z
      .string()
      .describe(
        'A stable machine code: `validation_failed`, `unauthenticated`, `invalid_credentials`, `sign_in_required`, `forbidden`, `csrf_failed`, ' +
          '`cross_site_request`, `wrong_account`, `not_found`, `conflict`, `version_conflict`, `gone`, `payload_too_large`, ' +
          '`unsupported_media_type`, `too_many_attempts`, `unavailable`, `internal_error`.',
      ),
    message: z.string().describe('What went wrong, in words for a person.'),
    fields: z.array(apiFieldErrorSchema).optional().describe('Each bad field of the request (400, and 409/413 where a field is the cause).'),
    requestId: z.string().optional().describe('The `x-request-id` of the request, for the logs.'),
  })
  .meta({ id: 'ApiError', description: 'Every error answer: a status, a stable code, a message and, for bad input, the fields.' });
export type ApiError = z.infer<typeof apiErrorSchema>;
