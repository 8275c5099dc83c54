// Repertoire as a widget: defines <repertoire-widget>. A host page adds
//   <script type="module" src="/repertoire/repertoire-widget.js"></script>
//   <repertoire-widget namespace="our-team"></repertoire-widget>
// Each element gets its own shadow root (the host's CSS stays out, ours
// stays in) and its own app; the wasm is fetched and started once, for
// all of them.
import init, { mount } from './repertoire-app.js';

const base = new URL('.', import.meta.url);
// Started at once: the standalone page (index.html) has no element and is
// mounted by the bundle itself when it starts.
const started = init({ module_or_path: new URL('repertoire-app_bg.wasm', base) });
started.catch((error) => {
  if (document.body?.hasAttribute('data-repertoire-page')) {
    const message = document.createElement('p');
    message.setAttribute('role', 'alert');
    message.textContent = `Repertoire could not start in this browser: ${error?.message ?? error}`;
    document.body.append(message);
  }
});

class RepertoireWidget extends HTMLElement {
  async connectedCallback() {
    if (this.shadowRoot) return;
    const root = this.attachShadow({ mode: 'open' });
    const style = document.createElement('link');
    style.rel = 'stylesheet';
    style.href = new URL('main.css', base).href;
    const container = document.createElement('div');
    root.append(style, container);
    try {
      await started;
      mount(
        container,
        this.getAttribute('namespace') ?? '',
        this.getAttribute('name') ?? '',
        this.getAttribute('theme') ?? '',
        this.getAttribute('view') ?? '',
        this.hasAttribute('compact'),
        this.getAttribute('full-page') ?? '',
      );
    } catch (error) {
      const message = document.createElement('p');
      message.setAttribute('role', 'alert');
      message.textContent = `Repertoire could not start here: ${error?.message ?? error}`;
      container.replaceChildren(message);
    }
  }
}

if (!customElements.get('repertoire-widget')) {
  customElements.define('repertoire-widget', RepertoireWidget);
}
