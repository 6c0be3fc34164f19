package jp.kenpo.keycloak.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What the results must say about where they were measured, and the server's CPU time from /proc. */
final class Machine {

    /** Linux reports utime/stime in clock ticks; USER_HZ is 100 on every mainstream kernel build. */
    private static final double TICKS_PER_SECOND = 100.0;

    private Machine() {
    }

    static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    static String memory() {
        return firstMatching(Path.of("/proc/meminfo"), "MemTotal:")
                .map(l -> String.format("%.1f GiB", Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 / 1024.0))
                .orElse("unknown");
    }

    static String cpuModel() {
        return firstMatching(Path.of("/proc/cpuinfo"), "model name")
                .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown");
    }

    /** User plus system CPU seconds used so far by a process and all its threads. */
    static double cpuSeconds(long pid) {
        try {
            return cpuSecondsOf(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read CPU time of process " + pid, e);
        }
    }

    /** utime + stime of one /proc stat line, of a process or of one of its threads. */
    static double cpuSecondsOf(String stat) {
        // The command name may hold spaces: fields are counted after its closing parenthesis.
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS_PER_SECOND;
    }

    /** Busy and total jiffies of the whole machine, from the first line of /proc/stat. */
    static long[] busyAndTotalTicks() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length; i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return new long[] {total - idle, total};
        } catch (IOException e) {
            return new long[] {0, 1};
        }
    }

    private static java.util.Optional<String> firstMatching(Path file, String prefix) {
        try {
            List<String> lines = Files.readAllLines(file);
            return lines.stream().filter(l -> l.startsWith(prefix)).findFirst();
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }
}
