/** A node:http request listener serving a Web-standard handler (e.g. `provider.handle`). */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendWebResponse } from './send-web-response.js';
import { toWebRequest, type WebRequestOptions } from './to-web-request.js';

export interface RequestListenerOptions extends WebRequestOptions {
  /** Told about failures of the handler or the socket; never gets request bodies or secrets. */
  onError?: (error: unknown) => void;
}

/** Returns `(req, res) => void` for `http.createServer`. A throwing handler yields a bare 500. */
export function createRequestListener(
  handler: (request: Request) => Promise<Response>,
  options: RequestListenerOptions = {},
): (req: IncomingMessage, res: ServerResponse) => void {
  const onError = options.onError ?? (() => {});
  return (req, res) => {
    let request: Request;
    try {
      request = toWebRequest(req, options);
    } catch {
      // Only an unusable Host or forwarded scheme gets here: the client's fault (RFC 9112 3.2).
      sendPlain(res, 400, 'Bad Request');
      return;
    }
    handler(request)
      .then((response) => sendWebResponse(res, response))
      .catch((error: unknown) => {
        onError(error);
        if (!res.headersSent) sendPlain(res, 500, 'Internal Server Error');
        else res.destroy();
      });
  };
}

function sendPlain(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, {
    'content-type': 'text/plain; charset=utf-8',
    'cache-control': 'no-store',
  });
  res.end(text);
}
