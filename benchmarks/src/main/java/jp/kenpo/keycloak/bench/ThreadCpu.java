package jp.kenpo.keycloak.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The Keycloak JVMs' CPU time split by kind of thread, from {@code /proc/<pid>/task/<tid>/stat}: the request
 * threads (what a login costs while it is served), the garbage collector, the JIT compiler and the rest. The JIT
 * share tells whether the server is still warming up (in the run of 2026-12-03 05:46 it compiled 11–14 ms per login
 * for minutes after CPU per login looked stable), which a whole-process figure cannot show.
 */
final class ThreadCpu {

    enum Kind { REQUEST, GC, JIT, OTHER }

    /** CPU seconds by kind; {@code other} also holds threads that ended within the window (the process total minus the rest). */
    record Split(double request, double gc, double jit, double other) {

        double total() {
            return request + gc + jit + other;
        }

        Split plus(Split o) {
            return new Split(request + o.request, gc + o.gc, jit + o.jit, other + o.other);
        }

        Split per(long logins) {
            double n = Math.max(1, logins);
            return new Split(request / n, gc / n, jit / n, other / n);
        }
    }

    /** One thread's kind and the CPU seconds it has used so far. */
    record Task(Kind kind, double seconds) {
    }

    /** One reading: each live thread (keyed pid/tid), and the processes' totals. */
    record Reading(Map<String, Task> tasks, double total) {
    }

    private ThreadCpu() {
    }

    /**
     * The kind of a thread by the name Linux keeps for it (15 characters at most): HotSpot's collector and compiler
     * threads, Quarkus' executor and Vert.x threads that serve HTTP.
     */
    static Kind kindOf(String name) {
        if (name.startsWith("GC Thread") || name.startsWith("G1 ") || name.startsWith("GC ")) {
            return Kind.GC;
        }
        if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
            return Kind.JIT;
        }
        if (name.startsWith("executor-thread") || name.startsWith("vert.x-")) {
            return Kind.REQUEST;
        }
        return Kind.OTHER;
    }

    static Reading read(List<Long> pids) {
        Map<String, Task> tasks = new HashMap<>();
        double total = 0;
        for (long pid : pids) {
            total += Machine.cpuSeconds(pid);
            try (Stream<Path> dirs = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
                for (Path task : (Iterable<Path>) dirs::iterator) {
                    String stat;
                    try {
                        stat = Files.readString(task.resolve("stat"));
                    } catch (IOException ended) {
                        continue;
                    }
                    tasks.put(pid + "/" + task.getFileName(),
                            new Task(kindOf(stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'))), Machine.cpuSecondsOf(stat)));
                }
            } catch (IOException e) {
                throw new IllegalStateException("Cannot list the threads of process " + pid, e);
            }
        }
        return new Reading(tasks, total);
    }

    /** What each kind of thread used between two readings; a thread born in between counts from zero. */
    static Split between(Reading start, Reading end) {
        double[] byKind = new double[Kind.values().length];
        end.tasks().forEach((key, t) -> {
            Task before = start.tasks().get(key);
            byKind[t.kind().ordinal()] += t.seconds() - (before == null ? 0 : before.seconds());
        });
        double known = byKind[Kind.REQUEST.ordinal()] + byKind[Kind.GC.ordinal()] + byKind[Kind.JIT.ordinal()];
        return new Split(byKind[Kind.REQUEST.ordinal()], byKind[Kind.GC.ordinal()], byKind[Kind.JIT.ordinal()],
                Math.max(0, end.total() - start.total() - known));
    }
}
