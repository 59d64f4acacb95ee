import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The same FHIR calls against two servers (or one), alternately: create a ServiceRequest (a new order number each time), read
 * one, and search ServiceRequests by patient, each with 1..n clients in a closed loop (a client sends its next call
 * when the last one has answered). Per server, operation and client count it prints calls per second, latency
 * percentiles and the server's CPU per call (JVM + every process of its PostgreSQL, /proc/PID/stat, which holds on
 * a busy machine where latencies do not) with the load average, then the ratio of CPU per call between the two.
 *
 * Usage: java perf/FhirLoad.java SECONDS CLIENTS(e.g. 1,8) ROUNDS BODY_FILE TARGET [TARGET]
 *   TARGET = label|base URL|Authorization header or -|JVM pid|postmaster pid|patient id for creates|patient id to search
 * BODY_FILE is a ServiceRequest in JSON whose subject is {@code Patient/PATIENT} and whose order number is ORDER.
 * The patient searched has exactly one ServiceRequest (made here before measuring), so both servers answer the
 * same one-entry bundle however many creates ran before.
 */
public class FhirLoad {

    private static final Duration WARM_UP = Duration.ofSeconds(3);
    private static final Pattern ID = Pattern.compile("ServiceRequest/([^/?#]+)");

    record Target(String label, URI base, String authorization, long jvmPid, long postmasterPid, String createPatient,
            String searchPatient) {
        static Target parse(String arg) {
            String[] p = arg.split("\\|");
            return new Target(p[0], URI.create(p[1].endsWith("/") ? p[1] : p[1] + "/"), p[2], Long.parseLong(p[3]),
                    Long.parseLong(p[4]), p[5], p[6]);
        }
    }

    record Stage(int ok, int failed, List<Double> millis, long cpuTicks, double seconds) {}

    enum Operation { CREATE, READ, SEARCH }

    public static void main(String[] args) throws Exception {
        Duration length = Duration.ofSeconds(Long.parseLong(args[0]));
        int[] clients = java.util.Arrays.stream(args[1].split(",")).mapToInt(Integer::parseInt).toArray();
        int rounds = Integer.parseInt(args[2]);
        String body = Files.readString(Path.of(args[3]));
        List<Target> targets = java.util.Arrays.stream(args, 4, args.length).map(Target::parse).toList();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        String[] readIds = new String[targets.size()];
        for (int t = 0; t < targets.size(); t++) {
            Target target = targets.get(t);
            String created = send(http, target, Operation.CREATE, body, null);
            readIds[t] = idOf(created, target);
            send(http, target, Operation.CREATE, body.replace("Patient/PATIENT", "Patient/" + target.searchPatient()), null);
            String bundle = send(http, target, Operation.SEARCH, body, null);
            int entries = bundle.split("\"fullUrl\"", -1).length - 1;
            System.out.printf("%s: ServiceRequest/%s to read; the patient searched has %d ServiceRequest(s)%n",
                    target.label(), readIds[t], entries);
        }

        System.out.printf("%-10s %-7s %7s %7s %8s %8s %8s %7s %13s  %s%n", "server", "call", "clients", "calls",
                "per s", "p50 ms", "p95 ms", "errors", "CPU ms / call", "load average");
        double[][][] cpu = new double[targets.size()][Operation.values().length][clients.length];
        for (int c = 0; c < clients.length; c++) {
            for (Operation operation : Operation.values()) {
                for (int t = 0; t < targets.size(); t++) {
                    run(http, targets.get(t), operation, body, readIds[t], clients[c], WARM_UP);
                }
                long[] ticks = new long[targets.size()];
                int[] oks = new int[targets.size()];
                for (int round = 0; round < rounds; round++) {
                    for (int t = 0; t < targets.size(); t++) { // alternately, so both see the same machine
                        Target target = targets.get(t);
                        Stage s = run(http, target, operation, body, readIds[t], clients[c], length);
                        List<Double> sorted = new ArrayList<>(s.millis());
                        Collections.sort(sorted);
                        System.out.printf("%-10s %-7s %7d %7d %8.1f %8.1f %8.1f %7d %13.2f  %s%n", target.label(),
                                operation.name().toLowerCase(), clients[c], s.ok(), s.ok() / s.seconds(),
                                ServerCpu.centile(sorted, 0.50), ServerCpu.centile(sorted, 0.95), s.failed(),
                                s.ok() == 0 ? Double.NaN : ServerCpu.millis(s.cpuTicks()) / s.ok(), ServerCpu.loadAverage());
                        ticks[t] += s.cpuTicks();
                        oks[t] += s.ok();
                    }
                }
                for (int t = 0; t < targets.size(); t++) {
                    cpu[t][operation.ordinal()][c] = oks[t] == 0 ? Double.NaN : ServerCpu.millis(ticks[t]) / oks[t];
                }
            }
        }
        if (targets.size() < 2) {
            System.exit(0);
        }
        System.out.printf("%nCPU per call, %s / %s (over all rounds; goal of issue 16: 0.5 or less)%n",
                targets.get(1).label(), targets.get(0).label());
        for (int c = 0; c < clients.length; c++) {
            for (Operation operation : Operation.values()) {
                double first = cpu[0][operation.ordinal()][c];
                double second = cpu[1][operation.ordinal()][c];
                System.out.printf("%-7s %2d client(s): %6.2f ms / %6.2f ms = %.2f%n", operation.name().toLowerCase(),
                        clients[c], second, first, second / first);
            }
        }
        System.exit(0);
    }

    private static Stage run(HttpClient http, Target target, Operation operation, String body, String readId, int clients,
            Duration length) throws Exception {
        ConcurrentLinkedQueue<Double> millis = new ConcurrentLinkedQueue<>();
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(clients);
        long cpuBefore = ServerCpu.serverTicks(target.jvmPid(), target.postmasterPid());
        long start = System.nanoTime();
        long end = start + length.toNanos();
        for (int i = 0; i < clients; i++) {
            Thread.ofPlatform().start(() -> {
                try {
                    while (System.nanoTime() < end) {
                        long sent = System.nanoTime();
                        try {
                            send(http, target, operation, body, readId);
                            millis.add((System.nanoTime() - sent) / 1e6);
                            ok.incrementAndGet();
                        } catch (Exception e) {
                            failed.incrementAndGet();
                        }
                    }
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
        double seconds = (System.nanoTime() - start) / 1e9;
        long cpuTicks = ServerCpu.serverTicks(target.jvmPid(), target.postmasterPid()) - cpuBefore;
        return new Stage(ok.get(), failed.get(), new ArrayList<>(millis), cpuTicks, seconds);
    }

    /** One call; its body, or an exception when the server did not answer 2xx. */
    private static String send(HttpClient http, Target target, Operation operation, String body, String readId)
            throws Exception {
        HttpRequest.Builder request = switch (operation) {
            case CREATE -> HttpRequest.newBuilder(target.base().resolve("ServiceRequest"))
                    .header("Content-Type", "application/fhir+json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.replace("Patient/PATIENT", "Patient/" + target.createPatient())
                            .replace("ORDER", "P-" + UUID.randomUUID())));
            case READ -> HttpRequest.newBuilder(target.base().resolve("ServiceRequest/" + readId)).GET();
            case SEARCH -> HttpRequest.newBuilder(target.base().resolve("ServiceRequest?patient=" + target.searchPatient())).GET();
        };
        request.header("Accept", "application/fhir+json").timeout(Duration.ofSeconds(30));
        if (!"-".equals(target.authorization())) {
            request.header("Authorization", target.authorization());
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(target.label() + " " + operation + " answered " + response.statusCode() + ": "
                    + response.body().substring(0, Math.min(300, response.body().length())));
        }
        return operation == Operation.CREATE ? response.headers().firstValue("Location").orElse(response.body()) : response.body();
    }

    private static String idOf(String location, Target target) {
        Matcher m = ID.matcher(location);
        if (!m.find()) {
            throw new IllegalStateException(target.label() + " gave no ServiceRequest id: " + location);
        }
        return m.group(1);
    }
}
