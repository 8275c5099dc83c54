//! Where the repertoire is kept. The pure parts (row layout, the repository
//! trait, the in-memory repository) build natively; IndexedDB and
//! localStorage live behind `wasm32`.

pub mod change;
pub mod doc_row;
pub mod error;
pub mod events;
pub mod kept;
pub mod memory;
pub mod repository;
pub mod row;

#[cfg(target_arch = "wasm32")]
pub mod broadcast;
#[cfg(target_arch = "wasm32")]
pub mod community;
#[cfg(target_arch = "wasm32")]
pub mod idb;
#[cfg(target_arch = "wasm32")]
pub mod import;
#[cfg(target_arch = "wasm32")]
pub mod settings;

pub use error::StoreError;
pub use memory::MemoryRepository;
pub use repository::Repository;
