import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { WorkerModule } from '../../apps/worker/src/app/worker.module';
import { packageDir, REPO_ROOT, runNode, runTool } from '../support/openapi-tools';
import type { ApiError, ReportDocumentDto, SessionResponse, WorkPlanSummaryDto } from '@plexus/contracts';
import {
  createTestDatabase,
  HttpClient,
  newNetwork,
  PASSWORD,
  startApi,
  testConfig,
  type Fixture,
  type TestApi,
  type TestDatabase,
} from '../support/harness';

const HERE = join(__dirname, 'openapi-client');
const GENERATED = join(HERE, 'generated', 'plexus-api.d.ts');
const RUN = join(HERE, 'run.ts');

/** What run.ts prints (journey.ts's JourneyResult; not imported here, since it needs the generated client to type-check). */
interface PrintedResult {
  session: SessionResponse;
  plans: WorkPlanSummaryDto[];
  report: ReportDocumentDto;
  pdf: string;
  contentType: string | null;
  refusal?: ApiError;
}

/** Strict type-check of the journey script against the generated client, as an integrator's TypeScript project would. */
function typeCheck(file: string): string[] {
  const base = ts.getParsedCommandLineOfConfigFile(
    join(REPO_ROOT, 'tsconfig.base.json'),
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined },
  );
  const paths: Record<string, string[]> = { ...base!.options.paths };
  // openapi-fetch from the repository's node_modules, or (tried out before it is installed) from NODE_PATH.
  if (!existsSync(join(REPO_ROOT, 'node_modules', 'openapi-fetch'))) {
    paths['openapi-fetch'] = [join(packageDir('openapi-fetch'), 'dist/index.d.mts')];
    paths['openapi-typescript-helpers'] = [join(packageDir('openapi-typescript-helpers'), 'dist/index.d.mts')];
  }
  const options: ts.CompilerOptions = {
    ...base!.options,
    paths,
    strict: true,
    noEmit: true,
    module: ts.ModuleKind.Preserve,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    types: ['node'],
  };
  const program = ts.createProgram([file], options);
  return ts
    .getPreEmitDiagnostics(program)
    .map(
      (d) =>
        `${d.file ? `${d.file.fileName.replace(REPO_ROOT + '/', '')}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1} ` : ''}${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`,
    );
}

describe('a client generated from the served OpenAPI document (openapi-typescript + openapi-fetch)', () => {
  let db: TestDatabase;
  let api: TestApi;
  let worker: INestApplicationContext;
  let fx: Fixture;

  beforeAll(async () => {
    db = await createTestDatabase();
    const env = { STORAGE_DIR: mkdtempSync(join(tmpdir(), 'plexus-client-docs-')) };
    api = await startApi(db, env);
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(testConfig(db, env)), { logger: false });
    await worker.init();
    fx = await newNetwork(api.db, 'client-journey');
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await db?.drop();
  });

  it('generates, type-checks against @plexus/contracts, and runs the journey: sign in, plans, report, download', async () => {
    const doc = await new HttpClient(api.url).get('/api/docs-json');
    const source = join(mkdtempSync(join(tmpdir(), 'plexus-openapi-')), 'openapi.json');
    writeFileSync(source, JSON.stringify(doc.body));
    mkdirSync(join(HERE, 'generated'), { recursive: true });
    const generated = await runTool('openapi-typescript', 'bin/cli.js', [source, '--output', GENERATED]);
    expect({ code: generated.code, stderr: generated.stderr.includes('✘') ? generated.stderr : '' }).toEqual({ code: 0, stderr: '' });

    expect(typeCheck(RUN)).toEqual([]);

    const input = { baseUrl: api.url, email: fx.users.manager.email, password: PASSWORD, network: fx.network.slug, timeoutMs: 45_000 };
    const run = await runNode(['-r', './scripts/ts-register.js', RUN, JSON.stringify(input)]);
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
    const result = JSON.parse(run.stdout) as PrintedResult;
    const pdf = Buffer.from(result.pdf, 'base64');
    expect(result.session.memberships).toEqual([expect.objectContaining({ slug: 'client-journey', role: 'manager' })]);
    expect(result.plans.map((p) => p.title)).toContain('Plan made with a generated client');
    expect(result.report).toMatchObject({ kind: 'progress', status: 'ready', failureReason: null });
    expect(result.contentType).toBe('application/pdf');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBe(result.report.sizeBytes);
    expect(result.refusal).toMatchObject({ statusCode: 400, code: 'validation_failed', fields: [expect.objectContaining({ field: 'work' })] });
  });
});
