/** The RP's back-channel logout endpoint: a small node:http server collecting logout tokens. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface BackchannelReceiver {
  /** `http://127.0.0.1:<port>/backchannel` (registration allows http on loopback). */
  uri: string;
  /** Every logout token received, in order. */
  tokens: string[];
  /** The first logout token `match` accepts, already received or arriving before the deadline. */
  waitFor(match: (token: string) => boolean, timeoutMs?: number): Promise<string>;
  close(): Promise<void>;
}

/** @example const rp = await startBackchannelReceiver(); ... await rp.waitFor((t) => ...); */
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
      const token = new URLSearchParams(body).get('logout_token');
      const form = (req.headers['content-type'] ?? '').startsWith(
        'application/x-www-form-urlencoded',
      );
      // Back-Channel Logout 1.0, 2.8: 200 on success, 400 for a request the RP cannot use.
      if (req.method !== 'POST' || !form || !token) {
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
    waitFor(match, timeoutMs = 10_000) {
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
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
