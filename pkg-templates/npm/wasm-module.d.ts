// `import wasm from 'handoff-kit/handoff_kit_bg.wasm'` where the runtime or bundler compiles
// .wasm imports (Cloudflare workerd / wrangler): a WebAssembly.Module for init() or initSync().
declare const wasm: WebAssembly.Module;
export default wasm;
