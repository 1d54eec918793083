package film.slate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/**
 * The delivered cut checked against the formats' own definitions: FCPXML against Apple's FCPXML
 * 1.10 DTD (src/test/resources/fcpxml, see SOURCE.txt there), OTIO against the fields OTIO's
 * serialized-schema documentation lists per schema, and the EDL against the CMX 3600 event layout.
 */
final class DeliveryValidation {
    private DeliveryValidation() {
    }

    /** Every DTD violation of {@code fcpxml} (empty when it validates). */
    static List<String> fcpxmlViolations(Path fcpxml) throws Exception {
        URL dtd = DeliveryValidation.class.getResource("/fcpxml/FCPXMLv1_10.dtd");
        assertThat(dtd).as("the FCPXML DTD test resource").isNotNull();
        String text = Files.readString(fcpxml, StandardCharsets.UTF_8);
        assertThat(text).contains("<!DOCTYPE fcpxml>");
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setValidating(true);
        DocumentBuilder b = f.newDocumentBuilder();
        b.setEntityResolver((publicId, systemId) -> systemId != null && systemId.endsWith("FCPXMLv1_10.dtd")
                ? new InputSource(dtd.openStream()) : null);
        List<String> violations = new ArrayList<>();
        b.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
            }

            @Override
            public void error(SAXParseException e) {
                violations.add("line " + e.getLineNumber() + ": " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) throws SAXParseException {
                throw e;
            }
        });
        // The file names no DTD (as Final Cut Pro's own exports do); the test points it at Apple's.
        b.parse(new InputSource(new StringReader(text.replace("<!DOCTYPE fcpxml>",
                "<!DOCTYPE fcpxml SYSTEM \"FCPXMLv1_10.dtd\">"))));
        return violations;
    }

    /**
     * The parameters OTIO's documentation (docs/tutorials/otio-serialized-schema.md) lists for each
     * schema the cut uses; compositions also serialize their {@code children}.
     */
    static final Map<String, Set<String>> OTIO_FIELDS = Map.of(
            "Timeline.1", Set.of("global_start_time", "metadata", "name", "tracks"),
            "Stack.1", Set.of("color", "effects", "enabled", "markers", "metadata", "name", "source_range", "children"),
            "Track.1", Set.of("color", "effects", "enabled", "kind", "markers", "metadata", "name", "source_range",
                    "children"),
            "Clip.2", Set.of("active_media_reference_key", "color", "effects", "enabled", "markers", "media_references",
                    "metadata", "name", "source_range"),
            "Gap.1", Set.of("color", "effects", "enabled", "markers", "metadata", "name", "source_range"),
            "ExternalReference.1", Set.of("available_image_bounds", "available_range", "metadata", "name", "target_url"),
            "TimeRange.1", Set.of("duration", "start_time"),
            "RationalTime.1", Set.of("rate", "value"));

    /** Every OTIO object under {@code node} is a documented schema with exactly its documented fields (color optional). */
    static void assertOtioSchema(JsonNode node) {
        if (node.isArray()) {
            node.forEach(DeliveryValidation::assertOtioSchema);
            return;
        }
        if (!node.isObject()) {
            return;
        }
        if (node.has("OTIO_SCHEMA")) {
            String schema = node.path("OTIO_SCHEMA").asText();
            assertThat(OTIO_FIELDS).as("a documented OTIO schema").containsKey(schema);
            Set<String> fields = new HashSet<>();
            node.fieldNames().forEachRemaining(fields::add);
            fields.remove("OTIO_SCHEMA");
            Set<String> documented = OTIO_FIELDS.get(schema);
            assertThat(documented).as(schema + " fields").containsAll(fields);
            Set<String> required = new HashSet<>(documented);
            required.remove("color"); // added in OTIO 0.17; readers default it
            assertThat(fields).as(schema + " fields").containsAll(required);
            if (schema.equals("RationalTime.1")) {
                assertThat(node.path("rate").isNumber() && node.path("value").isNumber()).isTrue();
            }
            if (schema.equals("Clip.2")) {
                assertThat(node.path("media_references").has(node.path("active_media_reference_key").asText())).isTrue();
            }
            if (node.path("metadata").isObject()) {
                fields.remove("metadata"); // free-form: Slate's own keys live there
            }
            fields.forEach(f -> assertOtioSchema(node.path(f)));
            return;
        }
        node.forEach(DeliveryValidation::assertOtioSchema);
    }

    static final Pattern EVENT = Pattern.compile(
            "^(\\d{3}) {2}(\\S{1,8}) +(V|A|AA|B) +(C|D|W\\d{3}|K) +(\\d\\d:\\d\\d:\\d\\d:\\d\\d) (\\d\\d:\\d\\d:\\d\\d:\\d\\d)"
                    + " (\\d\\d:\\d\\d:\\d\\d:\\d\\d) (\\d\\d:\\d\\d:\\d\\d:\\d\\d)$");

    /**
     * CMX 3600: a {@code TITLE:} of at most 70 characters, {@code FCM:}, then events numbered from
     * 001 in order (reel of at most 8 characters, track, transition, four timecodes whose frames are
     * below the rate, source and record lengths equal, record in at the previous record out), comments
     * starting with '*', blank lines between. Returns each event's length in frames.
     */
    static List<Long> assertCmx3600(String edl, int fps) {
        String[] lines = edl.split("\n", -1);
        assertThat(lines[0]).startsWith("TITLE: ");
        assertThat(lines[0].length() - "TITLE: ".length()).isLessThanOrEqualTo(70);
        assertThat(lines[1]).matches("FCM: (NON-)?DROP FRAME");
        List<Long> lengths = new ArrayList<>();
        long recordOut = -1;
        for (int i = 2; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty() || line.startsWith("* ")) {
                continue;
            }
            Matcher m = EVENT.matcher(line);
            assertThat(m.matches()).as("EDL line " + (i + 1) + ": " + line).isTrue();
            assertThat(Integer.parseInt(m.group(1))).isEqualTo(lengths.size() + 1);
            long[] tc = new long[4];
            for (int k = 0; k < 4; k++) {
                String[] p = m.group(5 + k).split(":");
                assertThat(Integer.parseInt(p[3])).as("frames of " + m.group(5 + k)).isLessThan(fps);
                assertThat(Integer.parseInt(p[1])).isLessThan(60);
                assertThat(Integer.parseInt(p[2])).isLessThan(60);
                tc[k] = ((Long.parseLong(p[0]) * 60 + Long.parseLong(p[1])) * 60 + Long.parseLong(p[2])) * fps
                        + Long.parseLong(p[3]);
            }
            assertThat(tc[1] - tc[0]).as("EDL line " + (i + 1) + " source length").isEqualTo(tc[3] - tc[2]).isPositive();
            if (recordOut >= 0) {
                assertThat(tc[2]).as("EDL line " + (i + 1) + " record in").isEqualTo(recordOut);
            }
            recordOut = tc[3];
            lengths.add(tc[1] - tc[0]);
        }
        return lengths;
    }
}
