package film.slate.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import film.slate.core.diagnostic.TerminalText;
import film.slate.core.model.Coverage;
import film.slate.core.model.Use;
import film.slate.core.recipe.Recipe;
import film.slate.core.recipe.RecipeContent;
import film.slate.deliver.Credentials;
import film.slate.deliver.Cut;
import film.slate.deliver.Delivery;
import film.slate.deliver.DeliveryException;
import film.slate.deliver.DeliveryFormat;
import film.slate.deliver.DeliverySettings;
import film.slate.deliver.Provenance;
import film.slate.deliver.RightsGate;
import film.slate.deliver.c2pa.DevelopmentCa;
import film.slate.deliver.c2pa.SigningException;
import film.slate.deliver.c2pa.SigningIdentity;
import film.slate.engine.build.ShotSelector;
import film.slate.media.ffmpeg.Ffmpeg;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code slate conform}: the approved takes as a delivery an editor opens and a file that plays. */
@Command(name = "conform", mixinStandardHelpOptions = true,
        description = {"Deliver the cut: the approved take version of each shot in edit order at its planned length, as"
                + " media/ (the masters), cut.otio, cut.edl, cut.fcpxml, cut.mp4, provenance.json and manifest.json (every file's SHA-256).",
            "Exit 0 delivered, 2 cannot run (nothing approved, --out not empty, bad arguments), 3 rights block the"
                + " delivery, 4 a stored object is missing or damaged or the delivery cannot be written."})
final class ConformCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "The production folder (default: the current one).")
    Path dir = Path.of(".");

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The delivery folder (new or empty).")
    Path out;

    @Option(names = "--allow-unapproved", description = "A rough cut: the latest take where none is approved, marked"
            + " unapproved in every format (a gap where a shot has no take). Never bypasses rights.")
    boolean rough;

    @Option(names = "--shots", paramLabel = "SELECTOR", description = "Only these shots (as for build: 1/*, 2/2A, @MARA).")
    String shots;

    @Option(names = "--format", paramLabel = "LIST", split = ",", description = "Which of otio, edl, fcpxml, mp4"
            + " (default: all).")
    List<String> formats;

    @Option(names = "--territory", paramLabel = "CODES", split = ",", description = "Where the cut will be shown:"
            + " ISO 3166-1 two-letter codes (US,CA) or worldwide (default: slate.yaml's delivery.territory, else worldwide)."
            + " Every consent and licence must cover them.")
    List<String> territory;

    @Option(names = "--on", paramLabel = "DATE", description = "The delivery date the rights are checked for"
            + " (YYYY-MM-DD; default: slate.yaml's delivery.date, else today, UTC).")
    String on;

    @Option(names = "--json", description = "Print what was delivered as one JSON object.")
    boolean json;

    @Option(names = "--force", description = "Replace a non-empty --out folder (only once the new delivery is complete).")
    boolean force;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            Set<DeliveryFormat> wanted = formats();
            Delivery.checkOut(out, force);
            Rig rig = Rig.of(spec);
            try (Workspace ws = Workspace.lookAt(dir, rig)) {
                ShotSelector selector = ws.select(Optional.ofNullable(shots));
                DeliverySettings settings = DeliverySettings.of(ws.production.manifest());
                Delivered d = deliver(ws, settings, new Request(selector, rough, wanted, territory(settings), date(settings),
                        rig.environment()), out, force);
                report(d.result(), d.cut(), d.signer(), developmentCa(ws));
                return ExitCode.OK;
            }
        } catch (CommandError e) {
            err.println("slate conform: " + e.getMessage());
            return e.exitCode();
        } catch (DeliveryException e) {
            err.println("slate conform: " + TerminalText.escapeKeepingLines(e.getMessage()));
            return switch (e.kind()) {
                case CANNOT_RUN -> ExitCode.CANNOT_RUN;
                case BLOCKED -> ExitCode.INVALID_PRODUCTION;
                case IO -> ExitCode.IO;
            };
        }
    }

    /** A delivery made: the cut and what was written. */
    record Delivered(Cut cut, Delivery.Result result, SigningIdentity signer) {
    }

    /**
     * What to deliver: the shots, whether a rough cut, the formats, the territory (ISO 3166-1 codes,
     * empty for worldwide) and date the rights are cleared for, and the environment the studio's key
     * comes from.
     */
    record Request(ShotSelector selector, boolean rough, Set<DeliveryFormat> formats, Set<String> territory,
            LocalDate on, Map<String, String> environment) {
    }

    /**
     * Conforms the production of {@code ws} as slate.yaml's {@code delivery:} says (territory, date,
     * signing: the key from this process's environment).
     */
    static Delivered deliver(Workspace ws, ShotSelector selector, boolean rough, Set<DeliveryFormat> formats, Path out,
            boolean force) throws DeliveryException {
        DeliverySettings settings = DeliverySettings.of(ws.production.manifest());
        return deliver(ws, settings, new Request(selector, rough, formats, settings.territory(),
                settings.date().orElseGet(() -> LocalDate.now(ZoneOffset.UTC)), System.getenv()), out, force);
    }

    /** Conforms the production of {@code ws}: the cut, the rights gate, then the signed delivery with its provenance. */
    static Delivered deliver(Workspace ws, DeliverySettings settings, Request r, Path out, boolean force)
            throws DeliveryException {
        Cut cut = Cut.of(ws.production, ws.store, r.selector(), r.rough());
        Use use = ws.production.manifest().use();
        AtomicReference<SigningIdentity> signer = new AtomicReference<>(); // who signs, once the papers are made
        Map<String, Optional<RecipeContent>> read = new HashMap<>(); // the gate, provenance and credentials each ask
        Function<String, Optional<RecipeContent>> recipes = id -> read.computeIfAbsent(id,
                k -> ws.store.recipes().get(k).map(Recipe::content));
        RightsGate.refuse(RightsGate.check(ws.production, cut, recipes, use, r.territory(), r.on()), use, r.territory(),
                r.on());
        // Provenance, the signer and the credentials are made once cut.mp4 is encoding, beside FFmpeg.
        Delivery.PapersSource papers = () -> {
            List<Delivery.Extra> extra = List.of(new Delivery.Extra(Provenance.FILE,
                    Provenance.write(ws.production, cut, recipes, settings.privatePrompts())));
            SigningIdentity identity = signer(ws, settings, r);
            signer.set(identity);
            Map<String, Object> rights = new LinkedHashMap<>();
            rights.put("use", use.word());
            rights.put("territory", r.territory().isEmpty() ? List.of(Coverage.WORLDWIDE)
                    : List.copyOf(new TreeSet<>(r.territory())));
            rights.put("cleared", true);
            return new Delivery.Papers(extra, Optional.of(Credentials.of(ws.production, cut, recipes,
                    settings.privatePrompts(), rights, identity)));
        };
        Delivery.Result result = new Delivery(ws.store.objects(), Ffmpeg.find(), recipes).deliver(cut, r.formats(),
                papers, out, force);
        return new Delivered(cut, result, signer.get());
    }

    /**
     * The studio's signer when slate.yaml has {@code delivery.signing} (checked for the delivery's
     * date), else the production's development CA (made on first use).
     */
    static SigningIdentity signer(Workspace ws, DeliverySettings settings, Request r) throws DeliveryException {
        if (settings.signing().isPresent()) {
            return settings.signing().get().identity(ws.production.root(), r.environment(), r.on());
        }
        try {
            return DevelopmentCa.in(developmentCa(ws), ws.production.manifest().id(), Instant.now());
        } catch (SigningException e) {
            throw new DeliveryException(DeliveryException.Kind.CANNOT_RUN, e.getMessage(), e);
        }
    }

    static Path developmentCa(Workspace ws) {
        return ws.store.root().resolve(DevelopmentCa.FOLDER);
    }

    /** --territory, else slate.yaml's delivery.territory (worldwide when neither names one). */
    private Set<String> territory(DeliverySettings settings) throws CommandError {
        if (territory == null) {
            return settings.territory();
        }
        Set<String> codes = new TreeSet<>();
        for (String t : territory) {
            if (t.strip().equalsIgnoreCase(Coverage.WORLDWIDE)) {
                return Set.of();
            }
            codes.add(Coverage.code(t).orElseThrow(() -> new CommandError(ExitCode.CANNOT_RUN, "--territory " + t
                    + " is not a territory; name ISO 3166-1 two-letter codes such as US,CA, or worldwide")));
        }
        return codes;
    }

    /** --on, else slate.yaml's delivery.date, else today (UTC). */
    private LocalDate date(DeliverySettings settings) throws CommandError {
        if (on == null) {
            return settings.date().orElseGet(() -> LocalDate.now(ZoneOffset.UTC));
        }
        try {
            return LocalDate.parse(on.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new CommandError(ExitCode.CANNOT_RUN, "--on " + on + " is not a date; write it as YYYY-MM-DD");
        }
    }

    private Set<DeliveryFormat> formats() throws CommandError {
        if (formats == null) {
            return EnumSet.allOf(DeliveryFormat.class);
        }
        Set<DeliveryFormat> set = EnumSet.noneOf(DeliveryFormat.class);
        for (String f : formats) {
            set.add(DeliveryFormat.parse(f).orElseThrow(() -> new CommandError(ExitCode.CANNOT_RUN, "--format " + f
                    + " is not a delivery format; name some of otio, edl, fcpxml, mp4")));
        }
        return set;
    }

    private void report(Delivery.Result r, Cut cut, SigningIdentity signer, Path developmentCa) {
        PrintWriter o = spec.commandLine().getOut();
        if (json) {
            ObjectNode root = new ObjectMapper().createObjectNode();
            root.put("out", r.folder().toString()).put("rough", cut.rough()).put("clips", r.clips())
                    .put("unapproved", r.unapproved()).put("frames", r.frames()).put("fps", cut.format().fps());
            r.files().forEach(root.putArray("files")::add);
            root.putObject("signed").put("by", signer.subject()).put("development", signer.development());
            o.println(root);
        } else {
            o.println((cut.rough() ? "rough cut" : "cut") + " of " + r.clips() + " shots, " + r.frames() + " frames at "
                    + cut.format().fps() + " fps" + (r.unapproved() > 0 ? " (" + r.unapproved() + " unapproved)" : "")
                    + " delivered to " + r.folder());
            o.println(signer.development()
                    ? "C2PA manifests signed with the development CA in " + developmentCa + " (valid but untrusted; name"
                            + " the studio's certificates and key in slate.yaml's delivery.signing to sign as the studio)"
                    : "C2PA manifests signed with the studio's key (slate.yaml delivery.signing) as " + signer.subject());
        }
        o.flush();
    }
}
