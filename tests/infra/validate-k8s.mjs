// Validates Kubernetes objects against the API schemas of the `kubernetes-models` packages (Kubernetes core and
// KEDA's CRDs). Those packages are ES modules only, so tests/infra/manifests.ts runs this with plain node.
// Reads a JSON array of objects on stdin; prints a JSON array of problems ("" for none), one per object, in order.
const LOADERS = {
  v1: () => import('kubernetes-models/v1'),
  'apps/v1': () => import('kubernetes-models/apps/v1'),
  'batch/v1': () => import('kubernetes-models/batch/v1'),
  'policy/v1': () => import('kubernetes-models/policy/v1'),
  'networking.k8s.io/v1': () => import('kubernetes-models/networking.k8s.io/v1'),
  'keda.sh/v1alpha1': () => import('@kubernetes-models/keda/keda.sh/v1alpha1'),
};

let input = '';
for await (const chunk of process.stdin) input += chunk;
const objects = JSON.parse(input);
const out = [];
for (const object of objects) {
  const load = LOADERS[object.apiVersion];
  if (!load) {
    out.push(`no schema for apiVersion ${object.apiVersion} (add it to tests/infra/validate-k8s.mjs)`);
    continue;
  }
  const Model = (await load())[object.kind];
  if (typeof Model !== 'function') {
    out.push(`no schema for ${object.apiVersion} ${object.kind}`);
    continue;
  }
  try {
    new Model(object).validate();
    out.push('');
  } catch (err) {
    out.push(String(err && err.message ? err.message : err));
  }
}
process.stdout.write(JSON.stringify(out));
