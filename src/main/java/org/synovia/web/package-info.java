/**
 * The application shell: home page per role, page layout, and the error pages that make sure no
 * stack trace ever reaches a user. Depends on the feature modules; nothing depends on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web shell")
package org.synovia.web;
