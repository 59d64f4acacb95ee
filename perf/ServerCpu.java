import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What the load scripts read beside their timings (found by the launcher from the same folder, Java 22 and later):
 * the server's CPU from /proc/PID/stat, which holds on a busy machine where latencies do not, the load average,
 * and centiles.
 */
final class ServerCpu {

    static final long TICKS_PER_SECOND = 100;

    private ServerCpu() {
    }

    /** User + system ticks of the JVM and of the postmaster with all its children (backends, writer, WAL). */
    static long serverTicks(long jvmPid, long postmasterPid) {
        long ticks = ticks(jvmPid) + ticks(postmasterPid);
        try (var children = ProcessHandle.of(postmasterPid).map(ProcessHandle::children).orElse(java.util.stream.Stream.empty())) {
            for (ProcessHandle child : (Iterable<ProcessHandle>) children::iterator) {
                ticks += ticks(child.pid());
            }
        }
        return ticks;
    }

    static double millis(long ticks) {
        return ticks * 1000.0 / TICKS_PER_SECOND;
    }

    /** User + system ticks of one process (0 when it has ended). */
    static long ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // Fields after the command name, which may hold spaces, closed by the last ')'.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime (fields 14 and 15)
        }
        catch (IOException | RuntimeException e) {
            return 0; // a backend that ended between listing and reading
        }
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "?";
        }
    }

    static double centile(List<Double> sorted, double q) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(q * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
