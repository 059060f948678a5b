// A minimal static server for dist/, used by the browser tests and for a quick look:
// serves the build under its base path, on 127.0.0.1 only, with the headers of public/_headers.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { pathToFileURL } from 'node:url';

const types = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.pdf': 'application/pdf',
  '.xml': 'application/xml; charset=utf-8',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.yml': 'text/yaml; charset=utf-8',
};

/**
 * Rules of a Netlify/Cloudflare `_headers` file: a path pattern (`*` matches anything) followed by
 * indented `Name: value` lines. Patterns are matched against the path below the base.
 */
export function parseHeadersFile(text) {
  const rules = [];
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      const pattern = new RegExp(
        `^${line
          .trim()
          .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
          .replace(/\*/g, '.*')}$`,
      );
      rules.push({ pattern, headers: {} });
    } else if (rules.length > 0) {
      const colon = line.indexOf(':');
      if (colon > 0) rules.at(-1).headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
    }
  }
  return rules;
}

/** Starts the server; resolves with its origin and a close function. */
export async function serveDist({ root = 'dist', base = '/', port = 0, keepProcessAlive = true } = {}) {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const rules = parseHeadersFile(await readFile(join(root, '_headers'), 'utf8').catch(() => ''));
  const headersFor = (path) => Object.assign({}, ...rules.filter((r) => r.pattern.test(path)).map((r) => r.headers));
  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    let pathname = decodeURIComponent(url.pathname);
    if (!pathname.startsWith(prefix)) {
      response.writeHead(404).end('not found');
      return;
    }
    pathname = pathname.slice(prefix.length);
    let file = normalize(join(root, pathname));
    if (!file.startsWith(normalize(root))) {
      response.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      response
        .writeHead(200, {
          ...headersFor(`/${pathname}`),
          'Content-Type': types[extname(file)] ?? 'application/octet-stream',
        })
        .end(body);
    } catch {
      const body = await readFile(join(root, '404.html')).catch(() => 'not found');
      response.writeHead(404, { ...headersFor(`/${pathname}`), 'Content-Type': 'text/html; charset=utf-8' }).end(body);
    }
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  if (!keepProcessAlive) server.unref();
  const address = server.address();
  return {
    origin: `http://127.0.0.1:${address.port}`,
    url: (path = '') => `http://127.0.0.1:${address.port}${prefix}${path.replace(/^\//, '')}`,
    // A browser that stays open keeps its keep-alive connections: without closing them, close()
    // waits until the browser drops them (about a minute for Chromium).
    close: () =>
      new Promise((resolve) => {
        server.close(resolve);
        server.closeAllConnections();
      }),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [root = 'dist', base = '/logement-social/', port = '4321'] = process.argv.slice(2);
  const server = await serveDist({ root, base, port: Number(port) });
  console.log(`Site servi sur ${server.url()}`);
}
