/** German. Typed `Messages`: a key missing here is a compile error. */
import type { Messages } from './en';

export const de: Messages = {
  'common.tenantLogoAlt': 'Logo von {tenant}',
  'common.clientLogoAlt': 'Logo von {client}',
  'common.unknownClient': 'Eine Anwendung',

  'login.title': 'Anmelden – {tenant}',
  'login.heading': 'Anmelden',
  'login.toContinue': 'um mit {client} fortzufahren',
  'login.loginLabel': 'E-Mail-Adresse oder Benutzername',
  'login.passwordLabel': 'Passwort',
  'login.submit': 'Anmelden',
  'login.error.invalid_credentials':
    'E-Mail-Adresse, Benutzername oder Passwort sind nicht korrekt.',
  'login.error.throttled':
    'Zu viele fehlgeschlagene Versuche. Warten Sie einige Minuten und versuchen Sie es dann erneut.',
  'login.error.disabled': 'Dieses Konto ist deaktiviert. Wenden Sie sich an Ihre Administration.',
  'login.error.other': 'Die Anmeldung hat nicht funktioniert. Versuchen Sie es erneut.',

  'consent.title': 'Zugriff erlauben – {tenant}',
  'consent.heading': '{client} möchte auf Ihr Konto bei {tenant} zugreifen',
  'consent.scopesIntro': '{client} erhält damit die Erlaubnis:',
  'consent.claimsIntro': 'Folgende Angaben über Sie werden übermittelt:',
  'consent.clientLinks': 'Über {client}',
  'consent.clientSite': 'Website',
  'consent.policy': 'Datenschutzerklärung',
  'consent.tos': 'Nutzungsbedingungen',
  'consent.allow': 'Erlauben',
  'consent.deny': 'Ablehnen',

  'scope.openid': 'Sie mit Ihrem Konto anzumelden',
  'scope.profile': 'Ihr Basisprofil zu sehen: Name, Bild, Sprache und Zeitzone',
  'scope.email': 'Ihre E-Mail-Adresse zu sehen',
  'scope.address': 'Ihre Postanschrift zu sehen',
  'scope.phone': 'Ihre Telefonnummer zu sehen',
  'scope.offline_access': 'Zugriff zu behalten, während Sie die Anwendung nicht nutzen',
  'scope.other': 'Die Berechtigung „{scope}“ zu nutzen',

  'claim.sub': 'Eine Kennung Ihres Kontos',
  'claim.name': 'Vollständiger Name',
  'claim.given_name': 'Vorname',
  'claim.family_name': 'Nachname',
  'claim.middle_name': 'Zweiter Vorname',
  'claim.nickname': 'Spitzname',
  'claim.preferred_username': 'Benutzername',
  'claim.profile': 'Profilseite',
  'claim.picture': 'Bild',
  'claim.website': 'Website',
  'claim.email': 'E-Mail-Adresse',
  'claim.email_verified': 'Ob Ihre E-Mail-Adresse bestätigt ist',
  'claim.gender': 'Geschlecht',
  'claim.birthdate': 'Geburtsdatum',
  'claim.zoneinfo': 'Zeitzone',
  'claim.locale': 'Sprache',
  'claim.phone_number': 'Telefonnummer',
  'claim.phone_number_verified': 'Ob Ihre Telefonnummer bestätigt ist',
  'claim.address': 'Postanschrift',
  'claim.updated_at': 'Wann Ihr Profil zuletzt geändert wurde',

  'logout.title': 'Abmelden – {tenant}',
  'logout.heading': 'Von {tenant} abmelden?',
  'logout.body': 'Sie werden auf diesem Gerät von {tenant} abgemeldet.',
  'logout.requestedBy': '{client} hat Ihre Abmeldung angefordert.',
  'logout.confirm': 'Abmelden',
  'logout.cancel': 'Angemeldet bleiben',

  'loggedOut.title': 'Abgemeldet – {tenant}',
  'loggedOut.heading': 'Sie sind abgemeldet',
  'loggedOut.body': 'Sie wurden von {tenant} abgemeldet. Sie können dieses Fenster schließen.',

  'error.title': 'Ein Fehler ist aufgetreten – {tenant}',
  'error.heading': 'Ein Fehler ist aufgetreten',
  'error.interaction_expired':
    'Diese Anmeldeseite ist abgelaufen, wurde bereits verwendet oder in einem anderen Browser geöffnet. Kehren Sie zur Anwendung zurück und beginnen Sie erneut.',
  'error.request_forbidden':
    'Das Formular konnte nicht überprüft werden. Gehen Sie zurück, laden Sie die Seite neu und versuchen Sie es erneut.',
  'error.bad_request':
    'Das Formular war unvollständig oder zu groß. Gehen Sie zurück und versuchen Sie es erneut.',
  'error.access_denied': 'Der Zugriff wurde verweigert.',
  'error.other':
    'Die Anfrage konnte nicht abgeschlossen werden. Kehren Sie zur Anwendung zurück und versuchen Sie es erneut.',
  'error.code': 'Fehlercode: {code}',
};
