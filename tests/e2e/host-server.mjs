// Serves the release bundle at / and the example host pages at /examples/,
// every response with a strict Content-Security-Policy, as an intranet
// that follows good practice would.
import http from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const port = Number(process.argv[2] ?? 4175);
export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
};

http
  .createServer(async (request, response) => {
    const url = new URL(request.url, `http://${request.headers.host}`);
    let file = decodeURIComponent(url.pathname);
    if (file === '/favicon.ico') {
      response.writeHead(204, { 'Content-Security-Policy': CSP }).end();
      return;
    }
    const folder = file.startsWith('/examples/') ? root : path.join(root, 'dist');
    if (file.endsWith('/')) file += 'index.html';
    const full = path.normalize(path.join(folder, file));
    if (!full.startsWith(folder)) {
      response.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(full);
      response.writeHead(200, {
        'Content-Type': types[path.extname(full)] ?? 'application/octet-stream',
        'Content-Security-Policy': CSP,
      });
      response.end(body);
    } catch {
      response.writeHead(404, { 'Content-Security-Policy': CSP }).end('not found');
    }
  })
  .listen(port, '127.0.0.1');
