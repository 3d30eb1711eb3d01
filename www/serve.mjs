#!/usr/bin/env node
// A static server for dist/www on 127.0.0.1 (never another interface), for `make serve-www`,
// `SERVE=1 make demo`, the tests and the bench. Usage: node www/serve.mjs [DIR] [--port N]
// [--seconds N]. Prints the URL; stops on Ctrl+C, or by itself after --seconds.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ics': 'text/calendar; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** Serves `dir`; resolves to `{ url, server, close() }` once listening. */
export async function serve(dir, { port = 0, log = false } = {}) {
  const base = resolve(dir);
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
    let file = normalize(join(base, path));
    if (file !== base && !file.startsWith(base + sep)) {
      res.writeHead(403).end('forbidden');
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) {
        if (!path.endsWith('/')) {
          res.writeHead(301, { location: `${path}/` }).end();
          return;
        }
        file = join(file, 'index.html');
      }
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end(`not found: ${path}`);
    }
    if (log) console.log(`${res.statusCode} ${req.method} ${path}`);
  });
  await new Promise((ok) => server.listen(port, '127.0.0.1', ok));
  const url = `http://127.0.0.1:${server.address().port}/`;
  return { url, server, close: () => new Promise((ok) => server.close(ok)) };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const flag = (name) => {
    const at = args.indexOf(name);
    return at < 0 ? undefined : Number(args.splice(at, 2)[1]);
  };
  const port = flag('--port') ?? Number(process.env.PORT ?? 8080);
  const seconds = flag('--seconds');
  const dir = args[0] ?? 'dist/www';
  const { url, close } = await serve(dir, { port });
  console.log(`Handoff Kit web page: ${url}  (serving ${dir} on 127.0.0.1; Ctrl+C stops)`);
  process.on('SIGINT', () => close().then(() => process.exit(0)));
  if (seconds) setTimeout(() => close().then(() => process.exit(0)), seconds * 1000);
}
