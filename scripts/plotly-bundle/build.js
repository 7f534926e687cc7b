// Partial plotly.js bundles for timeline, built the way plotly.js builds its own dist files
// (its esbuild-config.js), with only the trace types the figure builder emits:
//   plotly-core.min.js  scatter (plotly.js core: cartesian axes, shapes, annotations, legend,
//                       hover, modebar, range slider/selector, ...)
//   plotly-gl.min.js    core + scattergl (figures with more than GL_THRESHOLD points)
// Each is written with a .br beside it (brotli, best quality) so the server never compresses
// it at run time, and the third-party licences go to plotly-*.LEGAL.txt.
// usage: node build.js OUTDIR   (run by scripts/build-plotly-bundle.sh)
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const esbuild = require('esbuild');
const { environmentPlugin } = require('esbuild-plugin-environment');
const { glsl } = require('esbuild-plugin-glsl');
const InlineCSSPlugin = require('esbuild-plugin-inline-css');

const out = path.resolve(process.argv[2] || 'out');
const version = require('plotly.js/package.json').version;
const bundles = {
  'plotly-core': "module.exports = require('plotly.js/lib/core');",
  // scattergl's strict variant: regl with precompiled draw code, no Function() (CSP without 'unsafe-eval')
  'plotly-gl': "var P = require('plotly.js/lib/core'); P.register([require('plotly.js/src/traces/scattergl/strict')]); module.exports = P;",
};
// No map subplot is ever registered, so maplibre's stylesheet (inlined by plotly's core) is dead weight.
const noMapCss = { name: 'no-map-css', setup(b) {
  b.onResolve({ filter: /maplibre-gl\.css$/ }, (a) => ({ path: a.path, namespace: 'empty' }));
  b.onLoad({ filter: /.*/, namespace: 'empty' }, () => ({ contents: '', loader: 'js' }));
} };

(async () => {
  fs.mkdirSync(out, { recursive: true });
  for (const [name, source] of Object.entries(bundles)) {
    const file = path.join(out, `${name}.min.js`);
    await esbuild.build({
      stdin: { contents: "'use strict';\n" + source, resolveDir: __dirname, loader: 'js' },
      outfile: file, format: 'iife', globalName: 'Plotly', bundle: true, minify: true,
      legalComments: 'external', sourcemap: false, target: 'es2016', logLevel: 'warning',
      banner: { js: `/* plotly.js v${version} (timeline partial bundle: ${name === 'plotly-gl' ? 'scatter, scattergl' : 'scatter'}) | MIT licence, see LICENSE */` },
      plugins: [noMapCss, InlineCSSPlugin(), glsl({ minify: true }), environmentPlugin({ NODE_DEBUG: false })],
      alias: { regl: '@plotly/regl', stream: 'stream-browserify' },
      define: { global: 'window', 'define.amd': 'false' },
    });
    const legal = file + '.LEGAL.txt';
    if (fs.existsSync(legal)) fs.renameSync(legal, path.join(out, `${name}.LEGAL.txt`));
    const raw = fs.readFileSync(file);
    const br = zlib.brotliCompressSync(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length } });
    fs.writeFileSync(file + '.br', br);
    console.log(`${name}.min.js ${raw.length} bytes, ${zlib.gzipSync(raw, { level: 9 }).length} gzipped, ${br.length} brotli`);
  }
  fs.copyFileSync(require.resolve('plotly.js/LICENSE'), path.join(out, 'LICENSE'));
  // The app's page loads this instead of Dash's @babel/polyfill (timeline/web/plotly_js.py): Dash's
  // lazy components need only the global regeneratorRuntime from it.
  const rr = path.join(out, 'regenerator-runtime.min.js');
  await esbuild.build({ entryPoints: [require.resolve('regenerator-runtime/runtime.js')], outfile: rr,
    format: 'iife', bundle: true, minify: true, legalComments: 'none', logLevel: 'warning',
    banner: { js: `/* regenerator-runtime v${require('regenerator-runtime/package.json').version} | MIT licence, (c) Meta Platforms, Inc. and affiliates */` } });
  fs.writeFileSync(rr + '.br', zlib.brotliCompressSync(fs.readFileSync(rr)));
  console.log(`regenerator-runtime.min.js ${fs.statSync(rr).size} bytes`);
})().catch((e) => { console.error(e); process.exit(1); });
