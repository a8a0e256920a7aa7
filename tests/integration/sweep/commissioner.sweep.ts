/**
 * The network routes a commissioner may call: the report library (list, one document, download). Every other
 * network route answers them 403 in a network that invited them, and every route 404 in one that did not
 * (`tests/integration/isolation-sweep.spec.ts`, `tests/integration/commissioner.spec.ts`). A new route that
 * commissioners should reach is listed here and declares `RequirePermission('reports.read')`.
 */
export const COMMISSIONER_READS = new Set([
  'GET /api/networks/{network}/reports',
  'GET /api/networks/{network}/reports/{documentId}',
  'GET /api/networks/{network}/reports/{documentId}/download',
]);
