/**
 * `prompt` (OIDC Core 3.1.2.1): words from none/login/consent/select_account, each at most once,
 * and `none` only alone. pyOP let `none` with another value escape as a raw oic exception
 * (spec 12 defect 11); here it is `invalid_request`.
 */
import { OAuthError } from '../../errors.js';
import type { Params } from '../../http/request.js';
import type { Prompt } from '../request.js';
import { splitWords } from './check-response-type.js';

const PROMPTS: readonly string[] = ['none', 'login', 'consent', 'select_account'];

/** Returns the requested prompts (empty when absent). */
export function checkPrompt(params: Params): Set<Prompt> {
  const words = splitWords(params.get('prompt'));
  const prompts = new Set(words) as Set<Prompt>;
  if (words.some((word) => !PROMPTS.includes(word))) {
    throw new OAuthError('invalid_request', 'Unsupported prompt value');
  }
  if (prompts.size !== words.length) {
    throw new OAuthError('invalid_request', 'A prompt value is repeated');
  }
  if (prompts.has('none') && prompts.size > 1) {
    throw new OAuthError('invalid_request', 'prompt none must not be combined with other values');
  }
  return prompts;
}
