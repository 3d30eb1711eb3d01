// For Vite 5–7's dev server: its dependency optimiser would move handoff-kit's module away
// from its .wasm. Vite 8 needs no config.
export default {
  optimizeDeps: { exclude: ['handoff-kit'] },
};
