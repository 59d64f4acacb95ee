/**
 * Staff accounts, roles and sign-in. Owns user accounts (hashed passwords, roles, enabled flag)
 * and the security rules of the web application. Publishes and consumes no events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Accounts")
package org.synovia.account;
