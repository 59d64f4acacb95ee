package org.synovia.dicom;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.Callable;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Counts the SQL statements run on one thread while it does one piece of work, by wrapping the application's data
 * source (connections and statements pass through a JDK proxy; everything else is untouched). Lives in the test
 * sources, so it joins the one test context of every integration test and changes nothing outside tests.
 */
@Component
public class WorklistStatementCounter implements BeanPostProcessor {

    private static final ThreadLocal<int[]> COUNT = new ThreadLocal<>();

    /** The statements executed on this thread while {@code work} ran, with what it returned. */
    public static <T> Counted<T> count(Callable<T> work) throws Exception {
        int[] count = { 0 };
        COUNT.set(count);
        try {
            T result = work.call();
            return new Counted<>(result, count[0]);
        }
        finally {
            COUNT.remove();
        }
    }

    public record Counted<T>(T result, int statements) {
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource) {
            return proxy(DataSource.class, dataSource, (target, method, args) -> {
                Object result = invoke(target, method, args);
                return result instanceof Connection connection ? proxy(Connection.class, connection, WorklistStatementCounter::connection)
                        : result;
            });
        }
        return bean;
    }

    private static Object connection(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        Object result = invoke(target, method, args);
        if (result instanceof java.sql.CallableStatement statement) {
            return proxy(java.sql.CallableStatement.class, statement, WorklistStatementCounter::statement);
        }
        if (result instanceof java.sql.PreparedStatement statement) {
            return proxy(java.sql.PreparedStatement.class, statement, WorklistStatementCounter::statement);
        }
        if (result instanceof Statement statement) {
            return proxy(Statement.class, statement, WorklistStatementCounter::statement);
        }
        return result;
    }

    private static Object statement(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        int[] count = COUNT.get();
        if (count != null && method.getName().startsWith("execute")) {
            count[0]++;
        }
        return invoke(target, method, args);
    }

    private interface Handler {
        Object handle(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable;
    }

    private static <T> T proxy(Class<T> type, T target, Handler handler) {
        InvocationHandler invocation = (proxy, method, args) -> switch (method.getName()) {
            case "equals" -> proxy == args[0];
            case "hashCode" -> System.identityHashCode(proxy);
            default -> handler.handle(target, method, args);
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type }, invocation));
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        }
        catch (InvocationTargetException e) {
            throw e.getTargetException();
        }
    }
}
