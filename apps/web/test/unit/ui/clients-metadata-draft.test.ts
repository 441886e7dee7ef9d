import { describe, expect, it } from 'vitest';
import { draftFromMetadata, metadataFromDraft } from '../../../src/ui/clients/metadata-draft';

const stored = {
  client_name: 'Shop',
  application_type: 'web',
  redirect_uris: ['https://shop.example/cb', 'https://shop.example/cb2'],
  post_logout_redirect_uris: ['https://shop.example/'],
  scope: 'openid email',
  grant_types: ['authorization_code'],
  response_types: ['code'],
  token_endpoint_auth_method: 'none',
  id_token_signed_response_alg: 'ES256',
  subject_type: 'pairwise',
  logo_uri: 'https://shop.example/logo.png',
  contacts: ['ops@shop.example'],
  'x-extension': { tier: 2 },
};

describe('client metadata drafts', () => {
  it('default what the metadata lacks', () => {
    expect(
      draftFromMetadata({ redirect_uris: ['https://a.example/cb', 7], client_name: 3 }),
    ).toEqual({
      clientName: '',
      applicationType: 'web',
      redirectUris: 'https://a.example/cb',
      postLogoutRedirectUris: '',
      scope: '',
      grantTypes: [],
      responseTypes: [],
      tokenEndpointAuthMethod: 'client_secret_basic',
      idTokenSignedResponseAlg: 'RS256',
      subjectType: '',
    });
  });

  it('save back to the same metadata, fields the form does not show kept', () => {
    expect(metadataFromDraft(stored, draftFromMetadata(stored))).toEqual(stored);
  });

  it('remove emptied optional fields and tidy the scope', () => {
    const draft = {
      ...draftFromMetadata(stored),
      clientName: '  ',
      subjectType: '',
      postLogoutRedirectUris: '\n ',
      scope: '  openid   profile ',
    };
    const saved = metadataFromDraft(stored, draft);
    expect(saved).not.toHaveProperty('client_name');
    expect(saved).not.toHaveProperty('subject_type');
    expect(saved).not.toHaveProperty('post_logout_redirect_uris');
    expect(saved.scope).toBe('openid profile');
    expect(saved.logo_uri).toBe('https://shop.example/logo.png');
    expect(stored.client_name).toBe('Shop');
  });
});
