// Runs TypeScript files in plain Node: the benchmarks (npm run bench:reports, npm run bench:work-plan) and the API's
// table worker threads when the API itself runs from its TypeScript sources (jest, benchmarks). Compiles each .ts
// file with @swc/core (the same settings as jest's, so Nest and MikroORM decorators keep their metadata and default
// imports interoperate the same way) and maps the @plexus/* paths from tsconfig.base.json.
// Usage: node --require ./scripts/ts-register.js tests/bench/<name>.bench.ts
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');
const { transformSync } = require('@swc/core');

const root = path.resolve(__dirname, '..');
const { compilerOptions } = JSON.parse(fs.readFileSync(path.join(root, 'tsconfig.base.json'), 'utf8'));
const aliases = Object.fromEntries(Object.entries(compilerOptions.paths).map(([name, [target]]) => [name, path.join(root, target)]));

const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
  return resolve.call(this, aliases[request] ?? request, parent, ...rest);
};

require.extensions['.ts'] = function compile(module, filename) {
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), {
    filename,
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  });
  module._compile(code, filename);
};
