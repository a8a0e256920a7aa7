/**
 * What an integrator writes with a client generated from the served OpenAPI document (openapi-typescript +
 * openapi-fetch): sign in, start a plan, list the plans, request a report, wait until it is ready, download it.
 * tests/integration/openapi-client.spec.ts generates `./generated/plexus-api.d.ts`, type-checks this file against
 * it (strict), then runs it against a real API and worker. Nothing here knows Plexus beyond the generated types.
 */
import createClient, { type Middleware } from 'openapi-fetch';
import type {
  AuditPageDto,
  ApiError,
  HealthDto,
  ImportPreviewDto,
  InviteDto,
  MemberDto,
  NetworkProfileDto,
  ReportDocumentDto,
  RiskDto,
  RiskHeatMapDto,
  RiskSummaryDto,
  SessionResponse,
  WorkItemDto,
  WorkItemListDto,
  WorkPlanDto,
  WorkPlanSummaryDto,
} from '@plexus/contracts';
import type { components, operations, paths } from './generated/plexus-api';

// The generated types and @plexus/contracts agree, both ways (a drift is a type error in this file).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Schemas = components['schemas'];
export const typesAgree: [
  Same<Schemas['Session'], SessionResponse>,
  Same<Schemas['WorkPlanSummary'], WorkPlanSummaryDto>,
  Same<Schemas['WorkPlan'], WorkPlanDto>,
  Same<Schemas['WorkItem'], WorkItemDto>,
  Same<Schemas['ReportDocument'], ReportDocumentDto>,
  Same<Schemas['ApiError'], ApiError>,
  Same<Schemas['WorkItemList'], WorkItemListDto>,
  Same<Schemas['RiskSummary'], RiskSummaryDto>,
  Same<Schemas['Risk'], RiskDto>,
  Same<Schemas['RiskHeatMap'], RiskHeatMapDto>,
  Same<Schemas['NetworkProfile'], NetworkProfileDto>,
  Same<Schemas['Member'], MemberDto>,
  Same<Schemas['Invite'], InviteDto>,
  Same<Schemas['AuditPage'], AuditPageDto>,
  Same<Schemas['ImportPreview'], ImportPreviewDto>,
  Same<Schemas['Health'], HealthDto>,
  Same<operations['listWorkPlans']['responses'][200]['content']['application/json'], WorkPlanSummaryDto[]>,
] = [true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true];

export interface JourneyInput {
  baseUrl: string;
  email: string;
  password: string;
  network: string;
  /** How long to wait for the report to be ready. */
  timeoutMs: number;
}

export interface JourneyResult {
  session: Schemas['Session'];
  plans: Schemas['WorkPlanSummary'][];
  report: Schemas['ReportDocument'];
  pdf: Uint8Array;
  contentType: string | null;
  /** The error body of a request the API refuses (an item with no work), typed as ApiError by the client. */
  refusal: Schemas['ApiError'] | undefined;
}

/**
 * A cookie jar for Node's fetch, as a browser keeps one: the session cookie goes back on every request. Unsafe
 * requests also echo the session's CSRF token, as the document's `csrf` security scheme says.
 */
function browserLike(): Middleware & { csrfToken?: string } {
  const jar = new Map<string, string>();
  return {
    onRequest({ request }) {
      if (jar.size) request.headers.set('cookie', [...jar].map(([name, value]) => `${name}=${value}`).join('; '));
      if (this.csrfToken && !['GET', 'HEAD'].includes(request.method)) request.headers.set('X-XSRF-TOKEN', this.csrfToken);
      return request;
    },
    onResponse({ response }) {
      for (const line of response.headers.getSetCookie()) {
        const [pair] = line.split(';');
        const at = pair.indexOf('=');
        const value = pair.slice(at + 1);
        if (value) jar.set(pair.slice(0, at), value);
        else jar.delete(pair.slice(0, at));
      }
      return response;
    },
  };
}

function fail(what: string, error: unknown): never {
  throw new Error(`${what}: ${JSON.stringify(error)}`);
}

export async function journey(input: JourneyInput): Promise<JourneyResult> {
  const browser = browserLike();
  const client = createClient<paths>({ baseUrl: input.baseUrl });
  client.use(browser);

  const signIn = await client.POST('/api/auth/login', { body: { email: input.email, password: input.password } });
  if (!signIn.data) fail('signIn', signIn.error);
  const session = signIn.data;
  browser.csrfToken = session.csrfToken;

  const network = { network: input.network };
  const created = await client.POST('/api/networks/{network}/work-plan/plans', {
    params: { path: network },
    body: { title: 'Plan made with a generated client', periodStart: '2025-04-01', periodEnd: '2027-03-31' },
  });
  if (!created.data) fail('createWorkPlan', created.error);
  const withTheme = await client.POST('/api/networks/{network}/work-plan/plans/{planId}/themes', {
    params: { path: { ...network, planId: created.data.id } },
    body: { title: 'Quality' },
  });
  if (!withTheme.data) fail('addTheme', withTheme.error);
  const themeId = withTheme.data.themes[0].id;
  const item = await client.POST('/api/networks/{network}/work-plan/plans/{planId}/items', {
    params: { path: { ...network, planId: created.data.id } },
    body: { themeId, work: 'Audit spinal cord injury referrals', timescale: 'Q4 2025/26' },
  });
  if (!item.data) fail('createWorkItem', item.error);
  const refused = await client.POST('/api/networks/{network}/work-plan/plans/{planId}/items', {
    params: { path: { ...network, planId: created.data.id } },
    body: { themeId, work: '' },
  });

  const listed = await client.GET('/api/networks/{network}/work-plan/plans', { params: { path: network } });
  if (!listed.data) fail('listWorkPlans', listed.error);

  const requested = await client.POST('/api/networks/{network}/reports', {
    params: { path: network },
    body: { kind: 'progress', options: { planId: created.data.id } },
  });
  if (!requested.data) fail('requestReport', requested.error);

  let report: Schemas['ReportDocument'] = requested.data;
  const until = Date.now() + input.timeoutMs;
  while (report.status === 'queued' || report.status === 'rendering') {
    if (Date.now() > until) throw new Error(`the report is still ${report.status} after ${input.timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
    const polled = await client.GET('/api/networks/{network}/reports/{documentId}', { params: { path: { ...network, documentId: report.id } } });
    if (!polled.data) fail('getReport', polled.error);
    report = polled.data;
  }
  if (report.status !== 'ready') throw new Error(`the report failed: ${report.failureReason}`);

  const download = await client.GET('/api/networks/{network}/reports/{documentId}/download', {
    params: { path: { ...network, documentId: report.id } },
    parseAs: 'arrayBuffer',
  });
  if (!download.data) fail('downloadReport', download.error);

  return {
    session,
    plans: listed.data,
    report,
    pdf: new Uint8Array(download.data),
    contentType: download.response.headers.get('content-type'),
    refusal: refused.error,
  };
}
