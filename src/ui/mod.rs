//! Leptos components and pages. `route` is plain Rust (tested natively);
//! everything else runs in the browser.

pub mod options;
pub mod route;

#[cfg(target_arch = "wasm32")]
mod activity;
#[cfg(target_arch = "wasm32")]
mod app;
#[cfg(target_arch = "wasm32")]
mod assessment;
#[cfg(target_arch = "wasm32")]
pub(crate) mod browser;
#[cfg(target_arch = "wasm32")]
mod data;
#[cfg(target_arch = "wasm32")]
mod derived;
#[cfg(target_arch = "wasm32")]
mod dom;
#[cfg(target_arch = "wasm32")]
pub mod embed;
#[cfg(target_arch = "wasm32")]
mod home;
#[cfg(target_arch = "wasm32")]
mod icon;
#[cfg(target_arch = "wasm32")]
pub(crate) mod layout;
#[cfg(target_arch = "wasm32")]
mod map;
#[cfg(target_arch = "wasm32")]
mod markdown;
#[cfg(target_arch = "wasm32")]
mod members;
#[cfg(target_arch = "wasm32")]
mod pause;
#[cfg(target_arch = "wasm32")]
mod plain_field;
#[cfg(target_arch = "wasm32")]
mod profile;
#[cfg(target_arch = "wasm32")]
mod record;
#[cfg(target_arch = "wasm32")]
mod repertoire;
#[cfg(target_arch = "wasm32")]
pub(crate) mod state;
#[cfg(target_arch = "wasm32")]
pub use app::{start, App};
