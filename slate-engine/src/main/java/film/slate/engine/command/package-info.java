/**
 * The command backend ({@code type: command}): a studio's own program renders a take. It reads
 * the recipe JSON on standard input, finds the conditioning files in an input folder and fills
 * an output folder with frames or a video; its exit code says whether a failure may pass.
 */
package film.slate.engine.command;
