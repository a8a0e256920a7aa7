import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DECORATORS } from '@nestjs/swagger';
import { pathParamProblem } from '@plexus/contracts';
import type { Request } from 'express';
import { DomainException } from './domain.exception';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function hasBody(req: Request): boolean {
  return req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
}

/**
 * Global guard, before any interceptor or handler sees the request:
 *  - every path parameter is checked (the network slug, invite tokens, `…Id`s): characters that no text may
 *    hold, or a malformed id, answer 400 naming the parameter, rather than reaching the database;
 *  - an unsafe request with a body must send JSON. Routes documented with `@ApiConsumes('multipart/form-data')`
 *    (the uploads) may send that instead, and `application/x-www-form-urlencoded` where declared (one-click unsubscribe). Anything else, such as the form encodings a cross-site <form> can
 *    send without a CORS preflight, answers 415.
 */
@Injectable()
export class RequestShapeGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const req = context.switchToHttp().getRequest<Request>();
    for (const [name, value] of Object.entries(req.params ?? {})) {
      const problem = pathParamProblem(name, String(value));
      if (problem) throw DomainException.field(name, problem);
    }
    if (SAFE_METHODS.has(req.method) || !hasBody(req)) return true;
    const consumes =
      this.reflector.getAllAndOverride<string[] | undefined>(DECORATORS.API_CONSUMES, [context.getHandler(), context.getClass()]) ?? [];
    // Uploads declare multipart; one-click unsubscribe (RFC 8058: mail clients POST `List-Unsubscribe=One-Click`) declares the form encoding.
    const accepted = ['application/json', ...consumes.filter((t) => t === 'multipart/form-data' || t === 'application/x-www-form-urlencoded')];
    if (!req.is(accepted)) {
      const given = String(req.headers['content-type'] ?? 'none')
        .split(';')[0]
        .slice(0, 100);
      const expected =
        accepted.length > 1 ? 'JSON (application/json), or a file upload (multipart/form-data)' : 'JSON (Content-Type: application/json)';
      throw new DomainException('unsupported_media_type', `This endpoint takes ${expected}, not ${given}.`);
    }
    return true;
  }
}
