//! The export format: one JSON file that holds a whole community, and the
//! Markdown files of its published documents. `docs/data-format.md`
//! describes every field.

use super::assessment::Round;
use super::community::CommunityProfile;
use super::history::{History, KeptDoc};
use super::id::Id;
use super::member::Member;
use super::payload::Payload;
use super::record::Record;
use super::status::Status;
use super::time::Timestamp;
use super::ActivityKind;
use serde::{Deserialize, Serialize};

/// Names the file's kind, so other JSON is recognized as such.
pub const FORMAT_NAME: &str = "repertoire-export";
/// Raise when the file's shape changes; importers refuse versions they do
/// not know. Version 2 adds each record's history, version 3 the
/// community's; older files still import (what has no history is read as
/// documents of one revision).
pub const FORMAT_VERSION: u32 = 3;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportFile {
    pub format: String,
    pub version: u32,
    pub exported_at: Timestamp,
    /// The community namespace the data came from.
    pub namespace: String,
    pub profile: Option<CommunityProfile>,
    pub members: Vec<Member>,
    pub records: Vec<Record>,
    pub rounds: Vec<Round>,
    /// Each record's history, deleted ones included (a deleted record is
    /// here and not in `records`). A record without one is a record of
    /// one revision, derived from its content (every version 1 file).
    #[serde(default)]
    pub history: Vec<(Id, History)>,
    /// Each member, round, answer and the profile as kept, by the
    /// document's name: its revision tree and the JSON text of each live
    /// version, deleted ones included (format 3).
    #[serde(default)]
    pub community_history: Vec<(String, KeptDoc)>,
}

impl ExportFile {
    pub fn new(namespace: &str, now: Timestamp, records: Vec<Record>) -> ExportFile {
        ExportFile {
            format: FORMAT_NAME.to_owned(),
            version: FORMAT_VERSION,
            exported_at: now,
            namespace: namespace.to_owned(),
            profile: None,
            members: Vec::new(),
            records,
            rounds: Vec::new(),
            history: Vec::new(),
            community_history: Vec::new(),
        }
    }

    /// Compact JSON; the browser indents it for people (a second, pretty
    /// serializer would cost the bundle several kilobytes).
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|_| unreachable!("plain data always serializes"))
    }
}

/// A file name from a title: lower-case ASCII words joined by dashes.
pub fn file_stem(title: &str) -> String {
    let mut stem = String::new();
    for word in super::search::fold(title)
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !stem.is_empty() {
            stem.push('-');
        }
        stem.push_str(word);
        if stem.len() > 60 {
            break;
        }
    }
    if stem.is_empty() {
        "document".to_owned()
    } else {
        stem
    }
}

/// `YYYY-MM-DD` (UTC) of a timestamp, for file names and front matter.
pub fn iso_date(at: Timestamp) -> String {
    // Days since the epoch to a civil date (Howard Hinnant's algorithm).
    let days = at.millis().div_euclid(86_400_000);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

/// A published documentation project as a Markdown file: (name, text).
pub fn published_markdown(record: &Record) -> Option<(String, String)> {
    let Payload::DocumentationProject(doc) = &record.payload else {
        return None;
    };
    if record.status != Status::Published || record.kind() != ActivityKind::DocumentationProject {
        return None;
    }
    let mut text = format!("# {}\n\n", record.title);
    text.push_str(&format!(
        "*Published {} · owner: {} · topics: {}*\n\n",
        iso_date(record.updated),
        if doc.owner.is_empty() {
            &record.author
        } else {
            &doc.owner
        },
        super::topic::join_topics(&record.topics)
    ));
    if !doc.recurring_problem.is_empty() {
        text.push_str(&format!(
            "> {}\n\n",
            doc.recurring_problem.replace('\n', "\n> ")
        ));
    }
    text.push_str(doc.document.trim());
    text.push('\n');
    Some((format!("{}.md", file_stem(&record.title)), text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_civil_utc_days() {
        assert_eq!(iso_date(Timestamp(0)), "1970-01-01");
        assert_eq!(iso_date(Timestamp(951_782_400_000)), "2000-02-29");
        assert_eq!(iso_date(Timestamp(1_763_856_000_000)), "2025-11-23");
        assert_eq!(iso_date(Timestamp(-86_400_000)), "1969-12-31");
    }

    #[test]
    fn file_stems_are_safe_and_readable() {
        assert_eq!(
            file_stem("Printer driver: the fix (v2)!"),
            "printer-driver-the-fix-v2"
        );
        assert_eq!(file_stem("École / ../../etc/passwd"), "ecole-etc-passwd");
        assert_eq!(file_stem("🙂 ✨"), "document");
    }
}

/// How long since the last backup, in whole days, when a reminder is due:
/// nothing exported for `interval_days` since the last export or, with no
/// export yet, since this browser began keeping its records (`kept_since`,
/// `None` when it keeps none). `None`: no reminder (nothing to lose,
/// reminders off with 0 days, or not due yet).
pub fn backup_due(
    last_export: Option<Timestamp>,
    kept_since: Option<Timestamp>,
    now: Timestamp,
    interval_days: u32,
) -> Option<u32> {
    let since = last_export.or(kept_since)?;
    if interval_days == 0 || kept_since.is_none() {
        return None;
    }
    let days = (now.millis() - since.millis()).max(0) / 86_400_000;
    (days >= i64::from(interval_days)).then_some(days.min(i64::from(u32::MAX)) as u32)
}

#[cfg(test)]
mod reminder_tests {
    use super::*;

    const DAY: i64 = 86_400_000;

    #[test]
    fn a_reminder_comes_when_the_interval_has_passed() {
        let now = Timestamp(100 * DAY);
        assert_eq!(
            backup_due(Some(Timestamp(80 * DAY)), Some(Timestamp(0)), now, 30),
            None
        );
        assert_eq!(
            backup_due(Some(Timestamp(70 * DAY)), Some(Timestamp(0)), now, 30),
            Some(30)
        );
        assert_eq!(
            backup_due(None, Some(Timestamp(60 * DAY)), now, 30),
            Some(40),
            "counted from the oldest record"
        );
        assert_eq!(backup_due(None, None, now, 30), None, "nothing to back up");
        assert_eq!(
            backup_due(Some(Timestamp(0)), Some(Timestamp(0)), now, 0),
            None,
            "reminders off"
        );
        assert_eq!(
            backup_due(Some(Timestamp(200 * DAY)), Some(Timestamp(0)), now, 30),
            None,
            "clock moved back"
        );
    }
}
