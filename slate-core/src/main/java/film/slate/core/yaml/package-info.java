/**
 * YAML with positions. {@link film.slate.core.yaml.YamlReader} turns any bytes into a tree of
 * {@link film.slate.core.yaml.YamlNode}s or a {@code syntax/yaml} diagnostic, never an exception:
 * aliases are shared, not expanded (so alias bombs cost nothing), and size, depth and node count
 * are bounded. {@link film.slate.core.yaml.Fields} is the one place where a mapping is checked
 * against its schema.
 */
package film.slate.core.yaml;
