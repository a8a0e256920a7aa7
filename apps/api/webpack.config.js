const { NxAppWebpackPlugin } = require('@nx/webpack/app-plugin');
const { join } = require('path');

module.exports = {
  // commonjs2: each entry's exports are the file's module.exports (the table worker's handler is its default export).
  output: { path: join(__dirname, '../../dist/apps/api'), clean: true, library: { type: 'commonjs2' } },
  devtool: 'source-map',
  plugins: [
    new NxAppWebpackPlugin({
      target: 'node',
      compiler: 'tsc',
      main: './src/main.ts',
      // Uploaded tables are read in worker threads (piscina): their script is its own file beside main.js.
      additionalEntryPoints: [{ entryName: 'table-worker', entryPath: './src/core/upload/table-worker.ts' }],
      tsConfig: './tsconfig.app.json',
      outputHashing: 'none',
      optimization: false,
      generatePackageJson: false,
      sourceMap: true,
      skipTypeChecking: true,
    }),
  ],
};
