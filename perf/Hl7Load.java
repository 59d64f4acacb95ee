import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends new ORM^O01 orders over MLLP as fast as the listener acknowledges them, on 1..n connections at once (each
 * connection sends its next order when the last one's ACK has come, as an order system does), and reports per
 * connection count: orders acknowledged per second, ACK latency percentiles, and the server's CPU per order from
 * /proc/PID/stat of the JVM and of every process of the embedded PostgreSQL. Every order registers a new patient
 * (a valid NHS number of its own) and makes a new referral: the whole intake, committed durably before its ACK.
 *
 * Usage: java perf/Hl7Load.java host port seconds connections(e.g. 1,4) jvmPid postmasterPid
 */
public class Hl7Load {

    private static final byte START = 0x0b;
    private static final byte END = 0x1c;
    private static final AtomicLong SEQUENCE = new AtomicLong(System.currentTimeMillis() % 100_000_000L);

    public static void main(String[] args) throws Exception {
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        long jvmPid = Long.parseLong(args[4]);
        long postmasterPid = Long.parseLong(args[5]);
        int warmupSeconds = args.length > 6 ? Integer.parseInt(args[6]) : 3;
        System.out.printf("%-12s %9s %9s %9s %8s %8s %8s %13s %9s %9s %s%n", "connections", "orders", "AA", "per s",
                "p50 ms", "p95 ms", "max ms", "CPU ms/order", "of it PG", "of it JIT", "load average");
        for (String connections : args[3].split(",")) {
            int n = Integer.parseInt(connections.trim());
            run(host, port, n, warmupSeconds, 0, 0); // warm-up, not reported
            Stage stage = run(host, port, n, seconds, jvmPid, postmasterPid);
            List<Double> sorted = new ArrayList<>(stage.millis());
            Collections.sort(sorted);
            System.out.printf("%-12d %9d %9d %9.1f %8.1f %8.1f %8.1f %13.2f %9.2f %9.2f %s%n", n, stage.sent(),
                    stage.accepted(),
                    stage.accepted() / stage.seconds(), ServerCpu.centile(sorted, 0.5), ServerCpu.centile(sorted, 0.95),
                    sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() - 1),
                    perOrder(stage.cpuTicks(), stage), perOrder(stage.postgresTicks(), stage),
                    perOrder(stage.jitTicks(), stage), ServerCpu.loadAverage());
        }
    }

    record Stage(int sent, int accepted, List<Double> millis, long cpuTicks, long postgresTicks, long jitTicks,
            double seconds) {}

    private static double perOrder(long ticks, Stage stage) {
        return stage.accepted() == 0 ? Double.NaN : ServerCpu.millis(ticks) / stage.accepted();
    }

    private static Stage run(String host, int port, int connections, int seconds, long jvmPid, long postmasterPid)
            throws Exception {
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger accepted = new AtomicInteger();
        List<Double> millis = Collections.synchronizedList(new ArrayList<>());
        long cpuBefore = jvmPid == 0 ? 0 : ServerCpu.serverTicks(jvmPid, postmasterPid);
        long postgresBefore = jvmPid == 0 ? 0 : ServerCpu.postgresTicks(postmasterPid);
        long jitBefore = jvmPid == 0 ? 0 : ServerCpu.jitTicks(jvmPid);
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            threads.add(Thread.ofPlatform().start(() -> {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(host, port), 5_000);
                    socket.setSoTimeout(30_000);
                    socket.setTcpNoDelay(true);
                    OutputStream out = socket.getOutputStream();
                    InputStream in = socket.getInputStream();
                    while (System.nanoTime() < end) {
                        String control = "L" + SEQUENCE.incrementAndGet();
                        byte[] order = order(control).getBytes(StandardCharsets.UTF_8);
                        ByteArrayOutputStream frame = new ByteArrayOutputStream(order.length + 3);
                        frame.write(START);
                        frame.write(order);
                        frame.write(END);
                        frame.write('\r');
                        long t0 = System.nanoTime();
                        out.write(frame.toByteArray());
                        out.flush();
                        String ack = readFrame(in);
                        millis.add((System.nanoTime() - t0) / 1e6);
                        sent.incrementAndGet();
                        if (ack.contains("MSA|AA|" + control)) {
                            accepted.incrementAndGet();
                        } else if (accepted.get() == 0 && sent.get() < 3) {
                            System.err.println("not accepted: " + ack.replace('\r', '\n'));
                        }
                    }
                } catch (IOException e) {
                    System.err.println("connection failed: " + e);
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long cpuAfter = jvmPid == 0 ? 0 : ServerCpu.serverTicks(jvmPid, postmasterPid);
        long postgresAfter = jvmPid == 0 ? 0 : ServerCpu.postgresTicks(postmasterPid);
        long jitAfter = jvmPid == 0 ? 0 : ServerCpu.jitTicks(jvmPid);
        return new Stage(sent.get(), accepted.get(), new ArrayList<>(millis), cpuAfter - cpuBefore,
                postgresAfter - postgresBefore, jitAfter - jitBefore, elapsed);
    }

    private static String readFrame(InputStream in) throws IOException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream(256);
        int b;
        while ((b = in.read()) != START) {
            if (b < 0) {
                throw new IOException("closed before an ACK");
            }
        }
        while ((b = in.read()) != END) {
            if (b < 0) {
                throw new IOException("closed inside an ACK");
            }
            frame.write(b);
        }
        in.read(); // the closing carriage return
        return frame.toString(StandardCharsets.UTF_8);
    }

    /** A new order for a new patient: what an order-communications system sends for a knee injection. */
    private static String order(String control) {
        String nhs = nhsNumber();
        String placer = "P" + control;
        return String.join("\r",
                "MSH|^~\\&|EPR|RBH|SYNOVIA|SYNOVIA|20261121093000||ORM^O01^ORM_O01|" + control + "|P|2.5.1||||||UNICODE UTF-8",
                "PID|1||" + nhs + "^^^NHS^NH~H" + control + "^^^RBH^MR||Loadtest" + letters(control) + "^Alex^^^Mx||19700314|F|||1 Test Street^^Reading^^RG1 1AA||^PRN^CP^^^^07700900123",
                "PV1|1|O|MSK^^^RBH",
                "AL1|1|DA|^Penicillin|MO|Rash",
                "ORC|NW|" + placer + "^EPR||||||||||C123456^Consultant^Casey^^^Dr||^WPN^PH^^^^0118 496 0000|||||||Test Hospital Trust",
                "OBR|1|" + placer + "^EPR||KNEE_JOINT^Knee joint injection^SYNOVIA||||||||||||C123456^Consultant^Casey^^^Dr|||||||||||||||^Left knee pain despite 12 weeks of physiotherapy|||||||||||||||L^Left^HL70495",
                "DG1|1||M17.1^Unilateral primary osteoarthritis of knee^I10",
                "OBX|1|CWE|INTENT^Intent^SYNOVIA||THERAPEUTIC||||||F|||",
                "OBX|2|CWE|DIABETES^Diabetes^SYNOVIA||NONE||||||F|||",
                "OBX|3|NM|29463-7^Body weight^LN||80.5|kg|||||F|||",
                "OBX|4|CWE|PREGNANCY^Could be pregnant^SYNOVIA||NOT_PREGNANT||||||F|||",
                "OBX|5|CWE|INJECTATE^Requested injectate^SYNOVIA||CORTICOSTEROID_WITH_LOCAL_ANAESTHETIC||||||F|||") + "\r";
    }

    /** The control id's digits as letters: names take letters only. */
    private static String letters(String control) {
        StringBuilder name = new StringBuilder();
        control.chars().filter(Character::isDigit).forEach(d -> name.append((char) ('a' + d - '0')));
        return name.toString();
    }

    /** A random NHS number with a valid modulus-11 check digit, from the 999 range that is never issued. */
    private static String nhsNumber() {
        while (true) {
            String digits = "999" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                sum += (digits.charAt(i) - '0') * (10 - i);
            }
            int check = 11 - sum % 11;
            if (check == 11) {
                check = 0;
            }
            if (check != 10) {
                return digits + check;
            }
        }
    }
}
