//! Importing an export file: the whole file is read and checked before
//! anything is written, then a plan tells what merging it with the data
//! already in the browser would change. `docs/data-format.md`
//! ("Importing") states every rule.

mod check;
mod community;
mod markup;
mod merge;
mod report;
mod shape;
mod validate;

pub use community::{histories_for, kept_docs_of, KeptKind};
pub use markup::find_markup;
pub use merge::{docs_of, plan_merge, Counts, Local, MergePlan, Outcome, RecordMerge, Summary};
pub use report::Report;

use super::exchange::ExportFile;
use super::time::Timestamp;
use super::words::figure;
use serde_json::error::Category;
use std::fmt;

/// Larger files are refused before they are parsed: a parsed file takes
/// several times its size in memory, and a browser tab has little.
/// Room for 100,000 records with their contributions; more is not an export.
pub const MAX_FILE_BYTES: usize = 200 * 1024 * 1024;
pub const MAX_RECORDS: usize = 200_000;
pub const MAX_MEMBERS: usize = 10_000;
pub const MAX_ROUNDS: usize = 1_000;
/// Histories of members, rounds, answers and the profile.
pub const MAX_KEPT: usize = 1_000_000;
/// Per record.
pub const MAX_CONTRIBUTIONS: usize = 10_000;
/// A member reads the first few problems and fixes the file; a thousand
/// would bury them.
pub const MAX_PROBLEMS_SHOWN: usize = 20;
/// 2000-01-01 UTC: Repertoire did not exist before, so an earlier time is
/// a damaged value (a time in seconds instead of milliseconds, say).
pub const EARLIEST: Timestamp = Timestamp(946_684_800_000);
/// 2100-01-01 UTC.
pub const LATEST: Timestamp = Timestamp(4_102_444_800_000);

/// One reason a file cannot be imported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Where: a path such as `records[3].title`, `line 4, column 17` for a
    /// file that is not JSON, or `file` for the file as a whole.
    pub at: String,
    /// What is wrong, in plain words for members.
    pub message: String,
}

/// Why a file was refused: the first problems found, and how many there are.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refusal {
    /// The first `MAX_PROBLEMS_SHOWN` problems, in file order.
    pub problems: Vec<Problem>,
    /// How many problems were found in all.
    pub total: usize,
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.total {
            1 => f.write_str("The file cannot be imported because of one problem:")?,
            total if total > self.problems.len() => write!(
                f,
                "The file cannot be imported because of {} problems; the first {} are:",
                figure(total),
                self.problems.len()
            )?,
            total => write!(
                f,
                "The file cannot be imported because of {} problems:",
                figure(total)
            )?,
        }
        for problem in &self.problems {
            write!(f, "\n- {}: {}", problem.at, problem.message)?;
        }
        Ok(())
    }
}

impl std::error::Error for Refusal {}

/// Every problem is counted; only the first few are kept, so a file with a
/// million bad values costs a counter, not a million messages.
#[derive(Debug, Default)]
struct Problems {
    shown: Vec<Problem>,
    total: usize,
}

impl Problems {
    fn push(&mut self, at: impl Into<String>, message: impl Into<String>) {
        self.total += 1;
        if self.shown.len() < MAX_PROBLEMS_SHOWN {
            self.shown.push(Problem {
                at: at.into(),
                message: message.into(),
            });
        }
    }

    fn is_empty(&self) -> bool {
        self.total == 0
    }

    fn into_refusal(self) -> Refusal {
        Refusal {
            problems: self.shown,
            total: self.total,
        }
    }
}

/// Reads and checks a whole export file. `Ok` only when the file can be
/// imported as it is; otherwise every problem found is counted.
pub fn read_export(text: &str) -> Result<ExportFile, Refusal> {
    if text.len() <= MAX_FILE_BYTES {
        let text = without_mark(text);
        if let Ok(file) = serde_json::from_str::<ExportFile>(text) {
            if check::passes(&file) && shape::lists_in_place(text) {
                return Ok(file);
            }
        }
    }
    read_in_parts(text)
}

/// Some editors save UTF-8 with a byte-order mark, which JSON does not allow.
fn without_mark(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// Reads a file part by part, placing every problem: what `read_export`
/// falls back to when the quick reading finds anything. Public so that
/// tests can hold the two to the same answers.
pub fn read_in_parts(text: &str) -> Result<ExportFile, Refusal> {
    let mut problems = Problems::default();
    if text.len() > MAX_FILE_BYTES {
        problems.push(
            "file",
            format!(
                "The file is {} MB; Repertoire imports files of at most {} MB.",
                text.len().div_ceil(1024 * 1024),
                MAX_FILE_BYTES / (1024 * 1024)
            ),
        );
        return Err(problems.into_refusal());
    }
    let text = without_mark(text);
    let value = match serde_json::from_str(text) {
        Ok(value) => value,
        Err(error) => {
            let (at, message) = not_json(&error);
            problems.push(at, message);
            return Err(problems.into_refusal());
        }
    };
    let file = validate::read_file(&value, &mut problems);
    match file {
        Some(file) if problems.is_empty() => Ok(file),
        _ => {
            if problems.is_empty() {
                // Unreachable by construction; refusing keeps a reader that
                // failed silently from ever dropping data.
                problems.push("file", "The file could not be read.");
            }
            Err(problems.into_refusal())
        }
    }
}

fn not_json(error: &serde_json::Error) -> (String, String) {
    let full = error.to_string();
    let position = format!(" at line {} column {}", error.line(), error.column());
    let detail = full.strip_suffix(&position).unwrap_or(&full);
    let at = if error.line() == 0 {
        "file".to_owned()
    } else {
        format!("line {}, column {}", error.line(), error.column())
    };
    let message = match error.classify() {
        Category::Eof => format!(
            "The file ends too early ({detail}): it is empty, or it was cut off while it was saved or copied."
        ),
        Category::Syntax | Category::Data | Category::Io => format!(
            "This is not valid JSON ({detail}), so it is not a Repertoire export, or it was damaged."
        ),
    };
    (at, message)
}
