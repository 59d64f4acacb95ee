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
        return ticks(jvmPid) + postgresTicks(postmasterPid);
    }

    /**
     * User + system ticks of the postmaster with all its children: the SQL work of a request. A backend that exits
     * between two readings leaves the list of children; the postmaster reaps it, and its ticks move into the
     * postmaster's own count of reaped children, which is counted here so that the sum never goes back.
     */
    static long postgresTicks(long postmasterPid) {
        long ticks = ticksWithReapedChildren(postmasterPid);
        try (var children = ProcessHandle.of(postmasterPid).map(ProcessHandle::children).orElse(java.util.stream.Stream.empty())) {
            for (ProcessHandle child : (Iterable<ProcessHandle>) children::iterator) {
                ticks += ticks(child.pid());
            }
        }
        return ticks;
    }

    /**
     * Ticks of the JVM's JIT compiler threads (named "C1/C2 CompilerThread…", cut to 15 characters by the kernel). A
     * new JVM compiles for minutes; a server running all day has done so, so the load scripts report this apart. A
     * compiler thread the JVM stops takes its ticks along, so this can read a little low.
     */
    static long jitTicks(long jvmPid) {
        long ticks = 0;
        try (var threads = Files.list(Path.of("/proc/" + jvmPid + "/task"))) {
            for (Path thread : (Iterable<Path>) threads::iterator) {
                try {
                    String stat = Files.readString(thread.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
                        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    }
                }
                catch (IOException | RuntimeException e) {
                    // a thread that ended between listing and reading
                }
            }
        }
        catch (IOException e) {
            return 0;
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

    /** User + system ticks of one process and of its children it has waited for (cutime, cstime). */
    static long ticksWithReapedChildren(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]) // utime, stime
                    + Long.parseLong(fields[13]) + Long.parseLong(fields[14]); // cutime, cstime (fields 16 and 17)
        }
        catch (IOException | RuntimeException e) {
            return 0;
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
