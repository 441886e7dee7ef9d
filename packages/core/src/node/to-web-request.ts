/**
 * node:http request -> Web `Request`, so a Node server (or a Next.js custom server) can hand
 * protocol requests to the core directly. One pass over the raw headers, no body buffering.
 */
import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';

export interface WebRequestOptions {
  /**
   * The public origin (`https://id.example.com`). Recommended in production: with it the
   * Host header cannot change the URL the issuer and redirect checks see.
   */
  origin?: string;
  /** Take scheme and host from X-Forwarded-Proto / X-Forwarded-Host (behind a trusted proxy only). */
  trustProxy?: boolean;
}

// RFC 3986 3.2.2 reg-name / IP literal, optional port: nothing that could move the path or userinfo.
const HOST = /^(?:[a-z0-9.\-_~]+|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/** Builds the Web `Request` for a node:http request; throws `TypeError` on an unusable Host. */
export function toWebRequest(req: IncomingMessage, options: WebRequestOptions = {}): Request {
  const method = req.method ?? 'GET';
  const headers = new Headers();
  const raw = req.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i] as string;
    // HTTP/2 pseudo-headers (:path, :authority) are not valid Fetch header names.
    if (name.charCodeAt(0) !== 58) headers.append(name, raw[i + 1] as string);
  }
  const init: RequestInit & { duplex?: 'half' } = { method, headers };
  if (method !== 'GET' && method !== 'HEAD' && hasBody(req)) {
    init.body = bodyStream(req);
    // Required by the Fetch spec for a streamed request body.
    init.duplex = 'half';
  }
  return new Request(originOf(req, options) + pathOf(req.url ?? '/'), init);
}

function originOf(req: IncomingMessage, options: WebRequestOptions): string {
  if (options.origin !== undefined) return options.origin.replace(/\/$/, '');
  const forwardedProto = options.trustProxy ? firstValue(req.headers['x-forwarded-proto']) : '';
  const forwardedHost = options.trustProxy ? firstValue(req.headers['x-forwarded-host']) : '';
  const encrypted = (req.socket as TLSSocket | undefined)?.encrypted === true;
  const scheme = forwardedProto || (encrypted ? 'https' : 'http');
  const host = forwardedHost || req.headers.host || firstValue(req.headers[':authority']);
  if (scheme !== 'http' && scheme !== 'https') throw new TypeError('Unsupported forwarded scheme');
  if (!host || !HOST.test(host)) throw new TypeError('Missing or malformed Host header');
  return `${scheme}://${host}`;
}

/** Keeps only the path and query; absolute-form targets (RFC 9112 3.2.2) lose their authority. */
function pathOf(target: string): string {
  if (target.charCodeAt(0) === 47) return target;
  const url = new URL(target, 'http://absolute-form.invalid');
  return url.pathname + url.search;
}

function firstValue(value: string | string[] | undefined): string {
  const first = Array.isArray(value) ? value[0] : value;
  return first?.split(',')[0]?.trim() ?? '';
}

/** RFC 9112 6.3: without Transfer-Encoding, a message with no (or zero) Content-Length has no body. */
function hasBody(req: IncomingMessage): boolean {
  if (req.headers['transfer-encoding'] !== undefined) return true;
  const length = req.headers['content-length'];
  return length !== undefined && length !== '0';
}

/** A pull-based stream over the Node request with backpressure (pause until the reader pulls). */
function bodyStream(req: IncomingMessage): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    start(controller) {
      let settled = false;
      const fail = (error: Error) => {
        if (settled) return;
        settled = true;
        controller.error(error);
      };
      req.on('data', (chunk: Buffer) => {
        controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
        if ((controller.desiredSize ?? 0) <= 0) req.pause();
      });
      req.once('end', () => {
        if (settled) return;
        settled = true;
        controller.close();
      });
      req.once('error', fail);
      // A client that disconnects mid-body must not leave the reader waiting forever.
      req.once('close', () => fail(new Error('The request body was aborted')));
    },
    pull() {
      req.resume();
    },
    cancel(reason) {
      req.destroy(reason instanceof Error ? reason : undefined);
    },
  });
}
