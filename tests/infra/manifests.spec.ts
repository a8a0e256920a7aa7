import { configSchema, loadConfig, QueueName } from '@plexus/server';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { find, INFRA_DIR, K8S_DIR, kustomizationDirs, kustomize, readYaml, schemaProblems, yamlFiles, type K8sObject } from './manifests';

/**
 * The manifests under infra/: they parse, every object passes the Kubernetes (and KEDA) API schemas, and they keep
 * our own rules — resources, probes and a locked-down securityContext on every container, pinned images, every
 * variable the config reads provided by the ConfigMap or a Secret and nothing else set, KEDA reading the real queues.
 */

const CONFIG_KEYS = Object.keys(configSchema.shape);
/** Variables that come from the Secret `plexus-secrets` (secretKeyRef), never from the ConfigMap or a literal. */
const SECRET_KEYS = ['DATABASE_URL', 'DATABASE_OWNER_URL', 'REDIS_URL', 'SMTP_URL', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'];
/** Config variables a Deployment's or Job's container may go without (its default then applies), and why. */
const NOT_NEEDED: Record<string, Record<string, string>> = {
  'plexus-api': {
    DATABASE_OWNER_URL: 'only `migrate` reads it',
    STORAGE_DIR: 'unused with STORAGE_DRIVER=s3',
    WORKER_QUEUES: 'only the worker reads it',
  },
  'plexus-worker-reports': {
    DATABASE_OWNER_URL: 'only `migrate` reads it',
    STORAGE_DIR: 'unused with STORAGE_DRIVER=s3',
    SMTP_URL: 'report workers send no mail, so they do not hold the SMTP secret',
  },
  'plexus-worker-email': { DATABASE_OWNER_URL: 'only `migrate` reads it', STORAGE_DIR: 'unused with STORAGE_DRIVER=s3' },
  'plexus-migrate': {
    STORAGE_DIR: 'unused with STORAGE_DRIVER=s3',
    REDIS_URL: '`migrate` touches only PostgreSQL',
    SMTP_URL: '`migrate` sends no mail',
    WORKER_QUEUES: 'only the worker reads it',
  },
};
/** Variables set that the config does not read, and why. */
const NOT_CONFIG: Record<string, Record<string, string>> = {
  'plexus-worker-reports': { HOME: 'Chromium and fontconfig write under $HOME; /tmp is the only writable place' },
};
/** The worker Deployments, each consuming its own queues (WORKER_QUEUES) and scaled by its own ScaledObject. */
const WORKERS = ['plexus-worker-email', 'plexus-worker-reports'];
/** Files under infra/ that no kustomization lists, and why. */
const STANDALONE: Record<string, string> = { 'k8s/secret.example.yaml': 'an example to copy and fill in, never applied as is' };

const renderings = kustomizationDirs().map((dir) => ({ dir: dir.slice(INFRA_DIR.length + 1), objects: kustomize(dir) }));

/** A literal `env` value of a Deployment's first container. */
function envValue(deployment: K8sObject, name: string): string | undefined {
  return deployment.spec.template.spec.containers[0].env?.find((e: any) => e.name === name)?.value;
}

/** The queue a KEDA redis trigger reads: `<prefix>:<queue>:wait`. */
function triggerQueue(listName: string, prefix: string): string {
  expect(listName.startsWith(`${prefix}:`) && listName.endsWith(':wait')).toBe(true);
  return listName.slice(prefix.length + 1, -':wait'.length);
}

/** A figure of infra/CAPACITY.md (written by `npm run capacity` from the benchmarks). */
function capacity(): { perReplicaPerMinute: number; windowMinutes: number; peak: Array<{ networks: number; documents: number; replicas: number }> } {
  const md = readFileSync(join(INFRA_DIR, 'CAPACITY.md'), 'utf8');
  const num = (s: string) => Number(s.replace(/,/g, ''));
  const perReplica = /Worker replicas\*\*: documents ÷ \(([\d,]+) per replica-minute × (\d+)\)/.exec(md);
  if (!perReplica) throw new Error('infra/CAPACITY.md: no "Worker replicas" line (was it rewritten by hand?)');
  const table = md.slice(md.indexOf('## The peak and what it needs'));
  const peak = [...table.matchAll(/^\| ([\d,]+) \| ([\d,]+) \| [\d,]+ \| (\d+) \|/gm)].map((m) => ({
    networks: num(m[1]),
    documents: num(m[2]),
    replicas: num(m[3]),
  }));
  if (!peak.length) throw new Error('infra/CAPACITY.md: no rows in "The peak and what it needs"');
  return { perReplicaPerMinute: num(perReplica[1]), windowMinutes: num(perReplica[2]), peak };
}

function podSpecs(objects: K8sObject[]): Array<{ owner: K8sObject; spec: any }> {
  return objects.filter((o) => o.kind === 'Deployment' || o.kind === 'Job').map((owner) => ({ owner, spec: owner.spec.template.spec }));
}

describe('infra/ manifests', () => {
  it('finds the kustomizations, and every YAML file parses', () => {
    expect(renderings.map((r) => r.dir).sort()).toEqual(['k8s/base', 'k8s/overlays/production']);
    for (const file of yamlFiles()) expect(() => readYaml(join(INFRA_DIR, file))).not.toThrow();
  });

  it('lists every manifest file in a kustomization (as a resource or a patch), but for the examples', () => {
    const listed = new Set<string>();
    for (const dir of kustomizationDirs()) {
      const [k] = readYaml(join(dir, 'kustomization.yaml'));
      for (const entry of [...(k.resources ?? []), ...(k.patches ?? []).map((p: { path?: string }) => p.path).filter(Boolean)]) {
        const path = join(dir, entry);
        expect({ entry, exists: existsSync(path) }).toEqual({ entry, exists: true });
        listed.add(path.slice(INFRA_DIR.length + 1));
      }
    }
    const orphans = yamlFiles().filter((f) => !/kustomization\.ya?ml$/.test(f) && !listed.has(f) && !STANDALONE[f]);
    expect(orphans).toEqual([]);
  });

  it('passes the Kubernetes and KEDA API schemas, rendered and as examples', () => {
    const sets = [...renderings, ...Object.keys(STANDALONE).map((f) => ({ dir: f, objects: readYaml(join(INFRA_DIR, f)) as K8sObject[] }))];
    for (const { dir, objects } of sets) {
      expect(objects.length).toBeGreaterThan(0);
      const problems = schemaProblems(objects);
      const named = objects.map((o, i) => ({ object: `${dir}: ${o.kind} ${o.metadata?.name}`, problem: problems[i] }));
      expect(named.filter((n) => n.problem)).toEqual([]);
    }
  });

  describe.each(renderings)('$dir', ({ objects }) => {
    const config = find(objects, 'ConfigMap', 'plexus-config');
    const containers = podSpecs(objects).flatMap(({ owner, spec }) =>
      (spec.containers as any[]).map((c) => ({ owner, spec, c, label: `${owner.kind} ${owner.metadata.name}/${c.name}` })),
    );

    it('keeps secrets out: no Secret object, no secret variable set from the ConfigMap or a literal', () => {
      expect(objects.filter((o) => o.kind === 'Secret').map((o) => o.metadata.name)).toEqual([]);
      expect(Object.keys(config.data).filter((k) => SECRET_KEYS.includes(k))).toEqual([]);
      for (const { c, label } of containers) {
        for (const e of c.env ?? []) {
          if (SECRET_KEYS.includes(e.name))
            expect({ label, name: e.name, from: e.valueFrom?.secretKeyRef?.name }).toEqual({ label, name: e.name, from: 'plexus-secrets' });
        }
      }
    });

    it('has the API, the worker and the migrations Job, each container with requests, limits and (but the Job) probes', () => {
      expect(containers.map((x) => x.label).sort()).toEqual([
        'Deployment plexus-api/api',
        'Deployment plexus-worker-email/worker',
        'Deployment plexus-worker-reports/worker',
        'Job plexus-migrate/migrate',
      ]);
      for (const { owner, c, label } of containers) {
        for (const kind of ['requests', 'limits'] as const) {
          expect({ label, kind, cpu: !!c.resources?.[kind]?.cpu, memory: !!c.resources?.[kind]?.memory }).toEqual({
            label,
            kind,
            cpu: true,
            memory: true,
          });
        }
        if (owner.kind === 'Job') continue;
        expect({ label, liveness: !!c.livenessProbe, readiness: !!c.readinessProbe }).toEqual({ label, liveness: true, readiness: true });
      }
    });

    it('runs every container non-root, read-only, without privilege escalation or capabilities, under RuntimeDefault seccomp', () => {
      for (const { spec, c, label } of containers) {
        const sc = c.securityContext ?? {};
        expect({
          label,
          runAsNonRoot: sc.runAsNonRoot ?? spec.securityContext?.runAsNonRoot,
          allowPrivilegeEscalation: sc.allowPrivilegeEscalation,
          readOnlyRootFilesystem: sc.readOnlyRootFilesystem,
          drop: sc.capabilities?.drop,
          add: sc.capabilities?.add,
          seccomp: (sc.seccompProfile ?? spec.securityContext?.seccompProfile)?.type,
          privileged: sc.privileged,
        }).toEqual({
          label,
          runAsNonRoot: true,
          allowPrivilegeEscalation: false,
          readOnlyRootFilesystem: true,
          drop: ['ALL'],
          add: undefined,
          seccomp: 'RuntimeDefault',
          privileged: undefined,
        });
        expect(spec.automountServiceAccountToken).toBe(false);
        // A writable /tmp, on an emptyDir, since the root filesystem is read-only.
        const tmp = (c.volumeMounts ?? []).find((m: any) => m.mountPath === '/tmp');
        expect({ label, tmp: spec.volumes?.find((v: any) => v.name === tmp?.name)?.emptyDir !== undefined }).toEqual({ label, tmp: true });
      }
    });

    it('gives Chromium a memory-backed /dev/shm, the report workers time to finish a render and the API its requests on SIGTERM', () => {
      const worker = find(objects, 'Deployment', 'plexus-worker-reports').spec.template.spec;
      const shm = worker.containers[0].volumeMounts.find((m: any) => m.mountPath === '/dev/shm');
      expect(worker.volumes.find((v: any) => v.name === shm?.name)?.emptyDir?.medium).toBe('Memory');
      const renderSeconds = Number(config.data.REPORT_RENDER_TIMEOUT_MS) / 1000;
      expect(worker.terminationGracePeriodSeconds).toBeGreaterThanOrEqual(renderSeconds + 30);
      // The email and schedules workers run no Chromium: no /dev/shm, no memory-backed volume, and smaller than a report worker.
      const email = find(objects, 'Deployment', 'plexus-worker-email').spec.template.spec;
      expect(email.containers[0].volumeMounts.map((m: any) => m.mountPath)).toEqual(['/tmp']);
      expect(email.volumes.filter((v: any) => v.emptyDir?.medium === 'Memory')).toEqual([]);
      const bytes = (q: string) => Number(/^(\d+)(Mi|Gi)$/.exec(q)![1]) * (q.endsWith('Gi') ? 1024 : 1);
      const cores = (q: string) => (q.endsWith('m') ? Number(q.slice(0, -1)) / 1000 : Number(q));
      for (const kind of ['requests', 'limits'] as const) {
        const [e, r] = [email.containers[0].resources[kind], worker.containers[0].resources[kind]];
        expect({ kind, memory: bytes(e.memory) < bytes(r.memory), cpu: cores(e.cpu) < cores(r.cpu) }).toEqual({ kind, memory: true, cpu: true });
      }
      // The API: the preStop pause, then SHUTDOWN_TIMEOUT_MS for requests in flight, within its grace period.
      const api = find(objects, 'Deployment', 'plexus-api').spec.template.spec;
      const preStop = Number(api.containers[0].lifecycle?.preStop?.exec?.command?.[1] ?? 0);
      expect(api.terminationGracePeriodSeconds).toBeGreaterThan(preStop + Number(config.data.SHUTDOWN_TIMEOUT_MS) / 1000);
    });

    it('pins every image to a tag or digest, never latest', () => {
      for (const { c, label } of containers) {
        const m = /^([^@]+?)(?::([\w.-]+))?(?:@sha256:[0-9a-f]{64})?$/.exec(c.image);
        const tag = m?.[2];
        const digest = c.image.includes('@sha256:');
        expect({ label, pinned: digest || (!!tag && tag !== 'latest') }).toEqual({ label, pinned: true });
      }
    });

    it('provides every variable the config reads from the ConfigMap or the Secret, sets nothing else, and the config accepts them', () => {
      expect(Object.keys(config.data).filter((k) => !CONFIG_KEYS.includes(k))).toEqual([]);
      const secretExample = readYaml(join(K8S_DIR, 'secret.example.yaml')).find((o) => o.metadata.name === 'plexus-secrets');
      for (const { owner, c, label } of containers) {
        const role = owner.metadata.name as string;
        const provided = new Map<string, string>();
        for (const from of c.envFrom ?? []) {
          expect({ label, from: from.configMapRef?.name }).toEqual({ label, from: 'plexus-config' });
          for (const [k, v] of Object.entries(config.data as Record<string, string>)) provided.set(k, v);
        }
        for (const e of c.env ?? []) {
          const ref = e.valueFrom?.secretKeyRef;
          if (ref) expect({ label, key: ref.key, inExample: ref.key in secretExample.stringData }).toEqual({ label, key: ref.key, inExample: true });
          provided.set(e.name, ref ? secretExample.stringData[ref.key] : e.value);
        }
        const missing = CONFIG_KEYS.filter((k) => !provided.has(k) && !NOT_NEEDED[role]?.[k]);
        const unknown = [...provided.keys()].filter((k) => !CONFIG_KEYS.includes(k) && !NOT_CONFIG[role]?.[k]);
        expect({ label, missing, unknown }).toEqual({ label, missing: [], unknown: [] });
        // The values themselves pass the app's own validation (the Secret's with the example's placeholders).
        expect(() => loadConfig(Object.fromEntries(provided))).not.toThrow();
      }
    });

    it('runs the migrations as the owner role with the API image', () => {
      const job = find(objects, 'Job', 'plexus-migrate').spec.template.spec;
      const api = find(objects, 'Deployment', 'plexus-api').spec.template.spec;
      expect(job.containers[0].command).toEqual(['node', 'dist/apps/api/main.js', 'migrate']);
      expect(job.containers[0].image).toBe(api.containers[0].image);
      expect(job.restartPolicy).toBe('Never');
      expect(job.containers[0].env.find((e: any) => e.name === 'DATABASE_OWNER_URL').valueFrom.secretKeyRef).toEqual({
        name: 'plexus-secrets',
        key: 'DATABASE_OWNER_URL',
      });
      expect(api.containers[0].command).toEqual(['node', 'dist/apps/api/main.js', 'serve']);
    });

    it('splits the workers by queue: every queue consumed by exactly one worker Deployment (WORKER_QUEUES), reports alone', () => {
      const queuesOf = (name: string) => loadConfig({ WORKER_QUEUES: envValue(find(objects, 'Deployment', name), 'WORKER_QUEUES') }).WORKER_QUEUES;
      expect(envValue(find(objects, 'Deployment', 'plexus-worker-reports'), 'WORKER_QUEUES')).toBe('reports');
      expect(queuesOf('plexus-worker-reports')).toEqual([QueueName.Reports]);
      expect(queuesOf('plexus-worker-email')).toEqual([QueueName.Email, QueueName.Schedules]);
      // Set on the Deployments, never in the ConfigMap (which every container shares).
      expect(config.data.WORKER_QUEUES).toBeUndefined();
      const all = WORKERS.flatMap(queuesOf).sort();
      expect(all).toEqual(Object.values(QueueName).sort());
    });

    it('scales each worker Deployment with its own KEDA ScaledObject, on the BullMQ wait lists of the queues it consumes', () => {
      const scaled = objects.filter((o) => o.kind === 'ScaledObject');
      expect(scaled.map((s) => s.spec.scaleTargetRef.name).sort()).toEqual(WORKERS);
      const prefix = config.data.REDIS_PREFIX;
      expect(prefix).toBe('{plexus}');
      for (const so of scaled) {
        const deployment = find(objects, 'Deployment', so.spec.scaleTargetRef.name);
        // The HPA owns the count: a `replicas` in the Deployment would reset it on every apply.
        expect(deployment.spec.replicas).toBeUndefined();
        expect(so.spec.minReplicaCount).toBeGreaterThanOrEqual(1);
        expect(so.spec.maxReplicaCount).toBeGreaterThan(so.spec.minReplicaCount);
        expect(so.metadata.labels?.['app.kubernetes.io/component']).toBe(deployment.metadata.labels?.['app.kubernetes.io/component']);
        // It reads exactly the wait lists of the queues its Deployment consumes.
        const read = so.spec.triggers.map((t: any) => {
          expect(t.type).toBe('redis');
          expect(Number(t.metadata.listLength)).toBeGreaterThan(0);
          expect(find(objects, 'TriggerAuthentication', t.authenticationRef.name)).toBeDefined();
          return triggerQueue(t.metadata.listName, prefix);
        });
        expect({ so: so.metadata.name, read }).toEqual({
          so: so.metadata.name,
          read: loadConfig({ WORKER_QUEUES: envValue(deployment, 'WORKER_QUEUES') }).WORKER_QUEUES,
        });
      }
      expect(find(objects, 'ScaledObject', 'plexus-worker-reports').spec.triggers.map((t: any) => t.metadata.listName)).toEqual([
        `${prefix}:${QueueName.Reports}:wait`,
      ]);
      expect(find(objects, 'ScaledObject', 'plexus-worker-email').spec.triggers.map((t: any) => t.metadata.listName)).toEqual([
        `${prefix}:${QueueName.Email}:wait`,
        `${prefix}:${QueueName.Schedules}:wait`,
      ]);
    });

    it("lets the report workers scale far enough for infra/CAPACITY.md's largest peak within its window", () => {
      const { perReplicaPerMinute, windowMinutes, peak } = capacity();
      const reports = find(objects, 'ScaledObject', 'plexus-worker-reports');
      for (const row of peak) {
        expect({ networks: row.networks, enough: reports.spec.maxReplicaCount >= row.replicas }).toEqual({ networks: row.networks, enough: true });
        expect(reports.spec.maxReplicaCount * perReplicaPerMinute * windowMinutes).toBeGreaterThanOrEqual(row.documents);
      }
    });

    it('serves the API over TLS only, through a Service that selects it, with HSTS from the app in production', () => {
      const ingress = find(objects, 'Ingress', 'plexus-api');
      const hosts = ingress.spec.rules.map((r: any) => r.host);
      expect(ingress.spec.tls.flatMap((t: any) => t.hosts)).toEqual(expect.arrayContaining(hosts));
      expect(ingress.metadata.annotations?.['nginx.ingress.kubernetes.io/force-ssl-redirect']).toBe('true');
      const service = find(objects, 'Service', ingress.spec.rules[0].http.paths[0].backend.service.name);
      expect(find(objects, 'Deployment', 'plexus-api').spec.template.metadata.labels).toMatchObject(service.spec.selector);
      expect(config.data.NODE_ENV).toBe('production'); // helmet's HSTS is on in production (security-headers.ts)
      expect(new URL(config.data.PUBLIC_URL).host).toBe(hosts[0]);
    });

    it('has a PodDisruptionBudget for the API and each worker Deployment, each selecting its pods', () => {
      expect(
        objects
          .filter((o) => o.kind === 'PodDisruptionBudget')
          .map((o) => o.metadata.name)
          .sort(),
      ).toEqual(['plexus-api', ...WORKERS]);
      for (const name of ['plexus-api', ...WORKERS]) {
        const pdb = find(objects, 'PodDisruptionBudget', name);
        expect(find(objects, 'Deployment', name).spec.template.metadata.labels).toMatchObject(pdb.spec.selector.matchLabels);
      }
    });

    it('denies all traffic by default; each worker takes only Prometheus on its metrics port and reaches only PostgreSQL, Redis, object storage, SMTP (email) and DNS', () => {
      const deny = find(objects, 'NetworkPolicy', 'plexus-default-deny');
      expect(deny.spec).toEqual({ podSelector: {}, policyTypes: ['Ingress', 'Egress'] });
      const metricsPort = Number(find(objects, 'ConfigMap', 'plexus-config').data.WORKER_METRICS_PORT);
      const egressPorts: Record<string, number[]> = {
        // No SMTP for the report workers: they send no mail.
        'plexus-worker-reports': [443, 5432, 6379],
        'plexus-worker-email': [443, 465, 587, 5432, 6379],
      };
      for (const name of WORKERS) {
        const worker = find(objects, 'NetworkPolicy', name);
        expect(find(objects, 'Deployment', name).spec.template.metadata.labels).toMatchObject(worker.spec.podSelector.matchLabels);
        expect(worker.spec.policyTypes).toEqual(['Ingress', 'Egress']);
        expect(worker.spec.ingress).toEqual([
          {
            from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } }],
            ports: [{ protocol: 'TCP', port: metricsPort }],
          },
        ]);
        const ports = worker.spec.egress.flatMap((r: any) => r.ports.map((p: any) => p.port)).sort((a: number, b: number) => a - b);
        expect({ name, ports }).toEqual({ name, ports: egressPorts[name] });
        for (const rule of worker.spec.egress) expect(rule.to.every((t: any) => t.ipBlock?.cidr && !t.ipBlock.cidr.startsWith('0.0.0.0'))).toBe(true);
      }
      // The API's Service (and so the Ingress) carries its http port alone, never the metrics port.
      const service = find(objects, 'Service', 'plexus-api');
      expect(service.spec.ports.map((p: any) => p.targetPort)).toEqual(['http']);
      const dns = find(objects, 'NetworkPolicy', 'plexus-dns');
      expect(dns.spec.egress.flatMap((r: any) => r.ports.map((p: any) => p.port))).toEqual([53, 53]);
    });
  });

  describe('k8s/overlays/production, against infra/README.md', () => {
    const objects = renderings.find((r) => r.dir === 'k8s/overlays/production')!.objects;
    const readme = readFileSync(join(INFRA_DIR, 'README.md'), 'utf8');

    it('states the PostgreSQL connections the pods hold at full scale (pool × every process KEDA and the API may run)', () => {
      const config = find(objects, 'ConfigMap', 'plexus-config').data;
      const api = find(objects, 'Deployment', 'plexus-api').spec.replicas * Number(config.API_PROCESSES ?? 1);
      const workers = WORKERS.map((name) => find(objects, 'ScaledObject', name).spec.maxReplicaCount);
      const total = Number(config.DATABASE_POOL_MAX) * (api + workers.reduce((a, b) => a + b, 0));
      expect(readme).toContain(`**${total} PostgreSQL connections**`);
    });

    it('lists every placeholder address of the NetworkPolicies, to be replaced with the services’ own', () => {
      const cidrs = new Set(
        objects
          .filter((o) => o.kind === 'NetworkPolicy')
          .flatMap((o) => (o.spec.egress ?? []).flatMap((r: any) => (r.to ?? []).map((t: any) => t.ipBlock?.cidr).filter(Boolean))),
      );
      expect(cidrs.size).toBeGreaterThan(0);
      for (const cidr of cidrs) expect({ cidr, documented: readme.includes(`\`${cidr}\``) }).toEqual({ cidr, documented: true });
    });
  });
});
