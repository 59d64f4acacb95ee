package org.synovia.database;

import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.event.GenericApplicationListener;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.Environment;
import org.synovia.SynoviaApplication;

/**
 * Starts the embedded PostgreSQL as soon as the context's settings are known and before its beans are built, so
 * that the server's start, its first logins and its role check run beside the parsing of the configuration
 * instead of after it (2 s of a start on the critical path; docs/performance.md, ADR 0108). The data source's bean
 * still waits for the server, so nothing is ready any earlier than the database. Registered in
 * {@code META-INF/spring.factories}, since it must run before the context has any beans.
 */
class StartAhead implements GenericApplicationListener {

    @Override
    public boolean supportsEventType(ResolvableType eventType) {
        Class<?> type = eventType.getRawClass();
        return type != null && (ApplicationPreparedEvent.class.isAssignableFrom(type)
                || ApplicationFailedEvent.class.isAssignableFrom(type));
    }

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        if (event instanceof ApplicationPreparedEvent prepared) {
            Environment environment = prepared.getApplicationContext().getEnvironment();
            // Only Synovia's own context leases the server; another application in the JVM (a test's stand-in
            // identity provider) must not start one.
            if (prepared.getSpringApplication().getAllSources().contains(SynoviaApplication.class) && embedded(environment)) {
                EmbeddedPostgresServer.startAhead(properties(environment));
            }
        } else if (event instanceof ApplicationFailedEvent failed && failed.getApplicationContext() != null) {
            Environment environment = failed.getApplicationContext().getEnvironment();
            if (embedded(environment)) {
                EmbeddedPostgresServer.abandonAhead(properties(environment));
            }
        }
    }

    /** The same condition as {@link EmbeddedDatabaseConfiguration}'s: no external database is configured. */
    private static boolean embedded(Environment environment) {
        return environment.getProperty("spring.datasource.url", "").isEmpty();
    }

    private static EmbeddedDatabaseProperties properties(Environment environment) {
        return Binder.get(environment).bindOrCreate("synovia.database.embedded", EmbeddedDatabaseProperties.class);
    }
}
