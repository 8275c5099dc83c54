//! The rules of every write to a record, shared by both repositories: a
//! write reads the record's history, applies one change to it, and writes
//! it back, or refuses and says what is stored now.

use super::error::StoreError;
use super::row::{RecordRow, Version};
use crate::domain::history::{RecordDoc, Rev, Stale};
use crate::domain::Record;

/// One change to a record.
#[derive(Clone, Copy, Debug)]
pub enum Write<'a> {
    Save(&'a Record, Option<&'a Rev>),
    KeepBoth(&'a Record, &'a Rev),
    Resolve(&'a Record, &'a Rev),
    Delete(&'a Rev),
}

/// The row after `write`, given the row stored now (if any). `Ok(None)`
/// when nothing changes.
pub fn apply(stored: Option<RecordRow>, write: Write<'_>) -> Result<Option<RecordRow>, StoreError> {
    let Some(row) = stored else {
        return match write {
            Write::Save(record, None) => RecordRow::from_record(record).map(Some),
            _ => Err(StoreError::Changed {
                current: None,
                rev: None,
            }),
        };
    };
    let (mut doc, kept) = row.into_doc()?;
    // The version a deletion keeps: the one shown before it.
    let kept = doc.shown().or(kept);
    let stale = |doc: &RecordDoc, _: Stale| StoreError::Changed {
        current: doc.shown().map(Box::new),
        rev: Some(doc.rev()),
    };
    let before = doc.clone();
    match write {
        // A new record whose id is taken: someone else's record.
        Write::Save(_, None) => return Err(stale(&doc, Stale { current: doc.rev() })),
        Write::Save(record, Some(base)) => {
            doc.save(base, record).map_err(|e| stale(&before, e))?;
        }
        Write::KeepBoth(record, base) => {
            doc.keep_both(base, record).ok_or_else(|| {
                stale(
                    &before,
                    Stale {
                        current: before.rev(),
                    },
                )
            })?;
        }
        Write::Resolve(record, base) => {
            doc.resolve(base, record).map_err(|e| stale(&before, e))?;
        }
        Write::Delete(base) => {
            doc.delete(base).map_err(|e| stale(&before, e))?;
        }
    }
    if doc == before {
        return Ok(None);
    }
    RecordRow::from_doc(&doc, kept.as_ref()).map(Some)
}

/// The version a row shows (a deleted record's tombstone, with no
/// conflicts), from the fields a row of layout 2 keeps for it: nothing is
/// parsed again. A row of layout 1, left as it was, derives it.
pub fn version_of(row: &RecordRow) -> Result<Version, StoreError> {
    match row.rev.as_deref().map(Rev::parse) {
        Some(Some(rev)) => Ok(Version {
            rev,
            conflicts: row.conflicts,
        }),
        Some(None) => Err(StoreError::Corrupt(format!(
            "record {}: its revision is unreadable",
            row.id
        ))),
        None => Ok(Version {
            rev: row.clone().into_doc()?.0.rev(),
            conflicts: 0,
        }),
    }
}
