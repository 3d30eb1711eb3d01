//! The wasm-bindgen facade (filled in with the JS API).
