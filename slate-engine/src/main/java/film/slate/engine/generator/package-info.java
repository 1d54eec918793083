/**
 * The generator SPI. A generator turns a recipe (plus the files it conditions on) into pictures;
 * the engine never knows which one it drives. A backend type of slate.yaml maps to a
 * {@link film.slate.engine.generator.GeneratorProvider} found by {@link java.util.ServiceLoader},
 * which opens its generator in a {@link film.slate.engine.generator.GeneratorPlace}.
 */
package film.slate.engine.generator;
