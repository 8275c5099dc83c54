//! How members, self-assessment rounds and the community profile are laid
//! out in IndexedDB: an id, a layout version and the value as JSON text.
//! The same shape as record rows (see `row.rs`), for the same reasons: one
//! string crosses the wasm boundary, and plain Rust can migrate old layouts.

use super::error::StoreError;
use serde::{de::DeserializeOwned, Deserialize, Serialize};

/// The layout of `doc` for members, rounds and the profile.
pub const DOC_FORMAT: u32 = 1;

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

    pub fn read<T: DeserializeOwned>(&self) -> Result<T, StoreError> {
        if self.v > DOC_FORMAT {
            return Err(StoreError::TooNew {
                found: self.v,
                supported: DOC_FORMAT,
            });
        }
        serde_json::from_str(&self.doc)
            .map_err(|e| StoreError::Corrupt(format!("{} {}: {e}", self.id, self.v)))
    }
}

/// Reads rows one by one: a damaged row is reported and left out, a row from
/// a newer version stops everything (this code must not rewrite newer data).
pub fn read_docs<T: DeserializeOwned>(
    rows: impl IntoIterator<Item = Result<DocRow, StoreError>>,
    unreadable: &mut Vec<String>,
) -> Result<Vec<T>, StoreError> {
    let mut values = Vec::new();
    for row in rows {
        match row.and_then(|row| row.read()) {
            Ok(value) => values.push(value),
            Err(error @ StoreError::TooNew { .. }) => return Err(error),
            Err(error) => unreadable.push(error.to_string()),
        }
    }
    Ok(values)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::member::{Member, ParticipationLevel};
    use crate::domain::{IdSource, SeededIds, Timestamp};

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
    fn values_round_trip() {
        let row = DocRow::new(member().id.to_string(), &member()).expect("serializes");
        assert_eq!(row.read::<Member>().expect("reads"), member());
    }

    #[test]
    fn damaged_rows_hide_alone_and_newer_rows_stop_everything() {
        let good = DocRow::new("a".into(), &member()).expect("serializes");
        let bad = DocRow {
            doc: "{".into(),
            ..good.clone()
        };
        let mut unreadable = Vec::new();
        let members: Vec<Member> =
            read_docs([Ok(bad), Ok(good.clone())], &mut unreadable).expect("reads");
        assert_eq!(members, vec![member()]);
        assert_eq!(unreadable.len(), 1);
        let newer = DocRow {
            v: DOC_FORMAT + 1,
            ..good
        };
        assert!(matches!(
            read_docs::<Member>([Ok(newer)], &mut Vec::new()),
            Err(StoreError::TooNew { .. })
        ));
    }
}
