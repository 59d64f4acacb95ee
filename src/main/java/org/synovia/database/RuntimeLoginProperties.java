package org.synovia.database;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the application's own database login may be.
 *
 * @param allowSuperuser start even when the pool's login is a superuser, may bypass row security, may create
 *        objects or owns the tables; off, the start is refused (ADR 0048). Only for a database that holds nothing
 *        real; the embedded server never needs it
 */
@ConfigurationProperties("synovia.database")
public record RuntimeLoginProperties(@DefaultValue("false") boolean allowSuperuser) {
}
