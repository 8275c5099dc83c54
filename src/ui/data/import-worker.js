// The import worker (src/ui/data/import_worker.rs): the same bundle,
// started without a page, reads, checks and writes an import file while the
// page stays responsive. It ships beside repertoire-app.js.
import init, { import_worker } from './repertoire-app.js';

await init({ module_or_path: new URL('repertoire-app_bg.wasm', import.meta.url) });
import_worker();
