import { describe, expect, it } from 'vitest';
import {
  APP_TYPES,
  AUTH_METHODS,
  describeClientKind,
  GRANT_TYPES,
  parseLines,
  RESPONSE_TYPES,
} from '../../../src/ui/clients/app-types';

describe('application types', () => {
  it('prefill each kind with its metadata', () => {
    expect(
      APP_TYPES.map((type) => [
        type.id,
        type.applicationType,
        type.grantTypes,
        type.responseTypes,
        type.tokenEndpointAuthMethod,
        type.redirects,
      ]),
    ).toEqual([
      [
        'web',
        'web',
        ['authorization_code', 'refresh_token'],
        ['code'],
        'client_secret_basic',
        true,
      ],
      ['spa', 'web', ['authorization_code'], ['code'], 'none', true],
      ['native', 'native', ['authorization_code', 'refresh_token'], ['code'], 'none', true],
      ['m2m', 'web', ['client_credentials'], [], 'client_secret_basic', false],
    ]);
  });

  it('use only values the advanced fields offer', () => {
    for (const type of APP_TYPES) {
      for (const grant of type.grantTypes) expect(GRANT_TYPES).toContain(grant);
      for (const response of type.responseTypes) expect(RESPONSE_TYPES).toContain(response);
      expect(AUTH_METHODS).toContain(type.tokenEndpointAuthMethod);
    }
  });

  it('are recognised again in lists under their own label', () => {
    for (const type of APP_TYPES) expect(describeClientKind(type)).toBe(type.label);
  });

  it('call a client with more than client credentials a web app', () => {
    const client = {
      applicationType: 'web',
      tokenEndpointAuthMethod: 'client_secret_post',
      grantTypes: ['client_credentials', 'refresh_token'],
    };
    expect(describeClientKind(client)).toBe('Web app');
  });
});

describe('parseLines', () => {
  it('keeps one trimmed URI per non-blank line, CRLF included', () => {
    expect(parseLines(' https://a.example/cb \r\n\n  \nhttp://127.0.0.1/cb')).toEqual([
      'https://a.example/cb',
      'http://127.0.0.1/cb',
    ]);
  });
});
