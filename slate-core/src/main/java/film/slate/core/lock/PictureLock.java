package film.slate.core.lock;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The production's picture lock, as lock.yaml holds it: shot id to its locked take version. This
 * is the API every command that could change a picture asks before it does ({@link #refuse}).
 */
public record PictureLock(Map<String, LockedShot> shots) {
    /** The file's name in the production folder. */
    public static final String FILE = "lock.yaml";

    public PictureLock {
        shots = java.util.Collections.unmodifiableMap(new TreeMap<>(shots));
    }

    public static PictureLock none() {
        return new PictureLock(Map.of());
    }

    /**
     * The lock of the production in {@code root}; no lock.yaml is no lock.
     *
     * @throws LockFileException when lock.yaml is damaged: its first finding, with file and line
     */
    public static PictureLock read(Path root) throws LockFileException {
        LockFile.Read read = LockFile.read(root);
        if (!read.diagnostics().isEmpty()) {
            throw new LockFileException(read.diagnostics().get(0));
        }
        return read.lock();
    }

    public Optional<LockedShot> shot(String id) {
        return Optional.ofNullable(shots.get(id));
    }

    public boolean locked(String id) {
        return shots.containsKey(id);
    }

    /**
     * Refuses to change a locked shot, in one sentence naming the locked take and the way out.
     *
     * @param verb what the caller was about to do, e.g. "fix" ("... before you fix it")
     * @throws LockedShotException when {@code shot} is locked
     */
    public void refuse(String shot, String verb) throws LockedShotException {
        Optional<LockedShot> s = shot(shot);
        if (s.isPresent()) {
            LockedShot l = s.get();
            throw new LockedShotException("shot " + shot + " is locked on " + l.takeVersion() + " (by " + l.by()
                    + l.reason().map(r -> ": " + r).orElse("") + "); run 'slate unlock " + shot
                    + " --reason TEXT' before you " + verb + " it");
        }
    }

    public PictureLock with(LockedShot shot) {
        Map<String, LockedShot> m = new TreeMap<>(shots);
        m.put(shot.shot(), shot);
        return new PictureLock(m);
    }

    public PictureLock without(String shot) {
        Map<String, LockedShot> m = new TreeMap<>(shots);
        m.remove(shot);
        return new PictureLock(m);
    }

    /** The lock as lock.yaml's text (what {@code slate lock} writes whole). */
    public String text() {
        return LockFile.text(this);
    }
}
