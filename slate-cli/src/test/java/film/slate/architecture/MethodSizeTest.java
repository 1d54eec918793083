package film.slate.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.LineMap;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * Small rooms (issue 9): no method of the product (every slate-* module's src/main; bench's harnesses
 * are not the product) is over 60 lines,
 * measured on the syntax tree that javac parses, from the method's first line to its last.
 */
class MethodSizeTest {
    static final int LIMIT = 60;

    @Test
    void noMainMethodIsOverSixtyLines() throws IOException {
        List<Path> sources = new ArrayList<>();
        try (Stream<Path> modules = Files.list(Path.of(".."))) {
            for (Path module : modules.filter(m -> m.getFileName().toString().startsWith("slate-")
                    && Files.isDirectory(m.resolve("src/main/java"))).sorted().toList()) {
                try (Stream<Path> files = Files.walk(module.resolve("src/main/java"))) {
                    files.filter(p -> p.toString().endsWith(".java")).forEach(sources::add);
                }
            }
        }
        assertThat(sources).as("the product's sources").hasSizeGreaterThan(100);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> over = new ArrayList<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
            JavacTask task = (JavacTask) javac.getTask(null, files, d -> { }, List.of("-proc:none"), null,
                    files.getJavaFileObjectsFromPaths(sources));
            SourcePositions positions = Trees.instance(task).getSourcePositions();
            for (CompilationUnitTree unit : task.parse()) {
                LineMap lines = unit.getLineMap();
                new TreeScanner<Void, Void>() {
                    @Override
                    public Void visitMethod(MethodTree m, Void unused) {
                        long first = lines.getLineNumber(positions.getStartPosition(unit, m));
                        long last = lines.getLineNumber(positions.getEndPosition(unit, m));
                        if (m.getBody() != null && last - first + 1 > LIMIT) {
                            over.add(unit.getSourceFile().getName() + ":" + first + " " + m.getName() + " ("
                                    + (last - first + 1) + " lines)");
                        }
                        return super.visitMethod(m, unused);
                    }
                }.scan(unit, null);
            }
        }
        assertThat(over).as("methods over %d lines; split them into steps with names", LIMIT).isEmpty();
    }
}
