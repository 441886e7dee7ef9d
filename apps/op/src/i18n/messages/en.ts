/**
 * Every string the end-user pages show, in English: the reference catalogue. `{name}` marks a
 * value filled in at render time. Other languages are typed `Messages`, so they must give every
 * key this one has.
 */
export const en = {
  'common.tenantLogoAlt': '{tenant} logo',
  'common.clientLogoAlt': '{client} logo',
  'common.unknownClient': 'An application',

  'login.title': 'Sign in – {tenant}',
  'login.heading': 'Sign in',
  'login.toContinue': 'to continue to {client}',
  'login.loginLabel': 'Email or username',
  'login.passwordLabel': 'Password',
  'login.submit': 'Sign in',
  'login.error.invalid_credentials': 'The email, username or password is not correct.',
  'login.error.throttled': 'Too many failed attempts. Wait a few minutes, then try again.',
  'login.error.disabled': 'This account is disabled. Contact your administrator.',
  'login.error.other': 'Signing in did not work. Try again.',

  'consent.title': 'Allow access – {tenant}',
  'consent.heading': '{client} wants to access your {tenant} account',
  'consent.scopesIntro': 'This will allow {client} to:',
  'consent.claimsIntro': 'It will receive this information about you:',
  'consent.clientLinks': 'About {client}',
  'consent.clientSite': 'Website',
  'consent.policy': 'Privacy policy',
  'consent.tos': 'Terms of service',
  'consent.allow': 'Allow',
  'consent.deny': 'Deny',

  'scope.openid': 'Sign you in with your account',
  'scope.profile': 'See your basic profile: name, picture, language and time zone',
  'scope.email': 'See your email address',
  'scope.address': 'See your postal address',
  'scope.phone': 'See your phone number',
  'scope.offline_access': 'Keep access while you are not using it',
  'scope.other': 'Use the permission “{scope}”',

  'claim.sub': 'An identifier for your account',
  'claim.name': 'Full name',
  'claim.given_name': 'First name',
  'claim.family_name': 'Last name',
  'claim.middle_name': 'Middle name',
  'claim.nickname': 'Nickname',
  'claim.preferred_username': 'Username',
  'claim.profile': 'Profile page',
  'claim.picture': 'Picture',
  'claim.website': 'Website',
  'claim.email': 'Email address',
  'claim.email_verified': 'Whether your email address is verified',
  'claim.gender': 'Gender',
  'claim.birthdate': 'Date of birth',
  'claim.zoneinfo': 'Time zone',
  'claim.locale': 'Language',
  'claim.phone_number': 'Phone number',
  'claim.phone_number_verified': 'Whether your phone number is verified',
  'claim.address': 'Postal address',
  'claim.updated_at': 'When your profile was last updated',

  'logout.title': 'Sign out – {tenant}',
  'logout.heading': 'Sign out of {tenant}?',
  'logout.body': 'You will be signed out of {tenant} on this device.',
  'logout.requestedBy': '{client} asked to sign you out.',
  'logout.confirm': 'Sign out',
  'logout.cancel': 'Stay signed in',

  'loggedOut.title': 'Signed out – {tenant}',
  'loggedOut.heading': 'You are signed out',
  'loggedOut.body': 'You have been signed out of {tenant}. You can close this window.',

  'error.title': 'Something went wrong – {tenant}',
  'error.heading': 'Something went wrong',
  'error.interaction_expired':
    'This sign-in page has expired, was already used or was opened in another browser. Go back to the application and start again.',
  'error.request_forbidden':
    'The form could not be verified. Go back, reload the page and try again.',
  'error.bad_request': 'The form was incomplete or too large. Go back and try again.',
  'error.access_denied': 'Access was denied.',
  'error.other': 'The request could not be completed. Go back to the application and try again.',
  'error.code': 'Error code: {code}',
} as const;

export type MessageKey = keyof typeof en;
/** A complete catalogue: one string per key of the English one. */
export type Messages = { readonly [K in MessageKey]: string };
