import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createRequestListener, sendWebResponse } from '../../src/node/index.js';
import { listen, type RunningServer } from './node-server.js';

let running: RunningServer | undefined;

afterEach(async () => {
  await running?.close();
  running = undefined;
});

interface Received {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

function fetchRaw(url: string, method = 'GET', body?: string): Promise<Received> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method });
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
      });
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function serve(make: () => Response): Promise<string> {
  running = await listen((_req, res) => {
    void sendWebResponse(res, make());
  });
  return running.origin;
}

describe('Web Response to node:http response', () => {
  it('sends the status, the headers and the body', async () => {
    const origin = await serve(
      () =>
        new Response('{"error":"invalid_grant"}', {
          status: 400,
          headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
        }),
    );
    const received = await fetchRaw(origin);
    expect(received.status).toBe(400);
    expect(received.headers['content-type']).toBe('application/json');
    expect(received.headers['cache-control']).toBe('no-store');
    expect(received.headers['content-length']).toBe('25');
    expect(received.body).toBe('{"error":"invalid_grant"}');
  });

  it('sends every Set-Cookie header separately', async () => {
    const origin = await serve(() => {
      const headers = new Headers({ location: 'https://rp.example/cb?code=1' });
      headers.append(
        'set-cookie',
        'tessera.session=abc; Path=/acme; HttpOnly; Expires=Thu, 01 Jan 2037 00:00:00 GMT',
      );
      headers.append('set-cookie', 'tessera.interaction=; Path=/acme; Max-Age=0');
      return new Response(null, { status: 303, headers });
    });
    const received = await fetchRaw(origin);
    expect(received.status).toBe(303);
    expect(received.headers.location).toBe('https://rp.example/cb?code=1');
    expect(received.headers['set-cookie']).toEqual([
      'tessera.session=abc; Path=/acme; HttpOnly; Expires=Thu, 01 Jan 2037 00:00:00 GMT',
      'tessera.interaction=; Path=/acme; Max-Age=0',
    ]);
    expect(received.body).toBe('');
  });

  it('streams a body of many chunks in order', async () => {
    const origin = await serve(() => {
      let i = 0;
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (i === 50) controller.close();
          else controller.enqueue(new TextEncoder().encode(`${i++},`.padEnd(10_000, ' ')));
        },
      });
      return new Response(stream, { headers: { 'content-type': 'text/plain' } });
    });
    const received = await fetchRaw(origin);
    expect(received.headers['transfer-encoding']).toBe('chunked');
    expect(received.body.length).toBe(500_000);
    expect(received.body.slice(10_000, 10_003)).toBe('1, ');
    expect(received.body.slice(490_000, 490_003)).toBe('49,');
  });

  it('cancels the body stream when the client goes away mid-response', async () => {
    let cancelled!: () => void;
    const wasCancelled = new Promise<void>((resolve) => {
      cancelled = resolve;
    });
    const origin = await serve(
      () =>
        new Response(
          new ReadableStream<Uint8Array>({
            pull(controller) {
              controller.enqueue(new Uint8Array(64 * 1024));
            },
            cancel() {
              cancelled();
            },
          }),
        ),
    );
    const req = httpRequest(origin);
    req.on('response', (res) => res.once('data', () => req.destroy()));
    req.on('error', () => {});
    req.end();
    await expect(wasCancelled).resolves.toBeUndefined();
  });

  it('sends no body for a HEAD request', async () => {
    const origin = await serve(() => new Response('{"keys":[]}', { status: 200 }));
    const received = await fetchRaw(origin, 'HEAD');
    expect(received.status).toBe(200);
    expect(received.body).toBe('');
  });
});

describe('createRequestListener', () => {
  it('hands the Web request to the handler and sends its response', async () => {
    running = await listen(
      createRequestListener(async (request) =>
        Response.json({
          method: request.method,
          path: new URL(request.url).pathname,
          body: await request.text(),
        }),
      ),
    );
    const received = await fetchRaw(`${running.origin}/acme/token`, 'POST', 'a=b');
    expect(received.status).toBe(200);
    expect(JSON.parse(received.body)).toEqual({ method: 'POST', path: '/acme/token', body: 'a=b' });
  });

  it('answers 500 without details when the handler throws, and reports the error', async () => {
    const errors: unknown[] = [];
    running = await listen(
      createRequestListener(
        async () => {
          throw new Error('secret detail');
        },
        { onError: (error) => errors.push(error) },
      ),
    );
    const received = await fetchRaw(running.origin);
    expect(received.status).toBe(500);
    expect(received.body).not.toContain('secret');
    expect(errors).toHaveLength(1);
  });

  it('answers 400 to a request with a malformed Host header', async () => {
    let called = false;
    running = await listen(
      createRequestListener(async () => {
        called = true;
        return new Response('ok');
      }),
    );
    const received = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(running!.origin, { headers: { host: 'a@evil.example' } });
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(received).toBe(400);
    expect(called).toBe(false);
  });
});
