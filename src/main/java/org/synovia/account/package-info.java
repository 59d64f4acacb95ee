/**
 * Staff accounts, roles and sign-in. Owns user accounts (hashed passwords, roles, enabled flag)
 * and the security rules of the web application. Writes every account change, sign-in, refused
 * sign-in and refused page to the audit trail. Publishes and consumes no events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Accounts")
package org.synovia.account;
