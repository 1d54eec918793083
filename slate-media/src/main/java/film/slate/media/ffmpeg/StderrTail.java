package film.slate.media.ffmpeg;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/** Drains a process's standard error on its own thread and keeps the last lines, FFmpeg's explanation of a failure. */
final class StderrTail {
    private static final int LINES = 8;

    private final Deque<String> lines = new ArrayDeque<>();
    private final Thread thread;

    StderrTail(InputStream stderr, String name) {
        thread = new Thread(() -> drain(stderr), name);
        thread.setDaemon(true);
        thread.start();
    }

    private void drain(InputStream stderr) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(stderr, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                synchronized (lines) {
                    lines.addLast(line.strip());
                    if (lines.size() > LINES) {
                        lines.removeFirst();
                    }
                }
            }
        } catch (IOException e) {
            // the process was stopped and its stream closed: what was read is all there is
        }
    }

    /** The last lines, joined; waits for the stream to end first. */
    String text() {
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (lines) {
            return lines.isEmpty() ? "(FFmpeg printed nothing)" : String.join(" | ", lines);
        }
    }
}
