/** Still images written to disk whole or not at all. */
package film.slate.media.image;
