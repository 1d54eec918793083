/** Output files (storyboard pages, stills, reports) written whole or not at all. */
package film.slate.media.file;
