/**
 * The end-to-end tests' web server and forward proxy, on 127.0.0.1 only.
 *
 * Both browsers are started with this server as their HTTP(S) proxy, loopback included, so it
 * sees every request the browser makes: requests for the server itself are answered from the
 * fixtures; any other request is refused (502) and recorded in `foreign`, which is how the
 * tests prove that nothing leaves the machine.
 *
 * Routes: `/terms` (versioned: `setVersion`), `/terms-csp` (strict CSP), `/hostile`,
 * `/news/...`, `/spa/...`, `/big-terms`, `/real/<n>` (Open Terms Archive snapshots, when the
 * shared data is present), `/empty`.
 */

import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

import * as pages from './fixtures/pages.js';

export async function startServer({ realPages = [] } = {}) {
  const state = {
    termsVersion: 'v1',
    foreign: [],
    requests: [],
  };

  const server = createServer((request, response) => {
    const url = new URL(request.url, `http://${request.headers.host}`);
    state.requests.push(`${request.method} ${url.href}`);
    if (url.host !== origin.host) {
      state.foreign.push(`${request.method} ${url.href}`);
      response.writeHead(502).end();
      return;
    }
    route(url, state, realPages, response);
  });
  server.on('connect', (request, socket) => {
    state.foreign.push(`CONNECT ${request.url}`);
    socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
  });

  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = new URL(`http://127.0.0.1:${server.address().port}`);

  return {
    origin: origin.origin,
    port: origin.port,
    url: (path) => new URL(path, origin).href,
    setVersion(version) {
      state.termsVersion = version;
    },
    foreign: () => [...state.foreign],
    requests: () => [...state.requests],
    resetLog() {
      state.foreign.length = 0;
      state.requests.length = 0;
    },
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(resolve);
    }),
  };
}

function route(url, state, realPages, response) {
  const html = (body, headers = {}) => {
    response.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      ...headers,
    });
    response.end(body);
  };

  const path = url.pathname;
  if (path === '/terms') return html(pages.termsPage(state.termsVersion));
  if (path === '/terms-csp') {
    return html(pages.termsPage('v1'), {
      'content-security-policy': "default-src 'none'; script-src 'none'; style-src 'none'",
    });
  }
  if (path === '/hostile') return html(pages.hostilePage());
  if (path === '/big-terms') return html(pages.bigTermsPage());
  if (path.startsWith('/news/')) return html(pages.newsPage());
  if (path === '/spa-data/terms') return html(pages.termsBody('v1'));
  if (path === '/spa' || path.startsWith('/spa/')) return html(pages.spaPage());
  if (path === '/empty') return html('<!doctype html><title>Blank</title><p>Nothing here.</p>');

  const real = /^\/real\/(\d+)$/.exec(path);
  if (real && realPages[Number(real[1])]) return html(readFileSync(realPages[Number(real[1])]));

  response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
}
