//! Every document keeps its history in CouchDB's model: revisions named
//! `N-hash`, a revision tree per document, one winner every copy agrees
//! on, conflicts kept until members resolve them, and deletions kept as
//! revisions. Plain Rust: the store and the import apply these rules.

pub mod doc;
pub mod kept;
pub mod record;
pub mod rev;
pub mod tree;

pub use doc::{Doc, Stale};
pub use kept::{json_of, kept_doc, KeptDoc};
pub use record::{History, RecordDoc};
pub use rev::Rev;
pub use tree::{Leaf, RevTree, Revisions, REVS_LIMIT};
