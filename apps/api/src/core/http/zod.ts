import { applyDecorators, type PipeTransform } from '@nestjs/common';
import { ApiBody, ApiQuery } from '@nestjs/swagger';
import type { ApiFieldError } from '@plexus/contracts';
import { z } from 'zod';
import { DomainException } from './domain.exception';

export function zodFieldErrors(error: z.ZodError): ApiFieldError[] {
  return error.issues.map((issue) => ({ field: issue.path.map(String).join('.') || '(body)', message: issue.message }));
}

/** Validates and transforms a request part with a shared contract schema; a failure answers 400 naming each field. */
export class ZodPipe<S extends z.ZodType> implements PipeTransform<unknown, z.output<S>> {
  constructor(private readonly schema: S) {}

  transform(value: unknown): z.output<S> {
    const parsed = this.schema.safeParse(value ?? {});
    if (!parsed.success) {
      const fields = zodFieldErrors(parsed.error);
      throw new DomainException('validation_failed', `Check ${fields.map((f) => f.field).join(', ')}: ${fields[0].message}`, fields);
    }
    return parsed.data;
  }
}

export const zod = <S extends z.ZodType>(schema: S) => new ZodPipe(schema);

function jsonSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
}

/** Documents a request body in OpenAPI from the same schema that validates it. */
export function ApiZodBody(schema: z.ZodType, description?: string): MethodDecorator {
  return applyDecorators(ApiBody({ schema: jsonSchema(schema) as never, description }));
}

export function ApiZodQuery(name: string, schema: z.ZodType, required = false): MethodDecorator {
  return applyDecorators(ApiQuery({ name, required, schema: jsonSchema(schema) as never }));
}

/** Documents every field of a query schema (a zod object) as an optional query parameter, from the schema that validates it. */
export function ApiZodQueries(schema: z.ZodObject): MethodDecorator {
  const shape = jsonSchema(schema) as { properties?: Record<string, Record<string, unknown>>; required?: string[] };
  return applyDecorators(
    ...Object.entries(shape.properties ?? {}).map(([name, property]) => {
      const { description, ...rest } = property;
      return ApiQuery({
        name,
        required: shape.required?.includes(name) ?? false,
        description: description as string | undefined,
        schema: rest as never,
      });
    }),
  );
}
