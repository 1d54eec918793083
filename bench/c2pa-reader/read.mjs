// Reads the C2PA manifest of each file named on the command line with the c2pa project's own reader
// (c2pa-rs compiled to WebAssembly, @contentauth/c2pa-wasm), offline, and prints one JSON line per
// file: {file, found, activeManifest, manifest, validationState, statuses: [{code, kind, explanation}],
// dataHash} where kind is success, informational or failure, and dataHash is the active manifest's
// c2pa.hash.data binding as the reader decoded it ({alg, hash in hex, exclusions}) or null. A file
// without a manifest prints found: false and its error.
//
// A .c2pa file is read as a sidecar manifest store (application/c2pa). This reader (0.15) has no
// entry point that takes a sidecar together with its asset (WasmReader offers fromBytes, fromBlob and
// fromBlobFragment, each one stream): reading the store alone, it checks the data hash against the
// store's own bytes and reports assertion.dataHash.mismatch. The signed hash it decoded is printed
// so that the caller can compare it with the asset's. Slate's tests (film.slate.deliver.c2pa.C2paReader) run this script and judge its output.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import init, { WasmReader } from '@contentauth/c2pa-wasm';

const here = dirname(fileURLToPath(import.meta.url));
await init({ module_or_path: readFileSync(join(here, 'node_modules/@contentauth/c2pa-wasm/pkg/c2pa_bg.wasm')) });

// A .c2pa file is a manifest store on its own (a sidecar); anything else is read as an MP4.
const format = (file) => (file.endsWith('.c2pa') ? 'application/c2pa' : 'video/mp4');

// The c2pa.hash.data of manifest `label` in crJSON, whose byte strings read b64'...'.
function dataHash(cr, label) {
  const binding = (cr.manifests ?? []).find((m) => m.label === label)?.assertions?.['c2pa.hash.data'];
  if (!binding) return null;
  const bytes = (b) => Buffer.from(String(b).replace(/^b64'(.*)'$/, '$1'), 'base64').toString('hex');
  return { alg: binding.alg ?? null, hash: bytes(binding.hash), exclusions: binding.exclusions ?? [] };
}

for (const file of process.argv.slice(2)) {
  try {
    const reader = await WasmReader.fromBytes(format(file), new Uint8Array(readFileSync(file)));
    const cr = JSON.parse(reader.crJson());
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
      validationState: store.validation_state ?? null, statuses, dataHash: dataHash(cr, active) }));
  } catch (e) {
    console.log(JSON.stringify({ file, found: false, error: String(e?.message ?? e) }));
  }
}
