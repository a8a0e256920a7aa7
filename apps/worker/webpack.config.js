const { NxAppWebpackPlugin } = require('@nx/webpack/app-plugin');
const { join } = require('path');

module.exports = {
  output: { path: join(__dirname, '../../dist/apps/worker'), clean: true },
  devtool: 'source-map',
  plugins: [
    new NxAppWebpackPlugin({
      target: 'node',
      compiler: 'tsc',
      main: './src/main.ts',
      tsConfig: './tsconfig.app.json',
      outputHashing: 'none',
      optimization: false,
      generatePackageJson: false,
      sourceMap: true,
      skipTypeChecking: true,
      // Report templates are read at start-up from report-documents/ beside main.js (see documents/template-engine.ts).
      assets: [{ input: './src/report/documents', glob: '**/*.{hbs,css}', output: 'report-documents' }],
    }),
  ],
};
