// Reads the C2PA manifest of each file named on the command line with the c2pa project's own reader
// (c2pa-rs compiled to WebAssembly, @contentauth/c2pa-wasm), offline, and prints one JSON line per
// file: {file, found, activeManifest, manifest, validationState, statuses: [{code, kind, explanation}]}
// where kind is success, informational or failure. A file without a manifest prints found: false
// and its error. Slate's tests (film.slate.deliver.c2pa.C2paReader) run this script and judge its output.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import init, { WasmReader } from '@contentauth/c2pa-wasm';

const here = dirname(fileURLToPath(import.meta.url));
await init({ module_or_path: readFileSync(join(here, 'node_modules/@contentauth/c2pa-wasm/pkg/c2pa_bg.wasm')) });

for (const file of process.argv.slice(2)) {
  try {
    const reader = await WasmReader.fromBytes('video/mp4', new Uint8Array(readFileSync(file)));
    const store = JSON.parse(reader.json());
    const statuses = [];
    const results = store.validation_results?.activeManifest ?? {};
    for (const kind of ['success', 'informational', 'failure']) {
      for (const s of results[kind] ?? []) statuses.push({ code: s.code, kind, explanation: s.explanation ?? '' });
    }
    for (const s of store.validation_status ?? []) {
      if (!statuses.some((t) => t.code === s.code)) statuses.push({ code: s.code, kind: 'status', explanation: s.explanation ?? '' });
    }
    const active = store.active_manifest;
    console.log(JSON.stringify({ file, found: true, activeManifest: active, manifest: store.manifests?.[active] ?? null,
      validationState: store.validation_state ?? null, statuses }));
  } catch (e) {
    console.log(JSON.stringify({ file, found: false, error: String(e?.message ?? e) }));
  }
}
