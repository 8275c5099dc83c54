//! What importing a file into the data already here would write. Records
//! merge by their histories (`domain::history`): the union of both
//! revision trees, so every version either side made is kept, the same
//! winner shows on both, versions both sides changed become a conflict on
//! the same record, and a deletion stays a deletion. No clock decides.
//! Members, rounds, each member's answers and the profile are documents
//! too, merged the same way (and merged again with what is stored when
//! written), so a member edited on both sides keeps both versions.

use super::community::{kept_docs_of, KeptKind};
use crate::domain::exchange::ExportFile;
use crate::domain::history::{KeptDoc, RecordDoc};
use crate::domain::id::Id;
use rustc_hash::{FxHashMap, FxHashSet};

/// The data already in the browser.
#[derive(Clone, Copy, Debug)]
pub struct Local<'a> {
    /// Every record with its history, deleted ones included.
    pub docs: &'a FxHashMap<Id, RecordDoc>,
    /// Every community document with its history, by name.
    pub community: &'a [(String, KeptDoc)],
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Only in the file.
    New,
    /// Here and in the file; the file brings revisions or contributions.
    Updated,
    /// The file brings nothing this record does not already hold.
    Unchanged,
    /// Both sides changed the record: both versions are kept on the
    /// record, for members to resolve.
    Conflict,
    /// Shown here, deleted in the file's copy: deleted here too.
    Deleted,
    /// A deletion of a record never held here: kept, so that the record
    /// does not come back from an older copy.
    DeletedElsewhere,
}

/// What happens to one record of the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordMerge {
    pub id: Id,
    /// The title the record will have here (empty for a deletion of a
    /// record never held here).
    pub title: String,
    pub outcome: Outcome,
    /// What to write under `id`; `None` when nothing changes.
    pub write: Option<RecordDoc>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MergePlan {
    /// One entry per record of the file, in the file's order, deleted
    /// records last.
    pub records: Vec<RecordMerge>,
    /// The file's members that are new here or differ from the member
    /// shown here, with their history, under the keys they are kept by:
    /// merged with the stored ones when written (both versions kept when
    /// both sides changed one).
    pub members: Vec<(String, KeptDoc)>,
    /// The file's round heads and answers that are new or differ.
    pub rounds: Vec<(String, KeptDoc)>,
    pub answers: Vec<(String, KeptDoc)>,
    /// How many rounds gain or change something.
    pub rounds_changed: usize,
    /// The profile, when the file brings something to it.
    pub profile: Option<(String, KeptDoc)>,
    /// Both sides changed the profile: both versions are kept, and every
    /// copy shows the same one.
    pub profile_differs: bool,
    /// Members both sides changed: both versions are kept on the member.
    pub member_conflicts: usize,
    /// Records by outcome.
    pub counts: Counts,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub new: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub conflicts: usize,
    pub deleted: usize,
}

impl Counts {
    fn add(&mut self, outcome: &Outcome) {
        match outcome {
            Outcome::New => self.new += 1,
            Outcome::Updated => self.updated += 1,
            Outcome::Unchanged | Outcome::DeletedElsewhere => self.unchanged += 1,
            Outcome::Conflict => self.conflicts += 1,
            Outcome::Deleted => self.deleted += 1,
        }
    }
}

/// What a plan would change, in the few figures and titles a member
/// confirms: small enough to pass from the thread that planned it to the
/// page that shows it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    pub counts: Counts,
    /// Record rows to write.
    pub rows: usize,
    /// Members to add, change or delete.
    pub members: usize,
    /// Self-assessment rounds to add or update.
    pub rounds: usize,
    /// The file changes the profile (sets it, or edits the one here).
    pub profile_from_file: bool,
    /// Both sides changed the profile: both versions are kept.
    pub profile_differs: bool,
    /// Members both sides changed.
    pub member_conflicts: usize,
    /// Titles of the records both sides changed.
    pub conflicts: Vec<String>,
}

impl Summary {
    /// Rows the import would write; zero means there is nothing to import.
    pub fn writes(&self) -> usize {
        self.rows
            + self.members
            + self.rounds
            + usize::from(self.profile_from_file || self.profile_differs)
    }
}

impl MergePlan {
    pub fn summary(&self) -> Summary {
        Summary {
            counts: self.counts,
            rows: self.records.iter().filter(|r| r.write.is_some()).count(),
            members: self.members.len(),
            rounds: self.rounds_changed,
            profile_from_file: self.profile.is_some() && !self.profile_differs,
            profile_differs: self.profile_differs,
            member_conflicts: self.member_conflicts,
            conflicts: self
                .records
                .iter()
                .filter(|r| r.outcome == Outcome::Conflict)
                .map(|r| r.title.clone())
                .collect(),
        }
    }
}

/// Every record of a file (`read_export` accepted it) with its history:
/// the records shown first, in the file's order, then the deleted ones. A
/// record without a history is a record of one revision.
pub fn docs_of(file: &ExportFile) -> Vec<RecordDoc> {
    let histories: FxHashMap<Id, &crate::domain::history::History> =
        file.history.iter().map(|(id, h)| (*id, h)).collect();
    let mut docs: Vec<RecordDoc> = file
        .records
        .iter()
        .map(|record| {
            // A derived first revision matches its content by construction.
            let Some(mut doc) = histories
                .get(&record.id)
                .and_then(|h| RecordDoc::from_parts((*h).clone(), record))
            else {
                return RecordDoc::new(record);
            };
            doc.adopt_outside_edit();
            doc
        })
        .collect();
    let shown: FxHashSet<Id> = file.records.iter().map(|r| r.id).collect();
    docs.extend(
        file.history
            .iter()
            .filter(|(id, _)| !shown.contains(id))
            .filter_map(|(id, h)| RecordDoc::from_history(*id, h.clone(), None)),
    );
    docs
}

/// The merge of `imported` (a file `read_export` accepted) into `local`.
/// Writes nothing.
pub fn plan_merge(local: &Local<'_>, imported: &ExportFile) -> MergePlan {
    let mut plan = MergePlan::default();
    for theirs in docs_of(imported) {
        let merge = merge_record(local.docs.get(&theirs.id), theirs);
        plan.counts.add(&merge.outcome);
        plan.records.push(merge);
    }

    plan_community(&mut plan, local.community, imported);
    plan
}

/// The file's community documents merged with the ones here: each one
/// that gains something, merged (the write merges again with what is
/// stored then, so nothing written meanwhile is lost).
fn plan_community(plan: &mut MergePlan, here: &[(String, KeptDoc)], imported: &ExportFile) {
    let ours: FxHashMap<&str, &KeptDoc> = here.iter().map(|(n, d)| (n.as_str(), d)).collect();
    let mut rounds = FxHashSet::default();
    for (name, theirs) in kept_docs_of(imported) {
        let (Some(kind), Some((_, key))) = (KeptKind::of(&name), name.split_once(':')) else {
            continue;
        };
        let ours = ours.get(name.as_str()).copied();
        let merged = match ours {
            None => theirs,
            Some(ours) => {
                let mut merged = ours.clone();
                if !merged.merge(&theirs) {
                    continue;
                }
                merged
            }
        };
        let conflict = merged.conflicts().len() > ours.map_or(0, |o| o.conflicts().len());
        let entry = (key.to_owned(), merged);
        match kind {
            KeptKind::Member(_) => {
                plan.member_conflicts += usize::from(conflict);
                plan.members.push(entry);
            }
            KeptKind::Round(round) => {
                rounds.insert(round);
                plan.rounds.push(entry);
            }
            KeptKind::Answer { round, .. } => {
                rounds.insert(round);
                plan.answers.push(entry);
            }
            KeptKind::Profile => {
                plan.profile_differs = conflict;
                plan.profile = Some(entry);
            }
        }
    }
    plan.rounds_changed = rounds.len();
}

/// The title shown, read from the winning fields: assembling the record
/// with its contributions would copy every one of them, for each record
/// of the file.
fn title_of(doc: &RecordDoc, or: Option<&RecordDoc>) -> String {
    doc.fields
        .body()
        .or_else(|| or.and_then(|o| o.fields.body()))
        .map(|r| r.title.clone())
        .unwrap_or_default()
}

fn merge_record(ours: Option<&RecordDoc>, theirs: RecordDoc) -> RecordMerge {
    let Some(ours) = ours else {
        let outcome = if theirs.is_deleted() {
            Outcome::DeletedElsewhere
        } else {
            Outcome::New
        };
        return RecordMerge {
            id: theirs.id,
            title: title_of(&theirs, None),
            outcome,
            write: Some(theirs),
        };
    };
    let mut merged = ours.clone();
    if !merged.merge(&theirs) {
        return RecordMerge {
            id: ours.id,
            title: title_of(ours, None),
            outcome: Outcome::Unchanged,
            write: None,
        };
    }
    let outcome = if merged.is_deleted() && !ours.is_deleted() {
        Outcome::Deleted
    } else if merged.conflicts().len() > ours.conflicts().len() {
        Outcome::Conflict
    } else {
        Outcome::Updated
    };
    RecordMerge {
        id: ours.id,
        title: title_of(&merged, Some(ours)),
        outcome,
        write: Some(merged),
    }
}
