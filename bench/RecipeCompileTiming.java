import film.slate.core.read.ProductionReader;
import film.slate.core.recipe.*;
import java.nio.file.Path;
import java.util.Optional;
public class Bench {
  public static void main(String[] a) throws Exception {
    Path dir = film.slate.core.testing.SyntheticProduction.write(Path.of("/tmp/bench2000"), 200, 10);
    var p = ProductionReader.read(dir).production();
    var target = Target.of(p.manifest().backends().get("main"), "1");
    int n = 0;
    for (int i = 0; i < 10; i++) n = new RecipeCompiler(p).compileAll(target, Optional.empty()).size();
    long best = Long.MAX_VALUE;
    for (int i = 0; i < 10; i++) { long t = System.nanoTime(); new RecipeCompiler(p).compileAll(target, Optional.empty()); best = Math.min(best, System.nanoTime() - t); }
    System.out.println("shots " + p.shots().size() + " takes " + n + " best warm compile ms " + best / 1e6);
  }
}
