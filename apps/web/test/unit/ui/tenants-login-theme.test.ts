import { describe, expect, it } from 'vitest';
import {
  DEFAULT_BACKGROUND,
  DEFAULT_PRIMARY,
  loginTheme,
  themeProperties,
} from '../../../src/ui/tenants/login-theme';

describe('loginTheme', () => {
  it.each(['', '#', '#12', '#ffcc0', 'ffcc00', '#gggggg', '#ffcc00 ', '#ffcc000'])(
    'leaves the half-typed colour %j at the defaults',
    (typed) => {
      const theme = loginTheme(typed, typed);
      expect(theme.primary).toBe(DEFAULT_PRIMARY);
      expect(theme.background).toBe(DEFAULT_BACKGROUND);
    },
  );

  it('uses complete colours, lower-cased, with black text on light ones', () => {
    expect(loginTheme('#FFCC00', '#12')).toEqual({
      displayName: '',
      primary: '#ffcc00',
      onPrimary: '#000000',
      background: '#f3f4f6',
      onBackground: '#000000',
      link: '#1f2933',
    });
  });

  it('puts white text on dark colours and links in a primary readable on white', () => {
    expect(themeProperties(loginTheme('#1d4ed8', '#111827'))).toEqual({
      '--primary': '#1d4ed8',
      '--on-primary': '#ffffff',
      '--background': '#111827',
      '--on-background': '#ffffff',
      '--link': '#1d4ed8',
    });
  });
});
