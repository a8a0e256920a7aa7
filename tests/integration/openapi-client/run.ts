/**
 * Runs the journey as its own Node process, as an integrator's script runs (no test framework in between):
 * `node -r ./scripts/ts-register.js tests/integration/openapi-client/run.ts '<JourneyInput as JSON>'`.
 * Prints the JourneyResult as JSON, the PDF in base64.
 */
import { journey, type JourneyInput } from './journey';

journey(JSON.parse(process.argv[2] ?? '{}') as JourneyInput).then(
  (result) => process.stdout.write(JSON.stringify({ ...result, pdf: Buffer.from(result.pdf).toString('base64') })),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
