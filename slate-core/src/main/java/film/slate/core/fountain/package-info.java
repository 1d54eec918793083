/**
 * Slate's own Fountain 1.1 parser.
 *
 * <p>{@link film.slate.core.fountain.Fountain#parse(String, byte[])} turns the bytes of a screenplay
 * into a {@link film.slate.core.fountain.FountainDocument}: the title page (keys as written, in
 * order) and the elements of the body in screenplay order, each with the file, line and column it
 * starts at. Parsing is total: any byte sequence gives a document and diagnostics, never an
 * exception, and time grows linearly with the input.
 *
 * <p>Choices where the spec is loose, so that the rest of Slate can rely on them:
 * <ul>
 *   <li>Input is UTF-8 (a byte-order mark is skipped; UTF-16 with a BOM is honoured). Bytes that
 *       are not valid UTF-8 are read as Windows-1252 (a superset of Latin-1 for printable text),
 *       with a {@code syntax/fountain} warning at the first bad byte. CRLF and CR end lines too.</li>
 *   <li>Notes {@code [[...]]} and boneyard {@code /* ... *&#47;} are reported as elements of their
 *       own ({@code note}, {@code boneyard}) at the place they open, and removed from the text of
 *       the element around them, because they never print. A note may span lines but not a blank
 *       line. A line that held nothing but a note or boneyard disappears, so it neither splits nor
 *       joins the paragraphs around it. An unclosed one stays text, with a warning.</li>
 *   <li>Emphasis markers ({@code *}, {@code **}, {@code _}) and escapes stay in the text as
 *       written.</li>
 *   <li>A title page is recognised only on the first line, and only with a known key ({@code
 *       Title}, {@code Credit}, {@code Author}, ...) or a key not written in capitals, so that a
 *       script opening with {@code FADE IN:} has no title page.</li>
 *   <li>A scene heading, transition or character cue needs a blank line (or the start of the body)
 *       before it; a heading and a transition also need one after (a forced {@code .} heading does
 *       not); a cue needs a non-blank line after unless it is forced with {@code @}; a line that
 *       starts like a heading is never a cue. A transition ends in {@code TO:} with nothing after
 *       it. Action runs to the next blank line; a line of two spaces keeps a paragraph or speech
 *       going.</li>
 *   <li>White space is Unicode white space ({@link film.slate.core.fountain.Space}): no-break
 *       spaces are trimmed from names, cues, headings and transitions like any other.</li>
 *   <li>{@code forced} is true when a prefix forced the type: {@code .} headings, {@code !} action,
 *       {@code @} characters, {@code >} transitions.</li>
 * </ul>
 */
package film.slate.core.fountain;
