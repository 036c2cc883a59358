package dev.tagline.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * CPU time and resident memory of processes, read from Linux's {@code /proc}, over a window: CPU as a percentage of
 * one core (on two cores, 200% is both), memory as the highest RSS seen, sampled every 200 ms.
 */
final class ProcessUsage implements AutoCloseable {

    /** Linux's USER_HZ, the unit of {@code /proc/<pid>/stat}'s CPU times, on every architecture Java runs on. */
    private static final double CLOCK_TICKS_PER_SECOND = 100;

    private static final long SAMPLE_MILLIS = 200;

    record Usage(double cpuPercent, double maxRssMegabytes) {}

    private final Map<String, Long> pids;
    private final Map<String, Long> ticksAtStart = new LinkedHashMap<>();
    private final Map<String, Long> maxRssKilobytes = new ConcurrentHashMap<>();
    private final long startNanos = System.nanoTime();
    private final Thread sampler;
    private volatile boolean open = true;

    private ProcessUsage(Map<String, Long> pids) {
        this.pids = pids;
        pids.forEach((name, pid) -> ticksAtStart.put(name, cpuTicks(pid)));
        sampler = new Thread(this::sample, "process-usage");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Starts measuring the named processes. */
    static ProcessUsage window(Map<String, Long> pids) {
        return new ProcessUsage(pids);
    }

    /** Ends the window and gives each process's use over it. */
    Map<String, Usage> end() {
        close();
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        Map<String, Usage> usage = new LinkedHashMap<>();
        pids.forEach((name, pid) -> usage.put(
                name,
                new Usage(
                        100 * (cpuTicks(pid) - ticksAtStart.get(name)) / CLOCK_TICKS_PER_SECOND / seconds,
                        maxRssKilobytes.getOrDefault(name, rssKilobytes(pid)) / 1024.0)));
        return usage;
    }

    private void sample() {
        while (open) {
            pids.forEach((name, pid) -> maxRssKilobytes.merge(name, rssKilobytes(pid), Math::max));
            try {
                Thread.sleep(SAMPLE_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        open = false;
        sampler.interrupt();
    }

    /** utime + stime, fields 14 and 15 of {@code /proc/<pid>/stat}, counted after the command's closing parenthesis. */
    static long cpuTicks(long pid) {
        String stat = read(Path.of("/proc", String.valueOf(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    static long rssKilobytes(long pid) {
        return read(Path.of("/proc", String.valueOf(pid), "status"))
                .lines()
                .filter(line -> line.startsWith("VmRSS:"))
                .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
                .findFirst()
                .orElse(0L);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file + " (does the process still run?)", e);
        }
    }
}
