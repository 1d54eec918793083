/**
 * Final Draft screenplays ({@code .fdx}, XML): {@link film.slate.core.finaldraft.FinalDraft#read}
 * turns one into the same {@link film.slate.core.fountain.FountainDocument} a Fountain file gives,
 * with the line of each paragraph for diagnostics, and {@link
 * film.slate.core.finaldraft.FinalDraft#write} writes a document as Final Draft XML. The XML is
 * read by the JDK's parser with DTDs and external entities refused, so a file can never make
 * Slate read another file or the network.
 */
package film.slate.core.finaldraft;
