/**
 * The ComfyUI backend ({@code type: comfyui}): a workflow in API format with recipe fields bound
 * by JSON pointers, submitted to a pool of ComfyUI servers through their HTTP protocol
 * ({@code /upload/image}, {@code /prompt}, {@code /queue}, {@code /history}, {@code /view},
 * {@code /system_stats}, {@code /object_info}), idempotently: every prompt carries a key that
 * names the take version, and a retry looks for it before it submits again.
 */
package film.slate.engine.comfyui;
