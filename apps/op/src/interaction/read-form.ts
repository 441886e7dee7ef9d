/**
 * The body of an interaction form: `application/x-www-form-urlencoded`, read with a size bound
 * so a client cannot make the server buffer an arbitrary amount before any check has run.
 */

/**
 * Bytes of an interaction form body at most. The largest legitimate form is the login form: a
 * 1024-character password percent-encodes to at most ~12 KiB, plus a 320-character login.
 */
export const MAX_FORM_BYTES = 16 * 1024;

export type FormResult =
  | { ok: true; form: URLSearchParams }
  | { ok: false; reason: 'unsupported_media_type' | 'too_large' };

/**
 * @example
 * const result = await readForm(request);
 * if (!result.ok) return errorPage(400, 'bad_request');
 * const action = singleValue(result.form, 'action');
 */
export async function readForm(request: Request, maxBytes = MAX_FORM_BYTES): Promise<FormResult> {
  const type = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') {
    return { ok: false, reason: 'unsupported_media_type' };
  }
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > maxBytes) return { ok: false, reason: 'too_large' };
  const body = await readBounded(request, maxBytes);
  if (body === undefined) return { ok: false, reason: 'too_large' };
  return { ok: true, form: new URLSearchParams(new TextDecoder().decode(body)) };
}

/** The field's value when it occurs exactly once; a repeated field is as good as missing. */
export function singleValue(form: URLSearchParams, name: string): string | undefined {
  const values = form.getAll(name);
  return values.length === 1 ? values[0] : undefined;
}

async function readBounded(request: Request, maxBytes: number): Promise<Uint8Array | undefined> {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
