//! How a record is laid out in IndexedDB. The fields the indices need (kind,
//! status, updated, topics, author) sit at the top level; the record itself
//! is one JSON text, because the browser parses a string far faster than it
//! converts a nested object across the wasm boundary, and because a versioned
//! text can be migrated by plain Rust.

use super::error::StoreError;
use crate::domain::Record;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The layout of `doc`. Raise it when `Record`'s serialized shape changes and
/// add the step in `migrate_doc`.
pub const RECORD_FORMAT: u32 = 1;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RecordRow {
    pub id: String,
    pub kind: String,
    pub status: String,
    /// Last activity, ms since the epoch: the `updated` index sorts by it.
    pub updated: f64,
    pub topics: Vec<String>,
    pub author: String,
    pub v: u32,
    pub doc: String,
}

impl RecordRow {
    pub fn from_record(record: &Record) -> Result<RecordRow, StoreError> {
        let doc = serde_json::to_string(record).map_err(|e| StoreError::Failed(e.to_string()))?;
        Ok(RecordRow {
            id: record.id.to_string(),
            kind: record.kind().slug().to_owned(),
            status: record.status.slug().to_owned(),
            updated: record.last_activity().millis() as f64,
            topics: record
                .topics
                .iter()
                .map(|t| t.as_str().to_owned())
                .collect(),
            author: record.author.clone(),
            v: RECORD_FORMAT,
            doc,
        })
    }

    pub fn into_record(self) -> Result<Record, StoreError> {
        if self.v > RECORD_FORMAT {
            return Err(StoreError::TooNew {
                found: self.v,
                supported: RECORD_FORMAT,
            });
        }
        let corrupt =
            |e: serde_json::Error| StoreError::Corrupt(format!("record {}: {e}", self.id));
        // Current rows are read straight from their text; older ones go
        // through the migration as a JSON tree and back to text, so the
        // record's serde code exists once in the bundle (for text).
        if self.v == RECORD_FORMAT {
            return serde_json::from_str(&self.doc).map_err(corrupt);
        }
        let value: Value = serde_json::from_str(&self.doc).map_err(corrupt)?;
        let text = migrate_doc(self.v, value).to_string();
        serde_json::from_str(&text).map_err(corrupt)
    }

    /// Whether the stored layout is older than this code writes.
    pub fn is_outdated(&self) -> bool {
        self.v < RECORD_FORMAT
    }
}

/// What reading the stored rows gave: the records, and a description of
/// each row that could not be read (kept in storage, left out of the app).
#[derive(Debug, Default, PartialEq)]
pub struct Loaded {
    pub records: Vec<Record>,
    pub unreadable: Vec<String>,
}

impl Loaded {
    /// Reads one stored row: one damaged row hides only itself. A row from a
    /// newer version stops everything: this code must not work on newer data.
    pub fn take(&mut self, row: Result<RecordRow, StoreError>) -> Result<(), StoreError> {
        match row.and_then(RecordRow::into_record) {
            Ok(record) => self.records.push(record),
            Err(error @ StoreError::TooNew { .. }) => return Err(error),
            Err(error) => self.unreadable.push(error.to_string()),
        }
        Ok(())
    }

    /// Every row was taken: the records, most recently active first.
    pub fn finish(mut self) -> Loaded {
        super::repository::sort_recent_first(&mut self.records);
        self
    }
}

/// Reads rows one by one (see `Loaded::take`).
pub fn read_rows(
    rows: impl IntoIterator<Item = Result<RecordRow, StoreError>>,
) -> Result<Loaded, StoreError> {
    let mut loaded = Loaded::default();
    for row in rows {
        loaded.take(row)?;
    }
    Ok(loaded.finish())
}

/// Brings a record document of layout `from` up to `RECORD_FORMAT`, one step
/// at a time, so data written by any earlier release keeps loading.
fn migrate_doc(from: u32, value: Value) -> Value {
    // Layout 1 is the first; later layouts add `if from < N { … }` steps here.
    let _ = from;
    value
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{ActivityKind, IdSource, RecordForm, SeededIds, Timestamp};

    fn sample() -> Record {
        let mut form = RecordForm {
            title: "Handover misses allergies".into(),
            author: "Ana".into(),
            topics: "Handover, Safety".into(),
            ..RecordForm::default()
        };
        form.values
            .insert("goal".into(), "Allergies reach the night shift".into());
        form.values
            .insert("stuck_on".into(), "Late admissions".into());
        let mut ids = SeededIds::new(1);
        Record::create(
            ActivityKind::ProblemSolving,
            &form,
            ids.next_id(),
            Timestamp(1_700_000_000_000),
        )
        .expect("valid form")
    }

    #[test]
    fn rows_carry_index_fields_and_round_trip() {
        let record = sample();
        let row = RecordRow::from_record(&record).expect("serializes");
        assert_eq!(row.kind, "problem-solving");
        assert_eq!(row.status, "open");
        assert_eq!(row.topics, ["handover", "safety"]);
        assert_eq!(row.updated, 1_700_000_000_000.0);
        assert!(!row.is_outdated());
        assert_eq!(row.into_record().expect("reads back"), record);
    }

    #[test]
    fn rows_from_a_newer_version_are_refused_not_misread() {
        let mut row = RecordRow::from_record(&sample()).expect("serializes");
        row.v = RECORD_FORMAT + 1;
        assert_eq!(
            row.into_record(),
            Err(StoreError::TooNew {
                found: RECORD_FORMAT + 1,
                supported: RECORD_FORMAT
            })
        );
    }

    #[test]
    fn one_damaged_row_hides_only_itself() {
        let good = RecordRow::from_record(&sample()).expect("serializes");
        let mut bad = good.clone();
        bad.doc = "not json".into();
        let loaded = read_rows([Ok(bad), Err(StoreError::Corrupt("no id".into())), Ok(good)])
            .expect("reads");
        assert_eq!(loaded.records, vec![sample()]);
        assert_eq!(loaded.unreadable.len(), 2);
        let mut newer = RecordRow::from_record(&sample()).expect("serializes");
        newer.v = RECORD_FORMAT + 1;
        assert!(matches!(
            read_rows([Ok(newer)]),
            Err(StoreError::TooNew { .. })
        ));
    }

    #[test]
    fn damaged_rows_are_reported_as_corrupt() {
        let mut row = RecordRow::from_record(&sample()).expect("serializes");
        row.doc = "{\"id\": 3".into();
        assert!(matches!(row.into_record(), Err(StoreError::Corrupt(_))));
    }
}
