package film.slate.deliver;

/**
 * The cut as FCPXML 1.10 for Final Cut Pro and DaVinci Resolve: one format, an asset per delivered
 * master, and a project whose sequence (timecode from 01:00:00:00) has a spine of asset clips and gaps.
 */
final class Fcpxml {
    private Fcpxml() {
    }

    static String write(Cut cut) {
        int fps = cut.format().fps();
        long start = Edl.START_SECONDS * fps;
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE fcpxml>\n"
                + "<fcpxml version=\"1.10\">\n  <resources>\n");
        out.append("    <format id=\"r1\" frameDuration=\"").append(time(1, fps)).append("\" width=\"")
                .append(cut.format().width()).append("\" height=\"").append(cut.format().height()).append("\"/>\n");
        int id = 2;
        for (CutClip c : cut.clips()) {
            if (c.master().isPresent()) {
                out.append("    <asset id=\"r").append(id++).append("\" name=\"").append(text(c.name()))
                        .append("\" start=\"0s\" duration=\"").append(time(c.frames(), fps))
                        .append("\" hasVideo=\"1\" format=\"r1\">\n      <media-rep kind=\"original-media\" src=\"")
                        .append(text(c.master().get())).append("\"/>\n    </asset>\n");
            }
        }
        out.append("  </resources>\n  <library>\n    <event name=\"").append(text(cut.title())).append("\">\n")
                .append("      <project name=\"").append(text(cut.title())).append(cut.rough() ? " (rough cut)" : "")
                .append("\">\n        <sequence format=\"r1\" duration=\"").append(time(cut.frames(), fps))
                .append("\" tcStart=\"").append(time(start, fps)).append("\" tcFormat=\"NDF\">\n          <spine>\n");
        id = 2;
        for (CutClip c : cut.clips()) {
            String at = "offset=\"" + time(start + c.recordIn(), fps) + "\" duration=\"" + time(c.frames(), fps) + "\"";
            if (c.master().isEmpty()) {
                out.append("            <gap name=\"").append(text(c.name())).append("\" ").append(at)
                        .append(" start=\"0s\">\n              <note>").append(text(c.shot().fullId())).append(' ')
                        .append(c.status()).append("</note>\n            </gap>\n");
                continue;
            }
            out.append("            <asset-clip ref=\"r").append(id++).append("\" name=\"").append(text(c.name()))
                    .append("\" ").append(at).append(" start=\"0s\" format=\"r1\" tcFormat=\"NDF\">\n")
                    .append("              <note>").append(text(c.shot().fullId())).append(' ').append(c.status())
                    .append("</note>\n");
            if (!c.approved()) {
                out.append("              <keyword start=\"0s\" duration=\"").append(time(c.frames(), fps))
                        .append("\" value=\"unapproved\"/>\n");
            }
            out.append("            </asset-clip>\n");
        }
        out.append("          </spine>\n        </sequence>\n      </project>\n    </event>\n  </library>\n</fcpxml>\n");
        return out.toString();
    }

    /** FCPXML's rational seconds: {@code frames/fps s}, {@code 0s} for zero. */
    static String time(long frames, int fps) {
        return frames == 0 ? "0s" : frames + "/" + fps + "s";
    }

    private static String text(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
