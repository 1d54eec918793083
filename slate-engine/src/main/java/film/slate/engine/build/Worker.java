package film.slate.engine.build;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** This process's name in the job queue and the event log: {@code user@host:pid}. */
final class Worker {
    private Worker() {
    }

    static String name() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        String name = System.getProperty("user.name", "someone") + "@" + host + ":" + ProcessHandle.current().pid();
        return name.length() > 50 ? name.substring(name.length() - 50) : name; // db-scheduler's picked_by width
    }
}
