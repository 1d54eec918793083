package film.slate.engine.comfyui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import film.slate.core.testing.SyntheticProduction;
import film.slate.engine.build.BuildEvent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12: against a ComfyUI that executes its core image nodes for real (LoadImage, LoadImageMask
 * with ComfyUI's channel semantics, MaskToImage, ImageBatch, SaveImage), a core-node workflow
 * round-trips previz's masks and pose images: what SaveImage writes has the pixel values of what
 * Slate uploaded, through a real build.
 */
class ComfyCoreNodesTest {
    /** Mara's mask (its red channel) and the pose, saved one a frame. */
    static final String WORKFLOW = """
            {
              "1": {"class_type": "LoadImageMask", "inputs": {"image": "example.png", "channel": "red"}},
              "2": {"class_type": "MaskToImage", "inputs": {"mask": ["1", 0]}},
              "3": {"class_type": "LoadImage", "inputs": {"image": "example.png"}},
              "4": {"class_type": "ImageBatch", "inputs": {"image1": ["2", 0], "image2": ["3", 0]}},
              "9": {"class_type": "SaveImage", "inputs": {"images": ["4", 0], "filename_prefix": "slate/passes"}}
            }
            """;

    @TempDir
    Path tmp;

    @Test
    void masksAndPoseRoundTripPixelForPixelThroughCoreNodes() throws Exception {
        try (FakeComfy comfy = new FakeComfy()) {
            Path dir = tmp.resolve("p");
            SyntheticProduction.write(dir, 1, 3, "comfyui", "url: " + comfy.url() + "\nworkflow: workflows/passes.json\n"
                    + "request_timeout: 2\npoll_interval: 0.02\nbind:\n  mask.MARA: /1/inputs/image\n  pose: /3/inputs/image\n");
            Files.createDirectories(dir.resolve("workflows"));
            Files.writeString(dir.resolve("workflows/passes.json"), WORKFLOW);
            var r = ComfyProduction.build(dir, 2);
            assertThat(r.of(BuildEvent.Kind.FAILED)).isEmpty();
            assertThat(comfy.accepted).hasSize(3);
            boolean maraSeen = false;
            boolean poseDrawn = false;
            for (JsonNode prompt : comfy.accepted) {
                JsonNode graph = prompt.path("prompt");
                int[][][] mask = CoreNodes.pixels(view(comfy, "input", graph.at("/1/inputs/image").asText()));
                int[][][] pose = CoreNodes.pixels(view(comfy, "input", graph.at("/3/inputs/image").asText()));
                List<int[][][]> saved = saved(comfy, prompt);
                assertThat(saved).hasSize(2);
                for (int y = 0; y < mask.length; y++) {
                    for (int x = 0; x < mask[0].length; x++) {
                        for (int c = 0; c < 3; c++) {
                            assertThat(saved.get(0)[y][x][c]).as("mask at %d,%d", x, y).isEqualTo(mask[y][x][0]);
                            assertThat(saved.get(1)[y][x][c]).as("pose at %d,%d", x, y).isEqualTo(pose[y][x][c]);
                        }
                        maraSeen |= mask[y][x][0] == 255;
                        poseDrawn |= pose[y][x][0] + pose[y][x][1] + pose[y][x][2] > 0;
                    }
                }
            }
            assertThat(maraSeen).as("Mara is in frame in some shot: the masks are not all empty").isTrue();
            assertThat(poseDrawn).as("some skeleton is drawn").isTrue();
        }
    }

    /** The fake's LoadImageMask and LoadImage take a mask as ComfyUI does: the chosen channel, alpha inverted. */
    @Test
    void maskChannelsAreComfyUIs() throws Exception {
        java.awt.image.BufferedImage rgba = new java.awt.image.BufferedImage(2, 1,
                java.awt.image.BufferedImage.TYPE_4BYTE_ABGR);
        rgba.getRaster().setPixel(0, 0, new int[] {10, 20, 30, 40});
        rgba.getRaster().setPixel(1, 0, new int[] {200, 100, 0, 255});
        var png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(rgba, "png", png);
        for (String channel : List.of("red", "green", "blue", "alpha")) {
            String graph = """
                    {"1": {"class_type": "LoadImageMask", "inputs": {"image": "a.png", "channel": "%s"}},
                     "2": {"class_type": "MaskToImage", "inputs": {"mask": ["1", 0]}},
                     "3": {"class_type": "LoadImage", "inputs": {"image": "a.png"}},
                     "4": {"class_type": "MaskToImage", "inputs": {"mask": ["3", 1]}},
                     "5": {"class_type": "ImageBatch", "inputs": {"image1": ["2", 0], "image2": ["4", 0]}},
                     "9": {"class_type": "SaveImage", "inputs": {"images": ["5", 0]}}}
                    """.formatted(channel);
            var out = CoreNodes.run(new com.fasterxml.jackson.databind.ObjectMapper().readTree(graph),
                    name -> name.equals("a.png") ? png.toByteArray() : null).orElseThrow().get("9");
            int c = "rgba".indexOf(channel.charAt(0));
            int[][][] mask = CoreNodes.pixels(out.get(0));
            int[][][] alpha = CoreNodes.pixels(out.get(1));
            for (int x = 0; x < 2; x++) {
                int[] v = rgba.getRaster().getPixel(x, 0, new int[4]);
                // 1 - a/255 in float32, saved as uint8(255 * m): truncated, as ComfyUI's numpy does
                int inverted = (int) (255.0f * (1.0f - (float) v[3] / 255.0f));
                assertThat(mask[0][x][0]).as(channel).isEqualTo(c == 3 ? inverted : v[c]);
                assertThat(alpha[0][x][1]).as("LoadImage's mask").isEqualTo(inverted);
            }
        }
    }

    /** The frames the prompt's SaveImage wrote, as the server serves them. */
    private static List<int[][][]> saved(FakeComfy comfy, JsonNode prompt) throws Exception {
        JsonNode history = new com.fasterxml.jackson.databind.ObjectMapper().readTree(get(comfy, "/history"));
        List<int[][][]> out = new ArrayList<>();
        for (var entry : history.properties()) {
            if (entry.getValue().path("prompt").get(2).equals(prompt.path("prompt"))) {
                for (JsonNode image : entry.getValue().at("/outputs/9/images")) {
                    out.add(CoreNodes.pixels(view(comfy, "output", image.path("filename").asText())));
                }
            }
        }
        return out;
    }

    private static byte[] view(FakeComfy comfy, String type, String name) throws Exception {
        int slash = name.lastIndexOf('/');
        String query = "filename=" + name.substring(slash + 1) + "&type=" + type
                + (slash < 0 ? "" : "&subfolder=" + name.substring(0, slash));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(comfy.url() + "/view?" + query)).build(),
                HttpResponse.BodyHandlers.ofByteArray()).body();
    }

    private static String get(FakeComfy comfy, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(comfy.url() + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
