package film.slate.engine.comfyui;

import com.fasterxml.jackson.databind.JsonNode;
import film.slate.engine.conditioning.Normalise;
import film.slate.engine.generator.GeneratorFault;
import film.slate.engine.remote.BadAnswer;
import film.slate.media.footage.Footage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/** The output files of a finished prompt, and their download as the take's footage. */
final class ComfyOutputs {
    private ComfyOutputs() {
    }

    /** One output file of a finished prompt. */
    record Output(String node, String kind, String filename, String subfolder, String type) {
    }

    /** The outputs in node order (numeric ids by number); saved outputs before previews. */
    static List<Output> of(JsonNode entry) {
        List<Map.Entry<String, JsonNode>> nodes = new ArrayList<>(entry.path("outputs").properties());
        nodes.sort(Comparator.comparing((Map.Entry<String, JsonNode> e) -> numeric(e.getKey()))
                .thenComparing(Map.Entry::getKey));
        List<Output> saved = new ArrayList<>();
        List<Output> temp = new ArrayList<>();
        for (var n : nodes) {
            for (String kind : List.of("images", "gifs", "videos")) {
                for (JsonNode f : n.getValue().path(kind)) {
                    String name = f.path("filename").asText("");
                    if (name.isEmpty()) {
                        continue;
                    }
                    Output o = new Output(n.getKey(), kind, name, f.path("subfolder").asText(""),
                            f.path("type").asText("output"));
                    (o.type().equals("temp") ? temp : saved).add(o);
                }
            }
        }
        return saved.isEmpty() ? temp : saved;
    }

    private static long numeric(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    /** Downloads the first video output, or else every image, into {@code dir}. */
    static Footage download(ComfyServer server, String promptId, JsonNode entry, Path dir)
            throws GeneratorFault, InterruptedException {
        List<Output> outs = of(entry);
        if (outs.isEmpty()) {
            throw GeneratorFault.permanent("prompt " + promptId + " on " + server.url + " finished without images or"
                    + " videos; the workflow needs a SaveImage (or video combine) node", null);
        }
        List<Output> videos = outs.stream().filter(o -> !o.kind().equals("images")).toList();
        List<Output> chosen = videos.isEmpty() ? outs : videos.subList(0, 1);
        List<Path> files = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            int i = 0;
            for (Output o : chosen) {
                Path to = dir.resolve(String.format(Locale.ROOT, "%06d.%s", i++, Normalise.ending(Path.of(o.filename()))));
                server.view(o.filename(), o.subfolder(), o.type(), to);
                files.add(to);
            }
            server.answered();
        } catch (BadAnswer e) {
            throw GeneratorFault.transientFault("prompt " + promptId + " lists outputs that " + server.url
                    + " does not serve: " + e.getMessage(), null);
        } catch (IOException e) {
            server.failed(e.getMessage());
            throw GeneratorFault.transientFault("downloading the outputs of prompt " + promptId + " from " + server.url
                    + " failed: " + e.getMessage(), null);
        }
        return videos.isEmpty() ? new Footage.Stills(files, OptionalDouble.empty()) : new Footage.Clip(files.get(0));
    }
}
