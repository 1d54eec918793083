package film.slate.cli;

import film.slate.core.recipe.Recipe;
import film.slate.core.recipe.Sha256;
import film.slate.engine.build.BuildException;
import film.slate.engine.build.ObjectFolder;
import film.slate.engine.build.RecipeRender;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code slate render RECIPE.json [--objects DIR] [--config SLATE_YAML] --out DIR}: renders one
 * recipe outside any production, from the recipe and the objects it names. Prints the recipe id and
 * one line per output file: kind, SHA-256 and path (the hash is the take's object name in a store).
 */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Render one recipe outside any production, from the recipe and the objects it names.")
final class RenderCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RECIPE.json", description = "The recipe (as 'slate recipe' prints it).")
    Path recipeFile;

    @Option(names = "--objects", paramLabel = "DIR",
            description = "Objects named by SHA-256: flat, or laid out as a store's .slate/objects.")
    Path objects;

    @Option(names = "--config", paramLabel = "SLATE_YAML",
            description = "The slate.yaml (or its folder) that configures the recipe's backend; previz needs none.")
    Path config;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where the outputs go.")
    Path out;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String text;
        try {
            text = Files.readString(recipeFile);
        } catch (IOException e) {
            err.println("slate render: cannot read " + recipeFile + " (" + e.getMessage() + ")");
            return ExitCode.IO;
        }
        Recipe recipe;
        try {
            recipe = Recipe.parse(text);
        } catch (IllegalArgumentException e) {
            err.println("slate render: " + recipeFile + " is not a recipe this Slate can render: " + e.getMessage());
            return ExitCode.CANNOT_RUN;
        }
        if (objects != null && !Files.isDirectory(objects)) {
            err.println("slate render: --objects " + objects + " is not a folder");
            return ExitCode.CANNOT_RUN;
        }
        try {
            Files.createDirectories(out);
            RecipeRender render = new RecipeRender(Rig.of(spec).generators(), Optional.ofNullable(config),
                    new ObjectFolder(Optional.ofNullable(objects)));
            RecipeRender.Output made = render.render(recipe, out);
            stdout.println("recipe " + recipe.id());
            for (Map.Entry<String, Path> f : made.files().entrySet()) {
                stdout.println(f.getKey() + " " + Sha256.file(f.getValue()) + " " + f.getValue());
            }
            stdout.flush();
            return ExitCode.OK;
        } catch (BuildException e) {
            err.println("slate render: " + e.getMessage());
            return ExitCode.CANNOT_RUN;
        } catch (IOException e) {
            err.println("slate render: cannot write into " + out + " (" + e.getMessage() + ")");
            return ExitCode.IO;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("slate render: interrupted");
            return ExitCode.CANNOT_RUN;
        }
    }
}
