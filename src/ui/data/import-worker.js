// The import worker (src/ui/data/import_worker.rs): the same bundle,
// started without a page, reads, checks and writes an import file while the
// page stays responsive. It ships beside repertoire-app.js.
import init, { import_worker } from './repertoire-app.js';

// The page first sends its compiled WebAssembly module: instantiating it
// takes a fraction of fetching and compiling the wasm again.
self.addEventListener(
  'message',
  async (event) => {
    await init({ module_or_path: event.data });
    import_worker();
  },
  { once: true },
);
