//! Repertoire: a community of practice's shared repertoire, kept in the
//! browser. Dependencies point one way: `domain` ← `store` ← `ui`.

pub mod domain;
pub mod store;
pub mod ui;
