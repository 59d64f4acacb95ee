import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Open-loop page load at fixed rates: requests start on schedule whether or not earlier ones have answered (a
 * closed loop would slow down with the server and hide its queueing), so p95 includes time spent waiting for a
 * thread or a connection. Server CPU per request is read from /proc/PID/stat of the JVM and of every process of
 * the embedded PostgreSQL (the backends do the SQL work), which stays meaningful on a busy machine where wall
 * time does not.
 *
 * Of the CPU per request, the share of PostgreSQL and of the JVM's JIT compiler threads is printed apart: a new JVM
 * compiles for minutes, so short runs mostly measure warm-up. WARMUP (seconds, default 3) first loads all pages in
 * turn at 20 requests a second for that long in all, before the first measured rate.
 *
 * Usage: [WARMUP=60] java perf/PageLoad.java BASE_URL SECONDS RATES JVM_PID POSTMASTER_PID LABEL=COOKIE=PATH...
 * e.g.  java perf/PageLoad.java http://localhost:18081 20 10,30,60 1234 1300 "waiting list=JSESSIONID=abc=/waiting-list"
 */
public class PageLoad {

    private static final Duration WARM_UP = Duration.ofSeconds(3);

    record Page(String label, String cookie, String path) {
        static Page parse(String arg) {
            String[] parts = arg.split("=", 4); // label = cookie name = cookie value = path
            return new Page(parts[0], parts[1] + "=" + parts[2], parts[3]);
        }
    }

    record Stage(int sent, int ok, int failed, List<Double> millis, long cpuTicks, long postgresTicks, long jitTicks,
            double seconds) {

        double perRequest(long ticks) {
            return ok == 0 ? Double.NaN : ServerCpu.millis(ticks) / ok;
        }
    }

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        Duration length = Duration.ofSeconds(Long.parseLong(args[1]));
        int[] rates = java.util.Arrays.stream(args[2].split(",")).mapToInt(Integer::parseInt).toArray();
        long jvmPid = Long.parseLong(args[3]);
        long postmasterPid = Long.parseLong(args[4]);
        HttpClient http = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor())
                .connectTimeout(Duration.ofSeconds(5)).build();
        List<Page> pages = java.util.Arrays.stream(args, 5, args.length).map(Page::parse).toList();
        long warmUpSeconds = Long.parseLong(System.getenv().getOrDefault("WARMUP", "3"));
        if (warmUpSeconds > 3) {
            long jitBefore = ServerCpu.jitTicks(jvmPid);
            long cpuBefore = ServerCpu.serverTicks(jvmPid, postmasterPid);
            for (Page page : pages) {
                run(http, base, page, 20, Duration.ofSeconds(Math.max(1, warmUpSeconds / pages.size())), jvmPid, postmasterPid);
            }
            System.out.printf("warm-up: %d s over %d pages at 20/s; server CPU %.1f s, of which the JIT compiler %.1f s%n",
                    warmUpSeconds, pages.size(), ServerCpu.millis(ServerCpu.serverTicks(jvmPid, postmasterPid) - cpuBefore) / 1000,
                    ServerCpu.millis(ServerCpu.jitTicks(jvmPid) - jitBefore) / 1000);
        }
        System.out.printf("%-28s %6s %8s %8s %8s %8s %7s %8s %8s %8s %8s  %s%n", "page", "rate/s", "done/s", "p50 ms", "p95 ms",
                "max ms", "errors", "CPU/req", "of it PG", "JIT", "w/o JIT", "load average");
        for (Page page : pages) {
            run(http, base, page, 10, WARM_UP, jvmPid, postmasterPid); // JIT, caches and pool warm before measuring
            for (int rate : rates) {
                Stage s = run(http, base, page, rate, length, jvmPid, postmasterPid);
                List<Double> sorted = new ArrayList<>(s.millis());
                Collections.sort(sorted);
                System.out.printf("%-28s %6d %8.1f %8.1f %8.1f %8.1f %7d %8.2f %8.2f %8.2f %8.2f  %s%n", page.label(), rate,
                        s.ok() / s.seconds(), ServerCpu.centile(sorted, 0.50), ServerCpu.centile(sorted, 0.95), ServerCpu.centile(sorted, 1.0),
                        s.failed(), s.perRequest(s.cpuTicks()), s.perRequest(s.postgresTicks()), s.perRequest(s.jitTicks()),
                        s.perRequest(s.cpuTicks() - s.jitTicks()), ServerCpu.loadAverage());
            }
        }
        System.exit(0);
    }

    private static Stage run(HttpClient http, URI base, Page page, int rate, Duration length, long jvmPid,
            long postmasterPid) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(page.path())).header("Cookie", page.cookie())
                .header("Accept", "text/html").timeout(Duration.ofSeconds(30)).GET().build();
        ConcurrentLinkedQueue<Double> millis = new ConcurrentLinkedQueue<>();
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        long total = length.toSeconds() * rate;
        long intervalNanos = TimeUnit.SECONDS.toNanos(1) / rate;
        long cpuBefore = ServerCpu.serverTicks(jvmPid, postmasterPid);
        long postgresBefore = ServerCpu.postgresTicks(postmasterPid);
        long jitBefore = ServerCpu.jitTicks(jvmPid);
        long start = System.nanoTime();
        List<java.util.concurrent.CompletableFuture<?>> inFlight = new ArrayList<>();
        for (long n = 0; n < total; n++) {
            long due = start + n * intervalNanos;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            long sentAt = due; // latency from the scheduled start: a late send counts against the server
            inFlight.add(http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                if (error == null && response.statusCode() == 200) {
                    ok.incrementAndGet();
                    millis.add((System.nanoTime() - sentAt) / 1e6);
                }
                else {
                    failed.incrementAndGet();
                }
            }));
        }
        for (var f : inFlight) {
            try {
                f.get(60, TimeUnit.SECONDS);
            }
            catch (Exception ignored) {
                // counted as failed in whenComplete
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long cpuAfter = ServerCpu.serverTicks(jvmPid, postmasterPid);
        return new Stage((int) total, ok.get(), failed.get(), new ArrayList<>(millis), cpuAfter - cpuBefore,
                ServerCpu.postgresTicks(postmasterPid) - postgresBefore, ServerCpu.jitTicks(jvmPid) - jitBefore, seconds);
    }
}
