/**
 * Staff accounts, roles and sign-in: password, an optional TOTP second factor, and single sign-on through an
 * OpenID Connect provider. Owns user accounts (hashed passwords, roles, enabled flag, encrypted second-factor
 * secrets, the staff-names version that tells when held names are stale) and the security rules of the web
 * application. Writes every account change, sign-in, refused
 * sign-in and refused page to the audit trail. Publishes and consumes no events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Accounts")
package org.synovia.account;
