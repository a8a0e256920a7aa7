import { NestFactory, Reflector } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import type { AppConfig } from '@plexus/server';
import cookieParser from 'cookie-parser';
import type { NextFunction, Request, Response } from 'express';
import { Logger } from 'nestjs-pino';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { RequestShapeGuard } from '../core/http/request-shape.guard';
import { sameOriginOnly } from '../core/http/same-origin.middleware';
import { CSP_NONCE_PLACEHOLDER, securityHeaders } from '../core/http/security-headers';
import { ApiMetrics } from '../core/metrics/api-metrics';
import { AppModule } from './app.module';
import { buildOpenApi } from './openapi-document';

/** The API as one Nest application: used by main.ts and by the integration tests alike. */
export async function createApp(
  config: AppConfig,
  options: { logger?: boolean; /** Nest's own signal handling (the served API does its own: main.ts). */ shutdownHooks?: boolean } = {},
): Promise<NestExpressApplication> {
  // bodyParser: false: only the JSON parser below is registered (no urlencoded forms, which a cross-site page can post).
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bufferLogs: true,
    abortOnError: false,
    bodyParser: false,
  });
  if (options.logger !== false) app.useLogger(app.get(Logger));
  else app.useLogger(false);
  app.use(app.get(ApiMetrics).middleware);
  app.set('trust proxy', /^\d+$/.test(config.TRUST_PROXY) ? Number(config.TRUST_PROXY) : config.TRUST_PROXY);
  app.disable('x-powered-by');
  app.use(securityHeaders(config));
  // One-click unsubscribe (RFC 8058) is POSTed by mail providers and clients from anywhere: the token is the authority,
  // it changes one recipient's own subscription, and no session is used.
  const sameOrigin = sameOriginOnly(config);
  app.use((req: Request, res: Response, next: NextFunction) => (req.path.startsWith('/api/unsubscribe/') ? next() : sameOrigin(req, res, next)));
  app.use(cookieParser());
  app.useBodyParser('json', { limit: '1mb' });
  app.useGlobalGuards(new RequestShapeGuard(app.get(Reflector)));
  app.setGlobalPrefix('api');
  if (options.shutdownHooks !== false) app.enableShutdownHooks();
  SwaggerModule.setup('api/docs', app, buildOpenApi(app, config), { jsonDocumentUrl: 'api/docs-json' });
  serveWeb(app, config);
  return app;
}

/**
 * Serves the built Angular app (if present) with a fallback to index.html for client-side routes. The page
 * gets this response's CSP nonce (see security-headers.ts), so it is never cached: a cached page would carry
 * an old nonce that the next response's policy does not allow.
 */
function serveWeb(app: NestExpressApplication, config: AppConfig): void {
  const dir = resolve(config.WEB_DIST);
  const index = join(dir, 'index.html');
  if (!existsSync(index)) return;
  const shell = readFileSync(index, 'utf8');
  const sendShell = (res: Response) => {
    res.setHeader('Cache-Control', 'no-store');
    res.type('html').send(shell.replaceAll(CSP_NONCE_PLACEHOLDER, String(res.locals['cspNonce'] ?? '')));
  };
  app.use((req: Request, res: Response, next: NextFunction) => (req.method === 'GET' && req.path === '/index.html' ? sendShell(res) : next()));
  app.useStaticAssets(dir, { index: false, maxAge: '1h' });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || req.path.startsWith('/api')) return next();
    sendShell(res);
  });
}
