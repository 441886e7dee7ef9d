/**
 * Reads what the suite needs from a rendered page: its forms (action, method, fields, submit
 * buttons) and its alert text. Regular expressions suffice for the markup our pages and the
 * core render; this is not a general HTML parser.
 */

export interface HtmlForm {
  action: string;
  method: string;
  /** Inputs other than buttons, in document order: [name, value, type]. */
  fields: { name: string; value: string; type: string }[];
  /** Submit buttons that carry a name/value. */
  buttons: { name: string; value: string }[];
}

const FORM = /<form\b([^>]*)>([\s\S]*?)<\/form>/gi;
const INPUT = /<input\b([^>]*)>/gi;
const BUTTON = /<button\b([^>]*)>/gi;
const ATTRIBUTE = /([^\s"'=<>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/** Every form of `html`; `baseUrl` resolves relative actions. */
export function readForms(html: string, baseUrl: URL | string): HtmlForm[] {
  return [...html.matchAll(FORM)].map(([, formAttributes = '', inner = '']) => {
    const attributes = readAttributes(formAttributes);
    const fields: HtmlForm['fields'] = [];
    const buttons: HtmlForm['buttons'] = [];
    for (const [, input = ''] of inner.matchAll(INPUT)) {
      const field = readAttributes(input);
      const type = (field.type ?? 'text').toLowerCase();
      if (field.name === undefined) continue;
      if (type === 'submit') buttons.push({ name: field.name, value: field.value ?? '' });
      else if ((type !== 'checkbox' && type !== 'radio') || 'checked' in field)
        fields.push({ name: field.name, value: field.value ?? '', type });
    }
    for (const [, button = ''] of inner.matchAll(BUTTON)) {
      const field = readAttributes(button);
      const type = (field.type ?? 'submit').toLowerCase();
      if (type === 'submit' && field.name !== undefined)
        buttons.push({ name: field.name, value: field.value ?? '' });
    }
    return {
      action: new URL(attributes.action ?? '', baseUrl).href,
      method: (attributes.method ?? 'get').toLowerCase(),
      fields,
      buttons,
    };
  });
}

/**
 * The body a browser sends when the user fills `values` in and clicks the button named
 * `button.name` with `button.value` (or submits without a button when none is given).
 */
export function formBody(
  form: HtmlForm,
  values: Record<string, string> = {},
  button?: { name: string; value: string },
): URLSearchParams {
  const body = new URLSearchParams();
  for (const field of form.fields) body.append(field.name, values[field.name] ?? field.value);
  for (const [name, value] of Object.entries(values)) {
    if (!form.fields.some((field) => field.name === name)) body.append(name, value);
  }
  if (button) {
    const exists = form.buttons.some((b) => b.name === button.name && b.value === button.value);
    if (!exists) throw new Error(`no button ${button.name}=${button.value} in the form`);
    body.append(button.name, button.value);
  }
  return body;
}

/** The text of the first element with role="alert", tags stripped; undefined when none. */
export function alertText(html: string): string | undefined {
  const match =
    /<([a-z][a-z0-9]*)\b[^>]*\brole=(?:"alert"|'alert'|alert\b)[^>]*>([\s\S]*?)<\/\1>/i.exec(html);
  return match ? textOf(match[2] ?? '') : undefined;
}

/** Visible text of an HTML fragment, whitespace collapsed. */
export function textOf(html: string): string {
  return decodeEntities(
    html
      .replace(/<script\b[\s\S]*?<\/script>/gi, ' ')
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(/<[^>]+>/g, ' '),
  )
    .replace(/\s+/g, ' ')
    .trim();
}

function readAttributes(source: string): Record<string, string | undefined> {
  const attributes: Record<string, string | undefined> = {};
  for (const [, name = '', double, single, bare] of source.matchAll(ATTRIBUTE)) {
    attributes[name.toLowerCase()] = decodeEntities(double ?? single ?? bare ?? '');
  }
  return attributes;
}

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|quot|apos|lt|gt|amp|nbsp);/gi, (entity, code: string) => {
    const lower = code.toLowerCase();
    if (lower.startsWith('#x')) return String.fromCodePoint(Number.parseInt(lower.slice(2), 16));
    if (lower.startsWith('#')) return String.fromCodePoint(Number(lower.slice(1)));
    const named: Record<string, string> = {
      quot: '"',
      apos: "'",
      lt: '<',
      gt: '>',
      amp: '&',
      nbsp: '\u00a0',
    };
    return named[lower] ?? entity;
  });
}
