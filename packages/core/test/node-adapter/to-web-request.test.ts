import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { toWebRequest, type WebRequestOptions } from '../../src/node/index.js';
import { listen, type RunningServer } from './node-server.js';

let running: RunningServer | undefined;

afterEach(async () => {
  await running?.close();
  running = undefined;
});

interface Seen {
  url: string;
  method: string;
  headers: Headers;
  body: string | null;
}

/** Serves one request, converting it with `toWebRequest` and reporting what the Request held. */
async function capture(options: WebRequestOptions = {}): Promise<{
  origin: string;
  seen: Promise<Seen | Error>;
}> {
  let report!: (seen: Seen | Error) => void;
  const seen = new Promise<Seen | Error>((resolve) => {
    report = resolve;
  });
  running = await listen(async (req, res) => {
    try {
      const request = toWebRequest(req, options);
      const body = request.body ? await request.text() : null;
      report({ url: request.url, method: request.method, headers: request.headers, body });
    } catch (error) {
      report(error as Error);
    }
    res.end('ok');
  });
  return { origin: running.origin, seen };
}

function rawRequest(
  origin: string,
  path: string,
  init: { method?: string; headers?: Record<string, string | string[]>; body?: string[] } = {},
): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${origin}${path}`, {
      method: init.method ?? 'GET',
      headers: init.headers,
    });
    req.on('response', (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    for (const chunk of init.body ?? []) req.write(chunk);
    req.end();
  });
}

describe('node:http request to Web Request', () => {
  it('keeps the method, the full URL with query and every header', async () => {
    const { origin, seen } = await capture();
    await rawRequest(origin, '/acme/authorize?client_id=a&scope=openid%20email', {
      headers: { 'x-custom': 'one', accept: 'text/html' },
    });
    const result = (await seen) as Seen;
    expect(result.method).toBe('GET');
    expect(result.url).toBe(`${origin}/acme/authorize?client_id=a&scope=openid%20email`);
    expect(result.headers.get('x-custom')).toBe('one');
    expect(result.headers.get('accept')).toBe('text/html');
    expect(result.body).toBeNull();
  });

  it('keeps cookies so the session and interaction cookies reach the core', async () => {
    const { origin, seen } = await capture();
    await rawRequest(origin, '/', { headers: { cookie: 'a=1; tessera.session=xyz' } });
    expect(((await seen) as Seen).headers.get('cookie')).toBe('a=1; tessera.session=xyz');
  });

  it('streams a chunked POST body into the request', async () => {
    const { origin, seen } = await capture();
    await rawRequest(origin, '/acme/token', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: ['grant_type=authorization_code', '&code=abc', '&redirect_uri=x'],
    });
    const result = (await seen) as Seen;
    expect(result.method).toBe('POST');
    expect(result.body).toBe('grant_type=authorization_code&code=abc&redirect_uri=x');
  });

  it('streams a body larger than one chunk intact', async () => {
    const { origin, seen } = await capture();
    const big = 'x'.repeat(300_000);
    await rawRequest(origin, '/upload', {
      method: 'PUT',
      headers: { 'content-length': String(big.length) },
      body: [big],
    });
    expect(((await seen) as Seen).body).toBe(big);
  });

  it('gives a POST without a body a null body', async () => {
    const { origin, seen } = await capture();
    await rawRequest(origin, '/acme/logout', {
      method: 'POST',
      headers: { 'content-length': '0' },
    });
    expect(((await seen) as Seen).body).toBeNull();
  });

  it('uses the configured origin instead of the Host header', async () => {
    const { origin, seen } = await capture({ origin: 'https://id.example.com/' });
    await rawRequest(origin, '/acme/jwks', { headers: { host: 'evil.example' } });
    expect(((await seen) as Seen).url).toBe('https://id.example.com/acme/jwks');
  });

  it('ignores X-Forwarded headers unless the proxy is trusted', async () => {
    const { origin, seen } = await capture();
    await rawRequest(origin, '/x', {
      headers: { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'id.example.com' },
    });
    expect(((await seen) as Seen).url).toBe(`${origin}/x`);
  });

  it('takes scheme and host from X-Forwarded headers behind a trusted proxy', async () => {
    const { origin, seen } = await capture({ trustProxy: true });
    await rawRequest(origin, '/x?y=1', {
      headers: { 'x-forwarded-proto': 'https, http', 'x-forwarded-host': 'id.example.com' },
    });
    expect(((await seen) as Seen).url).toBe('https://id.example.com/x?y=1');
  });

  it('rejects a Host header that would change the URL authority', async () => {
    const { origin, seen } = await capture();
    await rawRequest(origin, '/x', { headers: { host: 'evil.example/path?' } });
    expect(await seen).toBeInstanceOf(TypeError);
  });

  it('drops the authority of an absolute-form request target', async () => {
    const { origin, seen } = await capture({ origin: 'https://id.example.com' });
    const { port } = new URL(origin);
    const socket = connect(Number(port), '127.0.0.1');
    socket.write(
      'GET http://other.example/acme/jwks?a=b HTTP/1.1\r\nHost: other.example\r\nConnection: close\r\n\r\n',
    );
    socket.resume();
    expect(((await seen) as Seen).url).toBe('https://id.example.com/acme/jwks?a=b');
    socket.destroy();
  });
});

describe('node:http request body failures', () => {
  it('errors the body stream when the client disconnects mid-body instead of hanging', async () => {
    let report!: (outcome: string) => void;
    const outcome = new Promise<string>((resolve) => {
      report = resolve;
    });
    running = await listen(async (req) => {
      const request = toWebRequest(req);
      await request.text().then(
        () => report('completed'),
        () => report('errored'),
      );
    });
    const { port } = new URL(running.origin);
    const socket = connect(Number(port), '127.0.0.1');
    socket.write(
      'POST /acme/token HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1000\r\n\r\ngrant_type=',
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    socket.destroy();
    expect(await outcome).toBe('errored');
  });
});
