import { describe, expect, it } from 'vitest';
import { isAllowedOrigin } from '../../src/interaction/check-origin';
import { MAX_FORM_BYTES, readForm, singleValue } from '../../src/interaction/read-form';

const URL_ = 'https://op.example.com/acme/interaction/abc';

function post(body: BodyInit, headers: Record<string, string> = {}) {
  return new Request(URL_, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body,
  });
}

/** A body streamed in chunks, with no Content-Length: the bound must hold while reading. */
function streamed(chunks: string[]): Request {
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = chunks.shift();
      if (next === undefined) controller.close();
      else controller.enqueue(encoder.encode(next));
    },
  });
  return new Request(URL_, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: stream,
    duplex: 'half',
  } as RequestInit);
}

describe('Reading an interaction form body', () => {
  it('reads an urlencoded form, charset parameter and all', async () => {
    const result = await readForm(
      post('action=login&login=ada%40example.com&password=p%C3%A4ss+word', {
        'content-type': 'application/x-www-form-urlencoded; charset=UTF-8',
      }),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(singleValue(result.form, 'login')).toBe('ada@example.com');
    expect(singleValue(result.form, 'password')).toBe('päss word');
  });

  it('refuses other content types', async () => {
    for (const type of ['application/json', 'multipart/form-data; boundary=x', 'text/plain']) {
      expect(await readForm(post('a=b', { 'content-type': type }))).toEqual({
        ok: false,
        reason: 'unsupported_media_type',
      });
    }
  });

  it('refuses a body over the limit announced by Content-Length', async () => {
    const body = `password=${'x'.repeat(MAX_FORM_BYTES)}`;
    expect(await readForm(post(body))).toEqual({ ok: false, reason: 'too_large' });
  });

  it('stops reading a streamed body as soon as it passes the limit', async () => {
    const chunks = Array.from({ length: 10 }, () => 'x'.repeat(1024));
    expect(await readForm(streamed(chunks), 4096)).toEqual({ ok: false, reason: 'too_large' });
  });

  it('accepts a body of exactly the limit', async () => {
    const body = `a=${'x'.repeat(98)}`;
    expect((await readForm(post(body), 100)).ok).toBe(true);
  });

  it('treats a repeated field as missing', () => {
    const form = new URLSearchParams('csrf=a&csrf=b&action=login');
    expect(singleValue(form, 'csrf')).toBeUndefined();
    expect(singleValue(form, 'action')).toBe('login');
    expect(singleValue(form, 'absent')).toBeUndefined();
  });
});

describe('The Origin check of interaction posts', () => {
  const issuer = 'https://op.example.com/acme';
  const withOrigin = (origin?: string) =>
    new Request(URL_, { method: 'POST', headers: origin ? { origin } : {} });

  it("accepts the issuer's own origin and a request without Origin", () => {
    expect(isAllowedOrigin(withOrigin('https://op.example.com'), issuer)).toBe(true);
    expect(isAllowedOrigin(withOrigin(), issuer)).toBe(true);
  });

  it('refuses other origins, other schemes and ports, and the opaque origin "null"', () => {
    for (const origin of [
      'https://evil.example',
      'http://op.example.com',
      'https://op.example.com:8443',
      'https://sub.op.example.com',
      'null',
    ]) {
      expect(isAllowedOrigin(withOrigin(origin), issuer)).toBe(false);
    }
  });
});
