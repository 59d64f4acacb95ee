package org.synovia.testing;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts the SQL statements the current thread executes, so a test can show that a page costs the same number of
 * statements for 3N rows as for N. The application's {@link DataSource} is wrapped once for the whole test context
 * (see {@link Initializer}); connections and statements pass through unchanged (including {@code unwrap}) and each
 * {@code execute…} call adds one to the calling thread's count. MockMvc handles a request on the test's own thread,
 * so scheduled jobs running meanwhile on other threads are not counted. {@link #record} also keeps each statement's
 * SQL, for a test to ask PostgreSQL how it would run it.
 */
public final class StatementCounter {

    private static final ThreadLocal<long[]> EXECUTED = ThreadLocal.withInitial(() -> new long[1]);
    private static final ThreadLocal<List<String>> RECORDING = new ThreadLocal<>();

    private StatementCounter() {
    }

    /** The statements this thread executed while running {@code work}. */
    public static long count(Callable<?> work) throws Exception {
        long before = EXECUTED.get()[0];
        work.call();
        return EXECUTED.get()[0] - before;
    }

    /**
     * The statements of a second run of {@code work}, the first filling what pages hold between requests: staff names
     * are read again once after any account changed (ADR 0113), which a test's own set-up does.
     */
    public static long countWarm(Callable<?> work) throws Exception {
        work.call();
        return count(work);
    }

    /** The SQL of every statement this thread executed while running {@code work}, in order. */
    public static List<String> record(Callable<?> work) throws Exception {
        List<String> executed = new ArrayList<>();
        RECORDING.set(executed);
        try {
            work.call();
            return executed;
        }
        finally {
            RECORDING.remove();
        }
    }

    /** Registers the wrapping post-processor in every integration test's (one, shared) context. */
    public static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            context.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof DataSource dataSource && !(bean instanceof Counting) ? new Counting(dataSource) : bean;
                }
            });
        }
    }

    /** Closes the pool with the context, as the unwrapped bean would have been by its inferred close method. */
    static final class Counting extends DelegatingDataSource implements AutoCloseable {

        Counting(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return (Connection) proxy(Connection.class, super.getConnection(), null);
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return (Connection) proxy(Connection.class, super.getConnection(username, password), null);
        }

        @Override
        public void close() throws Exception {
            if (obtainTargetDataSource() instanceof AutoCloseable pool) {
                pool.close();
            }
        }
    }

    /** {@code sql} is the prepared statement's text, or null for a connection or a plain statement. */
    private static Object proxy(Class<?> type, Object target, String sql) {
        InvocationHandler handler = (proxy, method, args) -> switch (method.getName()) {
            // Identity, not the target's: Spring compares the connection it bound with the one handed back.
            case "equals" -> proxy == args[0];
            case "hashCode" -> System.identityHashCode(proxy);
            default -> {
                if (target instanceof Statement && method.getName().startsWith("execute")) {
                    EXECUTED.get()[0]++;
                    List<String> recording = RECORDING.get();
                    if (recording != null) {
                        recording.add(sql != null ? sql : args != null && args.length > 0 ? String.valueOf(args[0]) : "?");
                    }
                }
                Object result = invoke(target, method, args);
                yield result instanceof Statement && Statement.class.isAssignableFrom(method.getReturnType())
                        ? proxy(method.getReturnType(), result,
                                method.getName().startsWith("prepare") ? (String) args[0] : null) : result;
            }
        };
        return Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] {type}, handler);
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        }
        catch (InvocationTargetException e) {
            throw e.getTargetException();
        }
    }
}
