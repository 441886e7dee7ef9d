/** The relying party's back-channel logout endpoint: a tiny node:http server collecting logout tokens. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { closeServer } from './op-server.js';

export interface BackchannelReceiver {
  uri: string;
  /** Every `logout_token` received, in order. */
  tokens: string[];
  /** Resolves with the first logout token `match` accepts (already received or arriving), or rejects. */
  waitFor(match: (token: string) => boolean, timeoutMs?: number): Promise<string>;
  close(): Promise<void>;
}

export async function startBackchannelReceiver(): Promise<BackchannelReceiver> {
  const tokens: string[] = [];
  let waiters: ((token: string) => boolean)[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
    });
    req.on('end', () => {
      const contentType = req.headers['content-type'] ?? '';
      const token = new URLSearchParams(body).get('logout_token');
      // Back-Channel Logout 1.0, 2.8: 200 on success, 400 when the request is unusable.
      if (
        req.method !== 'POST' ||
        !contentType.startsWith('application/x-www-form-urlencoded') ||
        !token
      ) {
        res.writeHead(400).end();
        return;
      }
      tokens.push(token);
      waiters = waiters.filter((waiter) => !waiter(token));
      res.writeHead(200, { 'cache-control': 'no-store' }).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    uri: `http://127.0.0.1:${port}/backchannel`,
    tokens,
    waitFor(match, timeoutMs = 5_000) {
      const found = tokens.find(match);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error('no matching logout token arrived')),
          timeoutMs,
        );
        waiters.push((token) => {
          if (!match(token)) return false;
          clearTimeout(timer);
          resolve(token);
          return true;
        });
      });
    },
    close: () => closeServer(server),
  };
}
