import { describe, expect, it } from 'vitest';
import { emptyForm, draftFromForm, formFromProfile } from './profile-form-state';
import { parseExtensions } from './oauth-form-state';

describe('OAUTHBEARER form fields', () => {
  it('sends OIDC settings in the profile and the client secret apart', () => {
    const form = { ...emptyForm(), name: 'cloud', auth: 'oauthbearer' as const, oauthProvider: 'oidc-client-credentials' as const, oauthTokenUrl: ' https://idp/token ', oauthClientId: 'svc', oauthClientSecret: 's3cret', oauthScope: 'kafka', oauthExtensions: 'logicalCluster=lkc-1\n# note\nidentityPoolId = pool-2' };
    const { profile, secrets } = draftFromForm(form);
    expect(profile.sasl).toEqual({ mechanism: 'oauthbearer', username: '', oauth: { provider: 'oidc-client-credentials', tokenUrl: 'https://idp/token', clientId: 'svc', scope: 'kafka', extensions: { logicalCluster: 'lkc-1', identityPoolId: 'pool-2' } } });
    expect(secrets).toEqual({ oauthClientSecret: 's3cret' });
    expect(JSON.stringify(profile)).not.toContain('s3cret');
    const back = formFromProfile({ ...profile, name: 'cloud' });
    expect(back).toMatchObject({ oauthProvider: 'oidc-client-credentials', oauthTokenUrl: 'https://idp/token', oauthClientId: 'svc', oauthScope: 'kafka', oauthExtensions: 'logicalCluster=lkc-1\nidentityPoolId=pool-2', oauthClientSecret: '' });
  });

  it('keeps a static token as before', () => {
    const { profile, secrets } = draftFromForm({ ...emptyForm(), name: 'x', auth: 'oauthbearer', token: 'eyJ.t.k' });
    expect(profile.sasl).toEqual({ mechanism: 'oauthbearer', username: '', oauth: { provider: 'static' } });
    expect(secrets).toEqual({ token: 'eyJ.t.k' });
  });

  it('names extension lines it cannot use', () => {
    expect(parseExtensions('a=1\nauth=x\nno-equals\n=v').errors).toHaveLength(3);
  });
});
