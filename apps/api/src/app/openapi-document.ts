import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import type { AppConfig } from '@plexus/server';
import { z } from 'zod';
import { CSRF_HEADER, SESSION_COOKIE } from '../auth/auth.types';
import { PUBLIC_EXTENSION } from '../auth/public.decorator';
import { API_ERROR_REF, ERROR_DESCRIPTIONS } from '../core/http/api-response';

type Json = Record<string, unknown>;
interface Operation extends Json {
  operationId?: string;
  parameters?: Array<{ name: string; in: string; schema?: Json }>;
  requestBody?: Json;
  responses: Record<string, Json>;
  security?: Array<Record<string, string[]>>;
}

const UNSAFE_METHODS = new Set(['post', 'put', 'patch', 'delete']);
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** One tag per feature, in the order a reader meets them. */
const TAGS = [
  { name: 'auth', description: 'Sign in and out; who is signed in, their networks and the CSRF token.' },
  { name: 'invites', description: 'Invite links: what one is for, and accepting it (no sign-in needed).' },
  { name: 'members', description: "A network's people: members and their roles, and the invites it has sent." },
  {
    name: 'home',
    description: "A network's home page: what needs attention now (work items, risks, peer review, reports, deliveries), each with a link.",
  },
  { name: 'network profile', description: 'Who the network is: profile, member organisations, leadership roles, report branding and logo.' },
  { name: 'work plan', description: 'Plans, themes, numbered objectives and work items with BRAG status and progress; import and export.' },
  { name: 'risk register', description: '5×5 scored risks, their reviews and score history, heat maps; import and export.' },
  { name: 'board reports', description: 'Progress report, risk register report and board paper as PDFs, kept as immutable snapshots.' },
  { name: 'board meetings', description: "The network board's meetings and their agendas, each item optionally linked to its paper." },
  {
    name: 'nudges',
    description:
      'Nudges to leads: rounds of emails (before a board meeting, now or at a chosen time), each lead’s single-use, expiring link to a one-page update form (no sign-in needed), and who has updated.',
  },
  {
    name: 'annual report',
    description: "A financial year's annual report narrative and settings, kept between sittings; the report is asked for in the library.",
  },
  {
    name: 'standard sets',
    description:
      'Standard sets for peer review: national service specifications (kept by the platform operator, read by every network), network standards and assessment tools; versions, numbered sections and criteria, import and export.',
  },
  { name: 'recipients', description: "People who receive the network's reports by email (no account needed) and its distribution lists." },
  {
    name: 'scheduled reports',
    description:
      'Reports emailed on a recurrence (Europe/London) to recipients and lists; runs, deliveries and the delivery log; signed download links and one-click unsubscribe (no sign-in needed).',
  },
  {
    name: 'peer review',
    description:
      'Peer review programme cycles over NHS financial years: the organisations in scope, the plan of quarterly activities, and each organisation’s submissions (uploads, acceptance, requests for more information, chasers); each organisation’s review (findings by class with recommendations, draft → agreed → issued; an immediate risk raised to the risk register) and its action plan (owners, due dates, status with BRAG and progress updates, carried forward into the next cycle).',
  },
  { name: 'audit trail', description: "Every create, update and delete of a network's records, with before → after." },
  { name: 'platform operators', description: 'Creating networks and inviting their first manager (operators only).' },
  {
    name: 'national standard sets',
    description: 'The national standard sets every network reads, kept by platform operators (operators only), and what they changed.',
  },
  { name: 'operations', description: 'Health of the API and what it depends on.' },
];

/**
 * The OpenAPI 3.1 document of the API. Request bodies and query parameters come from the zod request schemas,
 * responses from the zod response schemas in `@plexus/contracts` (named ones become `components.schemas`), and
 * errors from the one `ApiError` schema. Security, the common error answers and the servers are added here, the
 * same way for every operation.
 */
export function buildOpenApi(app: INestApplication, config: AppConfig): OpenAPIObject {
  const sessionCookie = config.cookieSecure ? `__Host-${SESSION_COOKIE}` : SESSION_COOKIE;
  const builder = new DocumentBuilder()
    .setOpenAPIVersion('3.1.0')
    .setTitle('Plexus API')
    .setDescription(
      'Objectives, work plans, risk registers and board reports for NHS clinical networks.\n\n' +
        `Sign in with \`POST /api/auth/login\`: the session is the \`${sessionCookie}\` cookie, and the answer (and the \`XSRF-TOKEN\` cookie) ` +
        'holds the CSRF token, which every unsafe request (POST, PUT, PATCH, DELETE) made with the session sends back in the `X-XSRF-TOKEN` header. ' +
        'Request bodies are JSON (uploads: `multipart/form-data` where documented); unsafe requests from another site are refused (403). ' +
        'Network routes live under `/api/networks/{network}/…` and answer 404 for networks you do not belong to. ' +
        'Every error has the same body, `ApiError`; a 400 names each bad field.',
    )
    .setVersion('0.1.0')
    .addServer(config.PUBLIC_URL.replace(/\/+$/, ''), 'This Plexus (PUBLIC_URL)');
  const doc = SwaggerModule.createDocument(app, builder.build(), {
    // Every handler names its operation in @ApiOperation; this default (`Controller_method`) only shows one that does not.
    operationIdFactory: (controller, method) => `${controller}_${method}`,
  });
  return finish(doc, sessionCookie);
}

function finish(doc: OpenAPIObject, sessionCookie: string): OpenAPIObject {
  doc.openapi = '3.1.0';
  doc.tags = TAGS;
  doc.components = {
    ...doc.components,
    securitySchemes: {
      session: {
        type: 'apiKey',
        in: 'cookie',
        name: sessionCookie,
        description: 'The session cookie set by `POST /api/auth/login` (or by accepting an invite).',
      },
      csrf: {
        type: 'apiKey',
        in: 'header',
        name: CSRF_HEADER.toUpperCase(),
        description:
          'The session’s CSRF token (`csrfToken` of the session, also the `XSRF-TOKEN` cookie), echoed on every unsafe request made with a session.',
      },
    },
    schemas: { ...doc.components?.schemas, ...componentSchemas() },
  };
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = (item as Record<string, Operation | undefined>)[method];
      if (op) finishOperation(path, method, op);
    }
  }
  return doc;
}

/** Every named response schema (`.meta({ id })` in @plexus/contracts), as components. */
function componentSchemas(): Record<string, Json> {
  const { schemas } = z.toJSONSchema(z.globalRegistry, { io: 'output', unrepresentable: 'any', uri: (id) => `#/components/schemas/${id}` });
  return Object.fromEntries(
    Object.entries(schemas).map(([id, schema]) => {
      const { $schema: _schema, $id: _id, ...rest } = schema as Json;
      return [id, rest];
    }),
  );
}

function finishOperation(path: string, method: string, op: Operation): void {
  const isPublic = op[PUBLIC_EXTENSION] === true;
  delete op[PUBLIC_EXTENSION];
  const unsafe = UNSAFE_METHODS.has(method);
  // Public unsafe routes (sign-in, sign-out, accepting an invite) work without a session; with one, its CSRF token is checked.
  op.security = isPublic ? (unsafe ? [{}, { session: [], csrf: [] }] : []) : unsafe ? [{ session: [], csrf: [] }] : [{ session: [] }];

  for (const param of op.parameters ?? []) {
    if (param.in === 'path' && /Id$/.test(param.name)) param.schema = { type: 'string', format: 'uuid' };
  }

  const responses = op.responses;
  // Errors are JSON even where the success answer is a file (Nest gives declared errors the operation's media types).
  for (const [status, response] of Object.entries(responses)) {
    const content = response['content'] as Record<string, { schema?: Json }> | undefined;
    if (Number(status) >= 400 && content && Object.values(content).some((c) => c.schema?.['$ref'] === API_ERROR_REF.$ref)) {
      response['content'] = { 'application/json': { schema: API_ERROR_REF } };
    }
  }
  const add = (status: number, description = ERROR_DESCRIPTIONS[status]) => {
    responses[status] ??= { description, content: { 'application/json': { schema: API_ERROR_REF } } };
  };
  if (op.parameters?.length || op.requestBody) add(400);
  if (!isPublic) add(401);
  if (unsafe) {
    add(
      403,
      isPublic
        ? 'Sent by another site (`cross_site_request`), or made with a session but without its X-XSRF-TOKEN header (`csrf_failed`).'
        : 'Without the session’s X-XSRF-TOKEN header (`csrf_failed`), or sent by another site (`cross_site_request`).',
    );
  }
  if (path.includes('{')) {
    add(
      404,
      path.startsWith('/api/networks/{network}') ? 'No such network among yours, or no such record in it (`not_found`).' : ERROR_DESCRIPTIONS[404],
    );
  }
  if (unsafe && !isPublic) add(409);
  if (op.requestBody) {
    add(413);
    add(415);
  }
  op.responses = Object.fromEntries(Object.entries(responses).sort(([a], [b]) => a.localeCompare(b)));
}
