// Trunk post-build hook, on the staged dist/ before it replaces the old one.
//
// 1. Replaces the inline loader Trunk writes into index.html with the widget
//    script, which starts the same bundle. The page then needs no inline
//    script and runs under a strict Content-Security-Policy
//    (script-src 'self' 'wasm-unsafe-eval'), like every host page.
// 2. Gives the wasm's imports short names, in the module and in the glue
//    (scripts/short-imports.mjs): about 6.5 KB brotli less.
// 3. Minifies the scripts (Trunk's own minification leaves the wasm-bindgen
//    glue as it is): about 2 KB brotli less for every member. The page's
//    integrity hashes are computed again for the files changed.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { minify } from 'terser';
import { shortenImports } from './short-imports.mjs';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('post-build: TRUNK_STAGING_DIR is not set (run it as a Trunk hook)');
  process.exit(1);
}
const page = path.join(dir, 'index.html');
let html = readFileSync(page, 'utf8');
// Trunk's minified HTML drops the attribute quotes.
const loader = /<script type="?module"?>\s*import init, \* as bindings[\s\S]*?<\/script>/;
if (!loader.test(html)) {
  console.error("post-build: Trunk's loader script was not found in index.html");
  process.exit(1);
}
html = html.replace(loader, '<script type="module" src="/repertoire-widget.js"></script>');

const integrity = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

const wasmFile = path.join(dir, 'repertoire-app_bg.wasm');
const glueFile = path.join(dir, 'repertoire-app.js');
const wasm = readFileSync(wasmFile);
const glue = readFileSync(glueFile, 'utf8');
const short = shortenImports(wasm, glue, './repertoire-app_bg.js');
writeFileSync(wasmFile, short.wasm);
writeFileSync(glueFile, short.glue);
html = html.split(integrity(wasm)).join(integrity(short.wasm));
for (const name of readdirSync(dir).filter((n) => n.endsWith('.js'))) {
  const file = path.join(dir, name);
  const source = readFileSync(file, 'utf8');
  const { code } = await minify(source, { module: true, compress: { passes: 2 } });
  writeFileSync(file, code);
  // The page names each script by its hash as Trunk wrote it.
  const written = name === 'repertoire-app.js' ? glue : source;
  html = html.split(integrity(written)).join(integrity(code));
}
writeFileSync(page, html);
