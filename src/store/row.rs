//! How a record is laid out in IndexedDB. The one field an index needs
//! (`updated`) sits at the top level; the record itself is one JSON text, because the browser parses a string far faster than it
//! converts a nested object across the wasm boundary, and because a versioned
//! text can be migrated by plain Rust.

use super::error::StoreError;
use crate::domain::history::{History, RecordDoc, Rev};
use crate::domain::{Id, Record};
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The layout of `doc`. Raise it when `Record`'s serialized shape changes and
/// add the step in `migrate_doc`. Layout 2 adds the history (`rev`,
/// `hist`, `deleted`, `conflicts`); layout 1 rows are read as records of
/// one revision, derived from their content.
pub const RECORD_FORMAT: u32 = 2;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RecordRow {
    pub id: String,
    /// Last activity, ms since the epoch: the `updated` index sorts by it.
    /// Left out of a deleted record's row, so the index does not hold it.
    /// (Rows of layout 1 also have `kind`, `status`, `topics` and
    /// `author`, for indices dropped since; they are ignored.)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated: Option<f64>,
    pub v: u32,
    /// The record shown, as JSON text; for a deleted record, the version
    /// deleted (its contributions stay with the record's history).
    pub doc: String,
    /// The revision shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rev: Option<String>,
    /// The history (`domain::history::History`) as JSON text: read only
    /// to write, so that loading reads no more than the record.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hist: Option<String>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub deleted: bool,
    /// Live versions beside the one shown, waiting for a member.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub conflicts: u32,
}

fn is_false(value: &bool) -> bool {
    !*value
}

fn is_zero(value: &u32) -> bool {
    *value == 0
}

/// What the app keeps beside a record it shows: the revision an edit of
/// it starts from, and how many other versions wait to be reconciled.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Version {
    pub rev: Rev,
    pub conflicts: u32,
}

fn failed(e: serde_json::Error) -> StoreError {
    StoreError::Failed(e.to_string())
}

impl RecordRow {
    /// The row of a record with its history. `deleted_version` is what a
    /// deleted record's row keeps (the version deleted; `None` for a
    /// deletion that came from another copy of a record never held here:
    /// the row keeps only its history).
    pub fn from_doc(
        doc: &RecordDoc,
        deleted_version: Option<&Record>,
    ) -> Result<RecordRow, StoreError> {
        let shown = doc.shown();
        let history = doc.history();
        let Some(record) = shown.as_ref().or(deleted_version) else {
            return Ok(RecordRow {
                id: doc.id.to_string(),
                updated: None,
                v: RECORD_FORMAT,
                doc: String::new(),
                rev: Some(doc.rev().to_string()),
                hist: Some(serde_json::to_string(&history).map_err(failed)?),
                deleted: true,
                conflicts: 0,
            });
        };
        let live = shown.is_some();
        Ok(RecordRow {
            id: record.id.to_string(),
            updated: live.then(|| record.last_activity().millis() as f64),
            v: RECORD_FORMAT,
            doc: serde_json::to_string(record).map_err(failed)?,
            rev: Some(doc.rev().to_string()),
            conflicts: history.others.len() as u32,
            hist: Some(serde_json::to_string(&history).map_err(failed)?),
            deleted: !live,
        })
    }

    /// A new record's row: its first revision.
    pub fn from_record(record: &Record) -> Result<RecordRow, StoreError> {
        Self::from_doc(&RecordDoc::new(record), Some(record))
    }

    fn corrupt(&self, detail: impl std::fmt::Display) -> StoreError {
        StoreError::Corrupt(format!("record {}: {detail}", self.id))
    }

    /// The record this row keeps (shown, or for a deleted record the
    /// version deleted).
    fn check_layout(&self) -> Result<(), StoreError> {
        if self.v > RECORD_FORMAT {
            return Err(StoreError::TooNew {
                found: self.v,
                supported: RECORD_FORMAT,
            });
        }
        Ok(())
    }

    fn record(&self) -> Result<Record, StoreError> {
        self.check_layout()?;
        // Layouts 1 and 2 keep the record's JSON in one shape: it is read
        // straight from its text. A layout that changes that shape goes
        // through the migration as a JSON tree and back to text, so the
        // record's serde code exists once in the bundle (for text).
        if self.v >= 1 {
            return serde_json::from_str(&self.doc).map_err(|e| self.corrupt(e));
        }
        let value: Value = serde_json::from_str(&self.doc).map_err(|e| self.corrupt(e))?;
        let text = migrate_doc(self.v, value).to_string();
        serde_json::from_str(&text).map_err(|e| self.corrupt(e))
    }

    /// The record shown and its version; `None` for a deleted record.
    pub fn into_record(self) -> Result<Option<(Record, Version)>, StoreError> {
        if self.deleted {
            // Read all the same: a newer layout must stop the reading.
            return self.check_layout().map(|()| None);
        }
        let record = self.record()?;
        let version = match &self.rev {
            Some(rev) => Version {
                rev: Rev::parse(rev).ok_or_else(|| self.corrupt("its revision is unreadable"))?,
                conflicts: self.conflicts,
            },
            None => Version {
                rev: RecordDoc::new(&record).rev(),
                conflicts: 0,
            },
        };
        Ok(Some((record, version)))
    }

    /// The record with its history, to write a change to it; and the
    /// record the row keeps (for a deleted one, the version deleted, when
    /// known).
    pub fn into_doc(self) -> Result<(RecordDoc, Option<Record>), StoreError> {
        let record = if self.deleted && self.doc.is_empty() {
            self.check_layout()?;
            None
        } else {
            Some(self.record()?)
        };
        let doc = match (&self.hist, &record) {
            (None, Some(record)) => RecordDoc::new(record),
            (None, None) => return Err(self.corrupt("it has neither content nor history")),
            (Some(text), _) => {
                let history: History = serde_json::from_str(text).map_err(|e| self.corrupt(e))?;
                let id = Id::parse_exact(&self.id).ok_or_else(|| self.corrupt("its id"))?;
                RecordDoc::from_history(id, history, record.as_ref())
                    .ok_or_else(|| self.corrupt("its history does not fit the record"))?
            }
        };
        Ok((doc, record))
    }

    /// Whether the stored layout is older than this code writes.
    pub fn is_outdated(&self) -> bool {
        self.v < RECORD_FORMAT
    }
}

/// What reading the stored rows gave: the records, their versions, and a
/// description of each row that could not be read (kept in storage, left
/// out of the app). Deleted records are left out.
#[derive(Debug, Default, PartialEq)]
pub struct Loaded {
    pub records: Vec<Record>,
    pub versions: FxHashMap<Id, Version>,
    pub unreadable: Vec<String>,
}

impl Loaded {
    /// Reads one stored row: one damaged row hides only itself. A row from a
    /// newer version stops everything: this code must not work on newer data.
    pub fn take(&mut self, row: Result<RecordRow, StoreError>) -> Result<(), StoreError> {
        match row.and_then(RecordRow::into_record) {
            Ok(Some((record, version))) => {
                self.versions.insert(record.id, version);
                self.records.push(record);
            }
            Ok(None) => {}
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
        assert_eq!(row.updated, Some(1_700_000_000_000.0));
        assert!(!row.is_outdated());
        let rev = RecordDoc::new(&record).rev();
        assert_eq!(row.rev.as_deref(), Some(rev.to_string().as_str()));
        assert_eq!(
            row.into_record().expect("reads back"),
            Some((record, Version { rev, conflicts: 0 }))
        );
    }

    #[test]
    fn a_row_of_layout_1_is_a_record_of_one_derived_revision() {
        let record = sample();
        let row = RecordRow {
            id: record.id.to_string(),
            updated: Some(1.0),
            v: 1,
            doc: serde_json::to_string(&record).expect("serializes"),
            rev: None,
            hist: None,
            deleted: false,
            conflicts: 0,
        };
        assert!(row.is_outdated());
        let (_, version) = row.clone().into_record().expect("reads").expect("live");
        assert_eq!(version.rev, RecordDoc::new(&record).rev());
        let (doc, kept) = row.into_doc().expect("reads");
        assert_eq!(doc, RecordDoc::new(&record));
        assert_eq!(kept, Some(record));
    }

    #[test]
    fn a_deleted_record_leaves_every_index_and_the_list() {
        let record = sample();
        let mut doc = RecordDoc::new(&record);
        let rev = doc.rev();
        doc.delete(&rev).expect("current");
        let row = RecordRow::from_doc(&doc, Some(&record)).expect("serializes");
        assert!(row.deleted);
        assert_eq!(row.updated, None, "out of the index");
        assert_eq!(row.clone().into_record().expect("reads"), None);
        let (back, kept) = row.into_doc().expect("reads");
        assert_eq!(back, doc);
        assert_eq!(kept, Some(record), "the version deleted stays for undo");
        // A deletion from another copy of a record never held here keeps
        // only its history, and reads back.
        let row = RecordRow::from_doc(&doc, None).expect("serializes");
        assert!(row.deleted && row.doc.is_empty());
        assert_eq!(row.clone().into_record().expect("reads"), None);
        assert_eq!(
            row.into_doc().expect("reads"),
            (
                RecordDoc {
                    contributions: Vec::new(),
                    ..doc
                },
                None
            )
        );
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
        let mut bad_history = good.clone();
        bad_history.rev = Some("nonsense".into());
        let loaded = read_rows([
            Ok(bad),
            Err(StoreError::Corrupt("no id".into())),
            Ok(bad_history),
            Ok(good),
        ])
        .expect("reads");
        assert_eq!(loaded.records, vec![sample()]);
        assert_eq!(loaded.unreadable.len(), 3);
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
        let mut row = RecordRow::from_record(&sample()).expect("serializes");
        row.hist = Some("{\"t\": []}".into());
        assert!(matches!(row.into_doc(), Err(StoreError::Corrupt(_))));
    }
}
