import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseAllDocuments } from 'yaml';

/** The repository's infra/ folder. */
export const INFRA_DIR = join(__dirname, '..', '..', 'infra');
export const K8S_DIR = join(INFRA_DIR, 'k8s');

export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  [key: string]: any;
}

/** Every YAML file under infra/, recursively, as paths relative to infra/. */
export function yamlFiles(dir = INFRA_DIR): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...yamlFiles(path));
    else if (/\.ya?ml$/.test(name)) out.push(relative(INFRA_DIR, path));
  }
  return out;
}

/** The documents of one YAML file; throws on a syntax error, naming the file. */
export function readYaml(path: string): any[] {
  const docs = parseAllDocuments(readFileSync(path, 'utf8'));
  const out: any[] = [];
  for (const doc of docs) {
    if (doc.errors.length) throw new Error(`${path}: ${doc.errors.map((e) => e.message).join('; ')}`);
    const value = doc.toJS();
    if (value !== null && value !== undefined) out.push(value);
  }
  return out;
}

/** A kustomization rendered by kustomize (the one built into kubectl: `kubectl kustomize <dir>`). */
export function kustomize(dir: string): K8sObject[] {
  let yaml: string;
  try {
    yaml = execFileSync('kubectl', ['kustomize', dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(
        'kubectl is not on the PATH: the manifest tests render infra/k8s with its built-in kustomize. Install kubectl (https://kubernetes.io/docs/tasks/tools/) and run the tests again.',
      );
    }
    throw err;
  }
  return parseAllDocuments(yaml).map((d) => d.toJS() as K8sObject);
}

/** The folders under infra/k8s that hold a kustomization.yaml. */
export function kustomizationDirs(): string[] {
  return yamlFiles()
    .filter((f) => /(^|\/)kustomization\.ya?ml$/.test(f))
    .map((f) => join(INFRA_DIR, f, '..'));
}

/** Problems found by the Kubernetes (and KEDA) API schemas, one string per object, "" where there are none. */
export function schemaProblems(objects: K8sObject[]): string[] {
  const out = execFileSync(process.execPath, [join(__dirname, 'validate-k8s.mjs')], {
    input: JSON.stringify(objects),
    encoding: 'utf8',
    cwd: join(__dirname, '..', '..'),
  });
  return JSON.parse(out) as string[];
}

export function find(objects: K8sObject[], kind: string, name: string): K8sObject {
  const found = objects.find((o) => o.kind === kind && o.metadata.name === name);
  if (!found) throw new Error(`no ${kind} ${name}`);
  return found;
}

/** The base's objects as they are written (used by tests that need the ConfigMap and the ScaledObject). */
export function baseObjects(): K8sObject[] {
  return kustomize(join(K8S_DIR, 'base'));
}
