//! How members, rounds, answers and the community profile are laid out in
//! IndexedDB: a key, a layout version and the document as JSON text. The
//! same shape as record rows (see `row.rs`), for the same reasons: one
//! string crosses the wasm boundary, and plain Rust can migrate old layouts.
//!
//! Layout 1: `doc` is the value alone (no history). Layout 2: `doc` is
//! the document with its history (`Doc<T>`: the revision tree and the
//! content of each live leaf).

use super::error::StoreError;
use crate::domain::history::KeptDoc;
use serde::{de::DeserializeOwned, Deserialize, Serialize};

/// The layout of `doc` written now.
pub const DOC_FORMAT: u32 = 2;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocRow {
    pub id: String,
    pub v: u32,
    pub doc: String,
}

impl DocRow {
    pub fn new<T: Serialize>(id: String, value: &T) -> Result<DocRow, StoreError> {
        let doc = serde_json::to_string(value).map_err(|e| StoreError::Failed(e.to_string()))?;
        Ok(DocRow {
            id,
            v: DOC_FORMAT,
            doc,
        })
    }

    pub fn of_doc(id: String, doc: &KeptDoc) -> Result<DocRow, StoreError> {
        Self::new(id, doc)
    }

    /// The value alone, as layout 1 kept it.
    pub fn read<T: DeserializeOwned>(&self) -> Result<T, StoreError> {
        serde_json::from_str(&self.doc).map_err(|e| self.damaged(e))
    }

    /// The document with its history; a layout 1 row is its value's first
    /// revision (the value's JSON as it was stored).
    pub fn read_doc(&self) -> Result<KeptDoc, StoreError> {
        match self.v {
            1 => Ok(KeptDoc::new(self.doc.clone())),
            DOC_FORMAT => serde_json::from_str(&self.doc).map_err(|e| self.damaged(e)),
            found => Err(StoreError::TooNew {
                found,
                supported: DOC_FORMAT,
            }),
        }
    }

    fn damaged(&self, error: serde_json::Error) -> StoreError {
        StoreError::Corrupt(format!("{} {}: {error}", self.id, self.v))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::history::{json_of, kept_doc};
    use crate::domain::member::{Member, ParticipationLevel};
    use crate::domain::{IdSource, SeededIds, Timestamp};
    use crate::store::kept::read_all_kept;

    fn member() -> Member {
        Member {
            id: SeededIds::new(9).next_id(),
            name: "Zoë".into(),
            level: ParticipationLevel::Active,
            knows: Vec::new(),
            learning: Vec::new(),
            joined: Timestamp(5),
        }
    }

    #[test]
    fn documents_round_trip_and_old_rows_read_as_their_first_revision() {
        let mut doc = kept_doc(&member());
        let renamed = Member {
            name: "Zoë K.".into(),
            ..member()
        };
        doc.edit(&doc.rev(), json_of(&renamed)).expect("edits");
        let row = DocRow::of_doc(member().id.to_string(), &doc).expect("serializes");
        assert_eq!(row.read_doc().expect("reads"), doc);
        let old = DocRow {
            v: 1,
            ..DocRow::new("a".into(), &member()).expect("serializes")
        };
        assert_eq!(old.read_doc().expect("reads"), kept_doc(&member()));
    }

    #[test]
    fn damaged_rows_hide_alone_and_newer_rows_stop_everything() {
        let good = DocRow::of_doc("a".into(), &kept_doc(&member())).expect("serializes");
        let bad = DocRow {
            doc: "{".into(),
            ..good.clone()
        };
        let mut unreadable = Vec::new();
        let all = |_: &str| true;
        let members = read_all_kept("members", [Ok(bad), Ok(good.clone())], all, &mut unreadable)
            .expect("reads");
        assert_eq!(members, vec![("members:a".to_owned(), kept_doc(&member()))]);
        assert_eq!(unreadable.len(), 1);
        let newer = DocRow {
            v: DOC_FORMAT + 1,
            ..good
        };
        assert!(matches!(
            read_all_kept("members", [Ok(newer)], all, &mut Vec::new()),
            Err(StoreError::TooNew { .. })
        ));
    }
}
