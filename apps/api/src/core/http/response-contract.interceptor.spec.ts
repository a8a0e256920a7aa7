import 'reflect-metadata';
import { StreamableFile, type CallHandler, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { firstValueFrom, of } from 'rxjs';
import { z } from 'zod';
import { ApiEmptyResponse, ApiFileResponse, ApiZodResponse } from './api-response';
import { ResponseContractError, ResponseContractInterceptor } from './response-contract.interceptor';

const thing = z.object({ id: z.string(), at: z.iso.datetime(), note: z.string().nullable(), tags: z.array(z.object({ name: z.string() })) });

class Handlers {
  @ApiZodResponse(thing, { description: 'a thing' })
  @ApiZodResponse(thing, { status: 201, description: 'a new thing' })
  json(): string {
    return 'json';
  }

  @ApiFileResponse(['application/pdf'], 'a PDF')
  file(): string {
    return 'file';
  }

  @ApiEmptyResponse('nothing')
  empty(): string {
    return 'empty';
  }

  undeclared(): string {
    return 'undeclared';
  }
}

function run(handler: keyof Handlers, status: number, body: unknown): Promise<unknown> {
  const context = {
    getType: () => 'http',
    getHandler: () => Handlers.prototype[handler],
    switchToHttp: () => ({ getRequest: () => ({ method: 'GET', route: { path: '/api/things' } }), getResponse: () => ({ statusCode: status }) }),
  } as unknown as ExecutionContext;
  const next: CallHandler = { handle: () => of(body) };
  return firstValueFrom(new ResponseContractInterceptor(new Reflector()).intercept(context, next));
}

const good = { id: 'a', at: new Date('2026-03-31T09:30:00Z'), note: null, tags: [{ name: 'x' }] };

describe('ResponseContractInterceptor', () => {
  it('lets through what the declared schema describes, as it goes on the wire (a Date as its ISO string)', async () => {
    await expect(run('json', 200, good)).resolves.toBe(good);
    await expect(run('json', 201, good)).resolves.toBe(good);
    await expect(run('file', 200, new StreamableFile(Buffer.from('%PDF-'), { type: 'application/pdf' }))).resolves.toBeInstanceOf(StreamableFile);
    await expect(run('empty', 204, undefined)).resolves.toBeUndefined();
  });

  it('refuses a body its schema does not describe, naming the field', async () => {
    await expect(run('json', 200, { ...good, note: 3 })).rejects.toThrow(/GET \/api\/things → 200: note: /);
    await expect(run('json', 200, { ...good, at: '31/03/2026' })).rejects.toThrow(/at: /);
  });

  it('refuses keys the schema does not declare, however deep', async () => {
    await expect(run('json', 200, { ...good, secret: 'x' })).rejects.toThrow('(body).secret is sent but not declared');
    await expect(run('json', 200, { ...good, tags: [{ name: 'x', colour: 'red' }] })).rejects.toThrow(
      '(body).tags[0].colour is sent but not declared',
    );
  });

  it('refuses an undeclared status, a handler that declares nothing, and the wrong kind of answer', async () => {
    await expect(run('json', 202, good)).rejects.toThrow('declares 200, 201, not 202');
    await expect(run('undeclared', 200, good)).rejects.toThrow(ResponseContractError);
    await expect(run('file', 200, new StreamableFile(Buffer.from('x'), { type: 'text/csv' }))).rejects.toThrow(
      'the file is text/csv, not one of application/pdf',
    );
    await expect(run('empty', 204, good)).rejects.toThrow('a body is sent where none is declared');
    await expect(run('json', 200, undefined)).rejects.toThrow('a JSON body is declared but none is sent');
  });
});
