import { configSchema, loadConfig, QueueName } from '@plexus/server';
import { existsSync } from 'node:fs';
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
/** Config variables a container may go without (its default then applies), and why. */
const NOT_NEEDED: Record<string, Record<string, string>> = {
  api: { DATABASE_OWNER_URL: 'only `migrate` reads it', STORAGE_DIR: 'unused with STORAGE_DRIVER=s3' },
  worker: { DATABASE_OWNER_URL: 'only `migrate` reads it', STORAGE_DIR: 'unused with STORAGE_DRIVER=s3' },
  migrate: {
    STORAGE_DIR: 'unused with STORAGE_DRIVER=s3',
    REDIS_URL: '`migrate` touches only PostgreSQL',
    SMTP_URL: '`migrate` sends no mail',
  },
};
/** Variables set that the config does not read, and why. */
const NOT_CONFIG: Record<string, Record<string, string>> = {
  worker: { HOME: 'Chromium and fontconfig write under $HOME; /tmp is the only writable place' },
};
/** Files under infra/ that no kustomization lists, and why. */
const STANDALONE: Record<string, string> = { 'k8s/secret.example.yaml': 'an example to copy and fill in, never applied as is' };

const renderings = kustomizationDirs().map((dir) => ({ dir: dir.slice(INFRA_DIR.length + 1), objects: kustomize(dir) }));

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
        'Deployment plexus-worker/worker',
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

    it('gives Chromium a memory-backed /dev/shm, the worker time to finish a render and the API its requests on SIGTERM', () => {
      const worker = find(objects, 'Deployment', 'plexus-worker').spec.template.spec;
      const shm = worker.containers[0].volumeMounts.find((m: any) => m.mountPath === '/dev/shm');
      expect(worker.volumes.find((v: any) => v.name === shm?.name)?.emptyDir?.medium).toBe('Memory');
      const renderSeconds = Number(config.data.REPORT_RENDER_TIMEOUT_MS) / 1000;
      expect(worker.terminationGracePeriodSeconds).toBeGreaterThanOrEqual(renderSeconds + 30);
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
      for (const { c, label } of containers) {
        const role = c.name as string;
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

    it('scales the workers with KEDA on the BullMQ wait lists of the reports and email queues', () => {
      const scaled = objects.filter((o) => o.kind === 'ScaledObject');
      expect(scaled.map((s) => s.spec.scaleTargetRef.name)).toEqual(['plexus-worker']);
      const [so] = scaled;
      // The HPA owns the count: a `replicas` in the Deployment would reset it on every apply.
      expect(find(objects, 'Deployment', so.spec.scaleTargetRef.name).spec.replicas).toBeUndefined();
      expect(so.spec.minReplicaCount).toBeGreaterThanOrEqual(1);
      expect(so.spec.maxReplicaCount).toBeGreaterThan(so.spec.minReplicaCount);
      const prefix = config.data.REDIS_PREFIX;
      expect(prefix).toBe('{plexus}');
      expect(so.spec.triggers.map((t: any) => [t.type, t.metadata.listName])).toEqual([
        ['redis', `${prefix}:${QueueName.Reports}:wait`],
        ['redis', `${prefix}:${QueueName.Email}:wait`],
      ]);
      for (const t of so.spec.triggers) {
        expect(Number(t.metadata.listLength)).toBeGreaterThan(0);
        expect(find(objects, 'TriggerAuthentication', t.authenticationRef.name)).toBeDefined();
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

    it('has a PodDisruptionBudget for the API and the worker, each selecting its pods', () => {
      for (const name of ['plexus-api', 'plexus-worker']) {
        const pdb = find(objects, 'PodDisruptionBudget', name);
        expect(find(objects, 'Deployment', name).spec.template.metadata.labels).toMatchObject(pdb.spec.selector.matchLabels);
      }
    });

    it('denies all traffic by default; the worker takes only Prometheus on its metrics port and reaches only PostgreSQL, Redis, object storage, SMTP and DNS', () => {
      const deny = find(objects, 'NetworkPolicy', 'plexus-default-deny');
      expect(deny.spec).toEqual({ podSelector: {}, policyTypes: ['Ingress', 'Egress'] });
      const worker = find(objects, 'NetworkPolicy', 'plexus-worker');
      expect(worker.spec.policyTypes).toEqual(['Ingress', 'Egress']);
      const metricsPort = Number(find(objects, 'ConfigMap', 'plexus-config').data.WORKER_METRICS_PORT);
      expect(worker.spec.ingress).toEqual([
        {
          from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } }],
          ports: [{ protocol: 'TCP', port: metricsPort }],
        },
      ]);
      // The API's Service (and so the Ingress) carries its http port alone, never the metrics port.
      const service = find(objects, 'Service', 'plexus-api');
      expect(service.spec.ports.map((p: any) => p.targetPort)).toEqual(['http']);
      const ports = worker.spec.egress.flatMap((r: any) => r.ports.map((p: any) => p.port)).sort();
      expect(ports).toEqual([443, 465, 5432, 587, 6379].sort());
      for (const rule of worker.spec.egress) expect(rule.to.every((t: any) => t.ipBlock?.cidr && !t.ipBlock.cidr.startsWith('0.0.0.0'))).toBe(true);
      const dns = find(objects, 'NetworkPolicy', 'plexus-dns');
      expect(dns.spec.egress.flatMap((r: any) => r.ports.map((p: any) => p.port))).toEqual([53, 53]);
    });
  });
});
