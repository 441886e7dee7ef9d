/**
 * Web `Response` -> node:http response: status, every header (each Set-Cookie separately,
 * which a plain header iteration would merge), and the body streamed with backpressure.
 */
import type { ServerResponse } from 'node:http';

/** Writes `response` to `res` and resolves once it is fully sent (or the client went away). */
export async function sendWebResponse(res: ServerResponse, response: Response): Promise<void> {
  res.statusCode = response.status;
  if (response.statusText) res.statusMessage = response.statusText;
  for (const [name, value] of response.headers) {
    if (name !== 'set-cookie') res.setHeader(name, value);
  }
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader('set-cookie', cookies);
  const body = response.body;
  if (body === null) {
    res.end();
    return;
  }
  if (res.req?.method === 'HEAD') {
    await body.cancel();
    res.end();
    return;
  }
  await pipeBody(res, body.getReader());
}

async function pipeBody(
  res: ServerResponse,
  reader: ReadableStreamDefaultReader<Uint8Array>,
): Promise<void> {
  const first = await reader.read();
  if (first.done) {
    res.end();
    return;
  }
  const second = await reader.read();
  // The usual case (a JSON or HTML body in one chunk): end(chunk) lets Node set Content-Length.
  if (second.done) {
    res.end(first.value);
    return;
  }
  let closed = false;
  const onClose = () => {
    closed = true;
    reader.cancel().catch(() => {});
  };
  res.once('close', onClose);
  try {
    let chunk: ReadableStreamReadResult<Uint8Array> = first;
    let next: ReadableStreamReadResult<Uint8Array> | undefined = second;
    while (!chunk.done && !closed) {
      if (!res.write(chunk.value)) await drained(res);
      chunk = next ?? (await reader.read());
      next = undefined;
    }
    if (!closed) res.end();
  } finally {
    res.off('close', onClose);
  }
}

function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}
