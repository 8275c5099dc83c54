use crate::domain::history::Rev;
use crate::domain::Record;
use std::fmt;

/// Why the repertoire could not be read or written, in words for members.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreError {
    /// The browser offers no IndexedDB here, or refuses it (private mode,
    /// blocked site data, a sandboxed frame).
    Unavailable(String),
    /// Another tab keeps an older version of the database open.
    Blocked,
    /// The browser's storage quota is used up.
    QuotaExceeded,
    /// The database was written by a newer version of Repertoire.
    TooNew { found: u32, supported: u32 },
    /// Another tab opened a newer version of the database, so this tab let go
    /// of its connection.
    Superseded,
    /// A stored record could not be read back.
    Corrupt(String),
    /// The member stopped an import; nothing was written.
    Cancelled,
    /// An earlier change to the same record is still being written: a
    /// second one would start from the record as it was and undo it.
    StillSaving,
    /// The record changed since the version the change was made from
    /// (another tab, an import): nothing was written over it. What is
    /// stored now: the record shown (`None` once deleted) and its revision
    /// (`None` when the record is not stored at all).
    Changed {
        current: Option<Box<Record>>,
        rev: Option<Rev>,
    },
    /// A member, round answer or the profile changed since the version the
    /// change was made from: nothing was written over it. The revision
    /// stored now (`None` when it is not stored).
    Outdated { rev: Option<Rev> },
    /// Any other failure the browser reported.
    Failed(String),
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::Unavailable(detail) => write!(
                f,
                "This browser does not let Repertoire store data here ({detail}). Private windows, blocked site data or a restricted frame can cause this. Open Repertoire in a normal window, or allow site data for this page."
            ),
            StoreError::Blocked => f.write_str(
                "Another tab still has an older version of Repertoire open. Close or reload the other tabs, then reload this one.",
            ),
            StoreError::QuotaExceeded => f.write_str(
                "The browser's storage for this site is full, so nothing was saved. Free some space (export and remove old material, or clear other sites' data) and try again.",
            ),
            StoreError::Superseded => f.write_str(
                "A newer version of Repertoire was opened in another tab, so this tab stopped using the repertoire. Reload this page to continue; nothing was lost.",
            ),
            StoreError::TooNew { found, supported } => write!(
                f,
                "This repertoire was saved by a newer version of Repertoire (data version {found}; this page reads up to {supported}). Reload to get the newer version; nothing was changed."
            ),
            StoreError::Corrupt(detail) => write!(f, "A stored record could not be read ({detail}). The rest of the repertoire is unaffected."),
            StoreError::Cancelled => f.write_str("The import was cancelled. Nothing was written; the repertoire is as it was."),
            StoreError::StillSaving => f.write_str("The previous change to this record is still being saved: try again in a moment."),
            StoreError::Changed { current: Some(_), .. } => f.write_str("This record was changed since you opened it (in another tab or by an import), so your version was not written over it."),
            StoreError::Changed { current: None, rev: Some(_) } => f.write_str("This record was deleted since you opened it (in another tab or by an import), so your version was not written."),
            StoreError::Changed { current: None, rev: None } => f.write_str("This record is not stored in this browser any more, so your version was not written."),
            StoreError::Outdated { rev: Some(_) } => f.write_str("This was changed meanwhile (in another tab or by an import), so your version was not written over it. The version stored now is shown; what you wrote is still here: save again to put yours on top of it."),
            StoreError::Outdated { rev: None } => f.write_str("This is not stored in this browser any more, so your version was not written."),
            StoreError::Failed(detail) => write!(f, "The browser's storage reported a problem: {detail}. Nothing was saved; try again."),
        }
    }
}

impl std::error::Error for StoreError {}
