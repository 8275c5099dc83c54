// Trunk post-build hook: replaces the inline loader Trunk writes into
// index.html with the widget script, which starts the same bundle. The page
// then needs no inline script and runs under a strict Content-Security-Policy
// (script-src 'self' 'wasm-unsafe-eval'), like every host page.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('external-loader: TRUNK_STAGING_DIR is not set (run it as a Trunk hook)');
  process.exit(1);
}
const file = path.join(dir, 'index.html');
const html = readFileSync(file, 'utf8');
const loader = /<script type="module">\s*import init, \* as bindings[\s\S]*?<\/script>/;
if (!loader.test(html)) {
  console.error('external-loader: Trunk\'s loader script was not found in index.html');
  process.exit(1);
}
writeFileSync(file, html.replace(loader, '<script type="module" src="/repertoire-widget.js"></script>'));
