//! What importing a file into the data already here would write. The plan
//! only adds and replaces: every record, contribution, member and response
//! already here is still there once the plan is written.

use crate::domain::assessment::Round;
use crate::domain::community::CommunityProfile;
use crate::domain::contribution::Contribution;
use crate::domain::exchange::ExportFile;
use crate::domain::id::{Id, IdSource};
use crate::domain::member::Member;
use crate::domain::payload::Payload;
use crate::domain::record::{Record, MAX_TITLE_CHARS};
use crate::domain::sorting::sort_by_key;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;

/// Ends the title of the imported side of a conflict, kept as its own record.
pub const CONFLICT_SUFFIX: &str = " (conflicting version from import)";

/// The data already in the browser.
#[derive(Clone, Copy, Debug)]
pub struct Local<'a> {
    pub records: &'a [Record],
    pub members: &'a [Member],
    pub rounds: &'a [Round],
    pub profile: Option<&'a CommunityProfile>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Only in the file.
    New,
    /// Here and in the file; the file brings contributions or newer fields.
    Updated,
    /// The file brings nothing this record does not already hold.
    Unchanged,
    /// Both sides changed the record's fields and nothing tells which
    /// change came last: both versions are kept.
    Conflict,
}

/// What happens to one record of the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordMerge {
    pub id: Id,
    /// The title the record will have here.
    pub title: String,
    pub outcome: Outcome,
    /// What to write under `id`; `None` when nothing changes.
    pub write: Option<Record>,
    /// For a conflict, the file's version as a record of its own (a new
    /// id, the title ending in `CONFLICT_SUFFIX`, a link to `id`), so that
    /// nothing is lost and members can reconcile the two.
    pub kept_copy: Option<Record>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MergePlan {
    /// One entry per record of the file, in the file's order.
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
}

impl Counts {
    fn add(&mut self, outcome: &Outcome) {
        match outcome {
            Outcome::New => self.new += 1,
            Outcome::Updated => self.updated += 1,
            Outcome::Unchanged => self.unchanged += 1,
            Outcome::Conflict => self.conflicts += 1,
        }
    }
}

/// The merge of `imported` (a file `read_export` accepted) into `local`;
/// `ids` names the copies kept for conflicts. Writes nothing.
/// What a plan would change, in the few figures and titles a member
/// confirms: small enough to pass from the thread that planned it to the
/// page that shows it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    pub counts: Counts,
    /// Record rows to write: each new or updated record, both rows of a
    /// conflict.
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
            rows: self
                .records
                .iter()
                .map(|r| usize::from(r.write.is_some()) + usize::from(r.kept_copy.is_some()))
                .sum(),
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

pub fn plan_merge(local: &Local<'_>, imported: &ExportFile, ids: &mut impl IdSource) -> MergePlan {
    let mut plan = MergePlan::default();
    let records: FxHashMap<Id, &Record> = local.records.iter().map(|r| (r.id, r)).collect();
    for theirs in &imported.records {
        let merge = match records.get(&theirs.id) {
            None => RecordMerge {
                id: theirs.id,
                title: theirs.title.clone(),
                outcome: Outcome::New,
                write: Some(theirs.clone()),
                kept_copy: None,
            },
            Some(ours) => merge_record(ours, theirs, ids),
        };
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

fn merge_record(ours: &Record, theirs: &Record, ids: &mut impl IdSource) -> RecordMerge {
    // Equal content is what an equal revision stands for; comparing the
    // content itself costs less than hashing both sides and cannot collide.
    if ours == theirs {
        return unchanged(ours);
    }
    // A record never changes kind here, so two kinds under one id are two
    // records: neither side's contributions would fit the other.
    if ours.kind() != theirs.kind() {
        return conflict(ours, ours.clone(), theirs, ids);
    }
    let (contributions, gained) = union(&ours.contributions, &theirs.contributions);
    let order = if same_fields(ours, theirs) {
        Ordering::Less
    } else {
        theirs.updated.cmp(&ours.updated)
    };
    match order {
        Ordering::Less if !gained => unchanged(ours),
        Ordering::Less => updated(Record {
            contributions,
            ..ours.clone()
        }),
        Ordering::Greater => updated(Record {
            contributions,
            ..theirs.clone()
        }),
        Ordering::Equal => {
            let written = Record {
                contributions,
                ..ours.clone()
            };
            conflict(ours, written, theirs, ids)
        }
    }
}

fn unchanged(ours: &Record) -> RecordMerge {
    RecordMerge {
        id: ours.id,
        title: ours.title.clone(),
        outcome: Outcome::Unchanged,
        write: None,
        kept_copy: None,
    }
}

fn updated(record: Record) -> RecordMerge {
    RecordMerge {
        id: record.id,
        title: record.title.clone(),
        outcome: Outcome::Updated,
        write: Some(record),
        kept_copy: None,
    }
}

/// `written` stays under the record's id; the file's version becomes a
/// record of its own, carrying the contributions `written` does not hold.
fn conflict(
    ours: &Record,
    written: Record,
    theirs: &Record,
    ids: &mut impl IdSource,
) -> RecordMerge {
    let copy_id = ids.next_id();
    let held: FxHashSet<Id> = written.contributions.iter().map(|c| c.id).collect();
    let contributions: Vec<Contribution> = theirs
        .contributions
        .iter()
        .filter(|c| !held.contains(&c.id))
        .cloned()
        .collect();
    let mut payload = theirs.payload.clone();
    // An accepted answer must be one of the record's own contributions; the
    // answer itself stays on the original record.
    if let Payload::InformationRequest(request) = &mut payload {
        if request
            .accepted_answer
            .is_some_and(|answer| contributions.iter().all(|c| c.id != answer))
        {
            request.accepted_answer = None;
        }
    }
    let mut links = theirs.links.clone();
    if !links.contains(&ours.id) {
        links.push(ours.id);
    }
    let copy = Record {
        id: copy_id,
        title: conflict_title(&theirs.title),
        payload,
        contributions,
        links,
        ..theirs.clone()
    };
    RecordMerge {
        id: ours.id,
        title: written.title.clone(),
        outcome: Outcome::Conflict,
        write: Some(written),
        kept_copy: Some(copy),
    }
}

/// The copy's title within the title limit, so the copy exports and
/// imports again like any record.
fn conflict_title(title: &str) -> String {
    let room = MAX_TITLE_CHARS.saturating_sub(CONFLICT_SUFFIX.chars().count());
    if title.chars().count() <= room {
        format!("{title}{CONFLICT_SUFFIX}")
    } else {
        let cut: String = title.chars().take(room.saturating_sub(1)).collect();
        format!("{}…{CONFLICT_SUFFIX}", cut.trim_end())
    }
}

/// Every contribution of both sides, once each (by id, ours when both hold
/// it), oldest first; and whether theirs brought any.
fn union(ours: &[Contribution], theirs: &[Contribution]) -> (Vec<Contribution>, bool) {
    let mut held: FxHashSet<Id> = ours.iter().map(|c| c.id).collect();
    let mut all = ours.to_vec();
    let before = all.len();
    all.extend(theirs.iter().filter(|c| held.insert(c.id)).cloned());
    let gained = all.len() > before;
    if gained {
        // Stable, so contributions of one moment keep their order.
        sort_by_key(&mut all, |c| c.created);
    }
    (all, gained)
}

/// Whether two versions agree on everything but their contributions.
fn same_fields(a: &Record, b: &Record) -> bool {
    // Destructured so a new field cannot be forgotten here.
    let Record {
        id,
        title,
        author,
        topics,
        status,
        created,
        updated,
        payload,
        contributions: _,
        links,
    } = a;
    *id == b.id
        && *title == b.title
        && *author == b.author
        && *topics == b.topics
        && *status == b.status
        && *created == b.created
        && *updated == b.updated
        && *payload == b.payload
        && *links == b.links
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
