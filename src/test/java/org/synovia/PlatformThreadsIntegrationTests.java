package org.synovia;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.config.ScheduledTaskHolder;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;

/**
 * Requests, event listeners, scheduled jobs and the servers' connections run on platform threads (ADR 0129, HAZ-156):
 * a virtual thread that loads a class from the packaged jar holds its carrier, and with as few carriers as cores the
 * server's start was seen to hang.
 */
@SynoviaIntegrationTest
class PlatformThreadsIntegrationTests {

    private static final ArchRule NO_VIRTUAL_THREADS = noClasses()
            .should().callMethod(Thread.class, "ofVirtual")
            .orShould().callMethod(Thread.class, "startVirtualThread", Runnable.class)
            .orShould().callMethod(Executors.class, "newVirtualThreadPerTaskExecutor")
            .because("a virtual thread loading a class from the packaged jar can hold up every carrier (ADR 0129)");

    @Autowired ApplicationContext context;
    @Autowired AsyncTaskExecutor applicationTaskExecutor;
    @Autowired TaskScheduler taskScheduler;
    @Autowired List<ScheduledTaskHolder> scheduledTasks;

    @Test
    void requestsAreServedOnPlatformThreads() {
        var tomcat = ((TomcatWebServer) ((WebServerApplicationContext) context).getWebServer()).getTomcat();
        Executor requests = tomcat.getConnector().getProtocolHandler().getExecutor();
        assertThat(runsOnVirtualThread(requests)).as("a request thread is virtual").isFalse();
    }

    @Test
    void eventListenersRunOnPlatformThreads() {
        assertThat(runsOnVirtualThread(applicationTaskExecutor)).as("a listener thread is virtual").isFalse();
    }

    @Test
    void everyScheduledJobHasAThreadOfItsOwn() {
        int jobs = scheduledTasks.stream().mapToInt(holder -> holder.getScheduledTasks().size()).sum();
        assertThat(jobs).as("scheduled jobs found").isGreaterThanOrEqualTo(5);
        assertThat(taskScheduler).isInstanceOfSatisfying(ThreadPoolTaskScheduler.class, pool -> assertThat(pool.getPoolSize())
                .as("scheduler threads for %d jobs", jobs).isGreaterThanOrEqualTo(jobs));
        // A job due at a time long past runs at once.
        assertThat(runsOnVirtualThread(job -> taskScheduler.schedule(job, Instant.EPOCH))).as("a job thread is virtual")
                .isFalse();
    }

    @Test
    void noProductionCodeStartsAVirtualThread() {
        var production = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.synovia");
        NO_VIRTUAL_THREADS.check(production);
    }

    /** The check must be able to fail: the servers' thread factories as they were. */
    @Test
    void findsAVirtualThreadStarted() {
        EvaluationResult result = NO_VIRTUAL_THREADS.evaluate(new ClassFileImporter().importClasses(ListenerAsItWas.class));
        assertThat(result.getFailureReport().getDetails()).hasSize(2);
    }

    private static boolean runsOnVirtualThread(Executor executor) {
        var virtual = new CompletableFuture<Boolean>();
        executor.execute(() -> virtual.complete(Thread.currentThread().isVirtual()));
        // A task that never runs fails the test rather than holding the build.
        return virtual.orTimeout(30, TimeUnit.SECONDS).join();
    }

    static class ListenerAsItWas {
        Executor connections() {
            return Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("mllp-", 0).factory());
        }

        Executor associations() {
            return Executors.newVirtualThreadPerTaskExecutor();
        }
    }
}
