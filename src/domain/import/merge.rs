//! What importing a file into the data already here would write. Records
//! merge by their histories (`domain::history`): the union of both
//! revision trees, so every version either side made is kept, the same
//! winner shows on both, versions both sides changed become a conflict on
//! the same record, and a deletion stays a deletion. No clock decides.
//! Members, rounds and the profile only add and replace.

use crate::domain::assessment::Round;
use crate::domain::community::CommunityProfile;
use crate::domain::exchange::ExportFile;
use crate::domain::history::RecordDoc;
use crate::domain::id::Id;
use crate::domain::member::Member;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};

/// The data already in the browser.
#[derive(Clone, Copy, Debug)]
pub struct Local<'a> {
    /// Every record with its history, deleted ones included.
    pub docs: &'a FxHashMap<Id, RecordDoc>,
    pub members: &'a [Member],
    pub rounds: &'a [Round],
    pub profile: Option<&'a CommunityProfile>,
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
    pub members_new: Vec<Member>,
    /// Members of the file that differ from the member of the same id here:
    /// the file's version is written.
    pub members_updated: Vec<Member>,
    pub rounds_new: Vec<Round>,
    /// Rounds here that gain the file's responses.
    pub rounds_updated: Vec<Round>,
    /// The profile to write, when none is set here.
    pub profile: Option<CommunityProfile>,
    /// The file holds a different profile, and the one set here is kept.
    pub profile_kept_local: bool,
    /// Records by outcome.
    pub counts: Counts,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    pub new: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub conflicts: usize,
    #[serde(default)]
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
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    pub counts: Counts,
    /// Record rows to write.
    pub rows: usize,
    /// Members to add or update.
    pub members: usize,
    /// Self-assessment rounds to add or update.
    pub rounds: usize,
    /// The profile comes from the file (none was set here).
    pub profile_from_file: bool,
    /// Titles of the records both sides changed.
    pub conflicts: Vec<String>,
}

impl Summary {
    /// Rows the import would write; zero means there is nothing to import.
    pub fn writes(&self) -> usize {
        self.rows + self.members + self.rounds + usize::from(self.profile_from_file)
    }
}

impl MergePlan {
    pub fn summary(&self) -> Summary {
        Summary {
            counts: self.counts,
            rows: self.records.iter().filter(|r| r.write.is_some()).count(),
            members: self.members_new.len() + self.members_updated.len(),
            rounds: self.rounds_new.len() + self.rounds_updated.len(),
            profile_from_file: self.profile.is_some(),
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

    let members: FxHashMap<Id, &Member> = local.members.iter().map(|m| (m.id, m)).collect();
    for theirs in &imported.members {
        match members.get(&theirs.id) {
            None => plan.members_new.push(theirs.clone()),
            Some(ours) if *ours != theirs => plan.members_updated.push(theirs.clone()),
            Some(_) => {}
        }
    }

    let rounds: FxHashMap<Id, &Round> = local.rounds.iter().map(|r| (r.id, r)).collect();
    for theirs in &imported.rounds {
        match rounds.get(&theirs.id) {
            None => plan.rounds_new.push(theirs.clone()),
            Some(ours) => {
                let merged = merge_round(ours, theirs);
                if merged != **ours {
                    plan.rounds_updated.push(merged);
                }
            }
        }
    }

    match (local.profile, &imported.profile) {
        (None, Some(theirs)) => plan.profile = Some(theirs.clone()),
        (Some(ours), Some(theirs)) => plan.profile_kept_local = ours != theirs,
        (_, None) => {}
    }
    plan
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

/// Our round with the responses of members who answered only in theirs.
fn merge_round(ours: &Round, theirs: &Round) -> Round {
    let mut answered: FxHashSet<Id> = ours.responses.iter().map(|r| r.member).collect();
    let mut responses = ours.responses.clone();
    responses.extend(
        theirs
            .responses
            .iter()
            .filter(|r| answered.insert(r.member))
            .cloned(),
    );
    Round {
        responses,
        ..ours.clone()
    }
}
