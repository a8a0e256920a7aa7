import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';

export const REPO_ROOT = resolve(__dirname, '../..');

/** The folder of an installed npm package: the repository's node_modules first, then NODE_PATH (tools tried out before they are installed). */
export function packageDir(name: string): string {
  const places = [join(REPO_ROOT, 'node_modules'), ...(process.env['NODE_PATH'] ?? '').split(delimiter).filter(Boolean)];
  for (const place of places) {
    const dir = join(place, name);
    if (existsSync(join(dir, 'package.json'))) return dir;
  }
  throw new Error(`${name} is not installed (looked in ${places.join(', ')})`);
}

export interface ToolRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a package's command-line tool (its bin script) with this Node, from the repository root. */
export function runTool(pkg: string, bin: string, args: string[], env: Record<string, string> = {}): Promise<ToolRun> {
  return runNode([join(packageDir(pkg), bin), ...args], env);
}

/** Runs this Node with the arguments, from the repository root, and collects what it prints. */
export function runNode(args: string[], env: Record<string, string> = {}): Promise<ToolRun> {
  return new Promise((done, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: REPO_ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

/** Redocly CLI's lint of an OpenAPI file with the repository's redocly.yaml: its JSON report. */
export async function redoclyLint(file: string): Promise<{
  totals: { errors: number; warnings: number; ignored: number };
  problems: Array<{ ruleId: string; severity: string; message: string; location: Array<{ pointer: string }> }>;
  run: ToolRun;
}> {
  const run = await runTool('@redocly/cli', 'bin/cli.js', ['lint', file, '--config', join(REPO_ROOT, 'redocly.yaml'), '--format', 'json'], {
    REDOCLY_TELEMETRY: 'off',
    REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
  });
  const start = run.stdout.indexOf('{');
  if (start < 0) throw new Error(`redocly lint printed no report (exit ${run.code}): ${run.stderr.slice(0, 2000)}`);
  return { ...JSON.parse(run.stdout.slice(start)), run };
}
