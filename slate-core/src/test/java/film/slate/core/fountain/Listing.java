package film.slate.core.fountain;

import java.util.Map;

/** A compact, reviewable listing of a parsed document: the form of the golden files. */
public final class Listing {
    private Listing() {
    }

    public static String of(FountainDocument d) {
        StringBuilder o = new StringBuilder();
        for (Map.Entry<String, String> e : d.titlePage().entrySet()) {
            o.append("title ").append(e.getKey()).append(" = ").append(escape(e.getValue())).append('\n');
        }
        for (Element e : d.elements()) {
            o.append(e.position().line()).append(':').append(e.position().column()).append(' ')
                    .append(e.type().jsonName());
            e.sceneNumber().ifPresent(n -> o.append(" number=").append(n));
            e.depth().ifPresent(n -> o.append(" depth=").append(n));
            e.dual().ifPresent(n -> o.append(" dual=").append(n));
            if (e.forced()) {
                o.append(" forced");
            }
            e.name().ifPresent(n -> o.append(" name=").append(n));
            e.extension().ifPresent(n -> o.append(" extension=").append(n));
            o.append(" \"").append(escape(e.text())).append("\"\n");
        }
        d.diagnostics().forEach(x -> o.append("diagnostic ").append(x).append('\n'));
        return o.toString();
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\n", "\\n").replace("\"", "\\\"");
    }
}
