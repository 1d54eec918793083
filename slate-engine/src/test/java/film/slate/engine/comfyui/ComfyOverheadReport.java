package film.slate.engine.comfyui;

import film.slate.engine.testing.BackendBuild;

/** The benchmark's line, shared by the backends' overhead runs. */
public final class ComfyOverheadReport {
    private ComfyOverheadReport() {
    }

    public static void report(String backend, int jobs, BackendBuild.Result r) {
        ComfyOverheadBench.report(backend, jobs, r);
    }
}
