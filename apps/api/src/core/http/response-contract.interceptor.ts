import { Injectable, StreamableFile, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { map, type Observable } from 'rxjs';
import { SerializedJson } from '../read-cache/read-cache';
import { RESPONSE_CONTRACT, type ResponseContract } from './api-response';

/** A response that is not what its operation declares (only thrown when CHECK_RESPONSES is on: in tests). */
export class ResponseContractError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ResponseContractError';
  }
}

/** Where `actual` holds something `expected` (the schema's parse of it) does not: a key the schema does not declare. */
function firstDifference(expected: unknown, actual: unknown, path: string): string | null {
  if (Array.isArray(actual) && Array.isArray(expected)) {
    for (let i = 0; i < actual.length; i++) {
      const d = firstDifference(expected[i], actual[i], `${path}[${i}]`);
      if (d) return d;
    }
    return null;
  }
  if (actual && typeof actual === 'object' && expected && typeof expected === 'object') {
    for (const key of Object.keys(actual)) {
      if (!(key in expected)) return `${path}.${key} is sent but not declared`;
      const d = firstDifference((expected as Record<string, unknown>)[key], (actual as Record<string, unknown>)[key], `${path}.${key}`);
      if (d) return d;
    }
    return null;
  }
  return Object.is(expected, actual) ? null : `${path} is ${JSON.stringify(actual)} but the schema makes it ${JSON.stringify(expected)}`;
}

/**
 * Checks every success response against what its handler declares with `ApiZodResponse`, `ApiFileResponse` or
 * `ApiEmptyResponse` (the same declarations the OpenAPI document is built from): the status, and the body as it
 * goes on the wire (after JSON serialisation) against the zod response schema from `@plexus/contracts`,
 * including keys the schema does not declare. A mismatch answers 500 `response_contract_violated` naming it.
 * On when CHECK_RESPONSES is true (the test harness sets it); it costs a parse per response.
 */
@Injectable()
export class ResponseContractInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const http = context.switchToHttp();
    const req = http.getRequest<Request>();
    const res = http.getResponse<Response>();
    const contract = this.reflector.get<ResponseContract | undefined>(RESPONSE_CONTRACT, context.getHandler());
    const operation = `${req.method} ${String((req.route as { path?: string } | undefined)?.path ?? req.path)}`;
    return next.handle().pipe(
      map((body: unknown) => {
        const problem = this.check(contract, res.statusCode, body);
        if (problem) throw new ResponseContractError(`${operation} → ${res.statusCode}: ${problem}`);
        return body;
      }),
    );
  }

  private check(contract: ResponseContract | undefined, status: number, body: unknown): string | null {
    if (!contract) return 'the handler declares no response (ApiZodResponse, ApiFileResponse or ApiEmptyResponse)';
    const declared = contract[status];
    if (!declared) return `the handler declares ${Object.keys(contract).join(', ')}, not ${status}`;
    if (declared.kind === 'empty') return body === undefined || body === null ? null : 'a body is sent where none is declared';
    if (declared.kind === 'file') {
      if (!(body instanceof StreamableFile)) return 'a file is declared but something else is sent';
      const type = String(body.getHeaders().type ?? '')
        .split(';')[0]
        .trim();
      return declared.mediaTypes.includes(type) ? null : `the file is ${type}, not one of ${declared.mediaTypes.join(', ')}`;
    }
    if (body === undefined || (body instanceof StreamableFile && !(body instanceof SerializedJson)))
      return 'a JSON body is declared but none is sent';
    const wire: unknown = body instanceof SerializedJson ? JSON.parse(body.json.toString('utf8')) : JSON.parse(JSON.stringify(body));
    const parsed = declared.schema.safeParse(wire);
    if (!parsed.success) {
      return parsed.error.issues
        .slice(0, 5)
        .map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`)
        .join('; ');
    }
    return firstDifference(parsed.data, wire, '(body)');
  }
}
