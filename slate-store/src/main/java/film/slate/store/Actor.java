package film.slate.store;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Who this process is on the record (event log, job queue): {@code user@host:pid}, for builds, gc and verify alike. */
public final class Actor {
    /** db-scheduler's {@code picked_by} column is this wide. */
    private static final int WIDTH = 50;

    private Actor() {
    }

    public static String current() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        String name = System.getProperty("user.name", "someone") + "@" + host + ":" + ProcessHandle.current().pid();
        return name.length() > WIDTH ? name.substring(name.length() - WIDTH) : name;
    }
}
