//! The JS API's shared cases (`tests/js_api`) in Node: `wasm-pack test --node -- --test node`.
#![cfg(target_arch = "wasm32")]

mod js_api;
