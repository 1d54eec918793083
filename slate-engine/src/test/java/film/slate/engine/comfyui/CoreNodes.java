package film.slate.engine.comfyui;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javax.imageio.ImageIO;

/**
 * ComfyUI's core image nodes, executed for real on the files uploaded to the fake server:
 * {@code LoadImage}, {@code LoadImageMask}, {@code MaskToImage}, {@code ImageBatch} and
 * {@code SaveImage}, with ComfyUI's arithmetic (nodes.py): pixels become float32 values {@code v /
 * 255}, a mask is one channel of the picture converted to RGBA (alpha inverted, {@code 1 - a}), a
 * missing channel or alpha is a 64x64 zero mask, and SaveImage writes {@code uint8(clip(255 * v))}.
 */
final class CoreNodes {
    static final Set<String> TYPES = Set.of("LoadImage", "LoadImageMask", "MaskToImage", "ImageBatch", "SaveImage");

    /** A batch of frames, each {@code [y][x][c]} with c the 3 colours of an image or the 1 value of a mask. */
    private record Batch(List<float[][][]> frames) {
        int height() {
            return frames.get(0).length;
        }

        int width() {
            return frames.get(0)[0].length;
        }
    }

    private final JsonNode graph;
    private final Function<String, byte[]> inputs;
    private final Map<String, List<Batch>> done = new HashMap<>();

    private CoreNodes(JsonNode graph, Function<String, byte[]> inputs) {
        this.graph = graph;
        this.inputs = inputs;
    }

    /**
     * The PNG files each SaveImage node writes, when every node of {@code graph} is a core image node;
     * empty otherwise (the fake server then answers with its own pictures).
     *
     * @param inputs the bytes of an input file by its name as a node names it ({@code slate/slate-ab.png}), or null
     */
    static Optional<Map<String, List<byte[]>>> run(JsonNode graph, Function<String, byte[]> inputs) {
        List<String> types = new ArrayList<>();
        graph.properties().forEach(n -> types.add(n.getValue().path("class_type").asText()));
        if (types.isEmpty() || !TYPES.containsAll(types) || !types.contains("SaveImage")) {
            return Optional.empty();
        }
        CoreNodes run = new CoreNodes(graph, inputs);
        Map<String, List<byte[]>> out = new LinkedHashMap<>();
        graph.properties().forEach(n -> {
            if (n.getValue().path("class_type").asText().equals("SaveImage")) {
                out.put(n.getKey(), run.input(n.getValue(), "images").frames().stream().map(CoreNodes::png).toList());
            }
        });
        return Optional.of(out);
    }

    private Batch input(JsonNode node, String name) {
        JsonNode link = node.path("inputs").path(name);
        return outputs(link.get(0).asText()).get(link.get(1).asInt());
    }

    private List<Batch> outputs(String id) {
        List<Batch> known = done.get(id);
        if (known == null) {
            known = execute(graph.path(id));
            done.put(id, known);
        }
        return known;
    }

    private List<Batch> execute(JsonNode node) {
        JsonNode in = node.path("inputs");
        return switch (node.path("class_type").asText()) {
            case "LoadImage" -> {
                int[][][] p = pixels(file(in.path("image").asText()));
                yield List.of(image(p), hasAlpha(file(in.path("image").asText())) ? channel(p, 3, true) : zeroMask());
            }
            case "LoadImageMask" -> {
                String c = in.path("channel").asText("alpha");
                int index = "rgba".indexOf(Character.toLowerCase(c.charAt(0)));
                yield List.of(channel(pixels(file(in.path("image").asText())), index, index == 3));
            }
            case "MaskToImage" -> {
                List<float[][][]> frames = new ArrayList<>();
                for (float[][][] m : input(node, "mask").frames()) {
                    float[][][] f = new float[m.length][m[0].length][3];
                    for (int y = 0; y < m.length; y++) {
                        for (int x = 0; x < m[0].length; x++) {
                            f[y][x][0] = f[y][x][1] = f[y][x][2] = m[y][x][0];
                        }
                    }
                    frames.add(f);
                }
                yield List.of(new Batch(frames));
            }
            case "ImageBatch" -> {
                Batch a = input(node, "image1");
                Batch b = input(node, "image2");
                if (a.width() != b.width() || a.height() != b.height()) {
                    // ComfyUI scales the second batch bilinearly; this fake does not emulate that.
                    throw new IllegalStateException("ImageBatch of pictures of different sizes");
                }
                List<float[][][]> frames = new ArrayList<>(a.frames());
                frames.addAll(b.frames());
                yield List.of(new Batch(frames));
            }
            default -> throw new IllegalStateException("not a core image node: " + node);
        };
    }

    private byte[] file(String name) {
        byte[] data = inputs.apply(name);
        if (data == null) {
            throw new IllegalStateException("Invalid image file: " + name); // ComfyUI's words for a file it lacks
        }
        return data;
    }

    private static Batch image(int[][][] p) {
        float[][][] f = new float[p.length][p[0].length][3];
        for (int y = 0; y < p.length; y++) {
            for (int x = 0; x < p[0].length; x++) {
                for (int c = 0; c < 3; c++) {
                    f[y][x][c] = (float) p[y][x][c] / 255.0f;
                }
            }
        }
        return new Batch(List.<float[][][]>of(f));
    }

    /** One channel of the picture as RGBA (grey gives R = G = B); alpha inverted, as LoadImageMask does. */
    private static Batch channel(int[][][] p, int c, boolean invert) {
        float[][][] m = new float[p.length][p[0].length][1];
        for (int y = 0; y < p.length; y++) {
            for (int x = 0; x < p[0].length; x++) {
                float v = (float) p[y][x][c] / 255.0f;
                m[y][x][0] = invert ? 1.0f - v : v;
            }
        }
        return new Batch(List.<float[][][]>of(m));
    }

    private static Batch zeroMask() {
        return new Batch(List.<float[][][]>of(new float[64][64][1]));
    }

    private static boolean hasAlpha(byte[] png) {
        try {
            return ImageIO.read(new ByteArrayInputStream(png)).getColorModel().hasAlpha();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SaveImage: {@code uint8(clip(255 * v, 0, 255))} per colour, an RGB PNG. */
    private static byte[] png(float[][][] f) {
        BufferedImage img = new BufferedImage(f[0].length, f.length, BufferedImage.TYPE_3BYTE_BGR);
        WritableRaster r = img.getRaster();
        for (int y = 0; y < f.length; y++) {
            for (int x = 0; x < f[0].length; x++) {
                int[] rgb = new int[3];
                for (int c = 0; c < 3; c++) {
                    float v = 255.0f * f[y][x][Math.min(c, f[y][x].length - 1)];
                    rgb[c] = (int) Math.max(0f, Math.min(255f, v));
                }
                r.setPixel(x, y, rgb);
            }
        }
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return b.toByteArray();
    }

    /**
     * A PNG's stored values as RGBA, {@code [y][x][4]}: grey is R = G = B, and alpha is 255 where the
     * file has none (as PIL's convert("RGBA")). Read from the raster, not through a colour space.
     */
    static int[][][] pixels(byte[] png) {
        BufferedImage img;
        try {
            img = ImageIO.read(new ByteArrayInputStream(png));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (img.getColorModel().getComponentSize(0) != 8) {
            throw new IllegalStateException("only 8-bit pictures are emulated");
        }
        int[][][] out = new int[img.getHeight()][img.getWidth()][4];
        int bands = img.getRaster().getNumBands();
        boolean palette = img.getColorModel() instanceof IndexColorModel;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int[] v = out[y][x];
                if (palette) {
                    int argb = img.getRGB(x, y);
                    v[0] = argb >> 16 & 255;
                    v[1] = argb >> 8 & 255;
                    v[2] = argb & 255;
                    v[3] = argb >>> 24;
                    continue;
                }
                int[] s = img.getRaster().getPixel(x, y, new int[bands]);
                boolean grey = bands <= 2;
                v[0] = s[0];
                v[1] = grey ? s[0] : s[1];
                v[2] = grey ? s[0] : s[2];
                v[3] = bands == 2 ? s[1] : bands == 4 ? s[3] : 255;
            }
        }
        return out;
    }
}
