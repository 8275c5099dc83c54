//! The community's documents in a file: members, round heads, each
//! member's answers and the profile. The file shows each one's winning
//! value in `members`, `rounds` and `profile`; `community_history` (format
//! 3) carries each document as it is kept: its revision tree and the JSON
//! text of each live version, deleted documents included. A value without
//! a history is a document of one revision, derived from its content, as
//! every copy derives it; a value that differs from its history's winner
//! (the file edited by hand) is an edit of it.

use super::check::{check_member, check_profile};
use super::validate::{
    check_answer, check_round_date, check_text, Known, MAX_REVISIONS, UNLIMITED,
};
use super::Problems;
use crate::domain::assessment::{split_round, Answer, Round};
use crate::domain::community::CommunityProfile;
use crate::domain::exchange::ExportFile;
use crate::domain::history::kept::{
    answer_key, doc_name, json_of, member_key, round_key, MEMBERS, META, PROFILE_KEY, ROUNDS,
};
use crate::domain::history::KeptDoc;
use crate::domain::id::Id;
use crate::domain::member::Member;
use crate::domain::words::figure;
use rustc_hash::{FxHashMap, FxHashSet};

/// What a document's name names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeptKind {
    Member(Id),
    Round(Id),
    Answer { round: Id, member: Id },
    Profile,
}

impl KeptKind {
    /// The kind a name names, when it is one of a document's names as
    /// Repertoire writes them.
    pub fn of(name: &str) -> Option<KeptKind> {
        let (store, key) = name.split_once(':')?;
        let kind = match (store, key.split_once('/')) {
            (MEMBERS, None) => KeptKind::Member(Id::parse(key)?),
            (ROUNDS, None) => KeptKind::Round(Id::parse(key)?),
            (ROUNDS, Some((round, member))) => KeptKind::Answer {
                round: Id::parse(round)?,
                member: Id::parse(member)?,
            },
            (META, None) if key == PROFILE_KEY => KeptKind::Profile,
            _ => return None,
        };
        (kind.name() == name).then_some(kind)
    }

    pub fn name(self) -> String {
        match self {
            KeptKind::Member(id) => doc_name(MEMBERS, &member_key(id)),
            KeptKind::Round(id) => doc_name(ROUNDS, &round_key(id)),
            KeptKind::Answer { round, member } => doc_name(ROUNDS, &answer_key(round, member)),
            KeptKind::Profile => doc_name(META, PROFILE_KEY),
        }
    }

    /// Whether a version of this document (its JSON text as kept) is a
    /// value of its kind that keeps the kind's rules; problems placed at
    /// `at`. The same readers as the store's.
    fn version_fits(self, p: &mut Problems, at: &str, text: &str) -> bool {
        let before = p.total;
        let same_id = match self {
            KeptKind::Member(id) => serde_json::from_str::<Member>(text).ok().map(|member| {
                check_member(p, at, &member);
                member.id == id
            }),
            KeptKind::Round(id) => serde_json::from_str::<Round>(text).ok().map(|round| {
                check_round_date(p, at, &round.date);
                check_text(p, at, &round.date, &UNLIMITED);
                round.id == id && round.responses.is_empty()
            }),
            KeptKind::Answer { round, member } => {
                serde_json::from_str::<Answer>(text).ok().map(|answer| {
                    let mut statements = FxHashSet::default();
                    for (statement, rating) in &answer.response.answers {
                        check_text(p, at, statement, &UNLIMITED);
                        check_answer(p, at, statement, Some(*rating), &mut statements);
                    }
                    answer.round == round && answer.response.member == member
                })
            }
            KeptKind::Profile => {
                serde_json::from_str::<CommunityProfile>(text)
                    .ok()
                    .map(|profile| {
                        check_profile(p, at, &profile);
                        true
                    })
            }
        };
        if same_id != Some(true) {
            p.push(at, "Each version in a history is the JSON text of a value of the document's kind, with the document's id.");
        }
        p.total == before
    }
}

/// Each value the file shows by its document's name, as its JSON text.
pub fn shown_values(file: &ExportFile) -> FxHashMap<String, String> {
    let mut shown = FxHashMap::default();
    for member in &file.members {
        shown.insert(KeptKind::Member(member.id).name(), json_of(member));
    }
    for round in &file.rounds {
        let (head, answers) = split_round(round);
        shown.insert(KeptKind::Round(round.id).name(), json_of(&head));
        for answer in answers {
            let name = KeptKind::Answer {
                round: round.id,
                member: answer.response.member,
            }
            .name();
            shown.insert(name, json_of(&answer));
        }
    }
    if let Some(profile) = &file.profile {
        shown.insert(KeptKind::Profile.name(), json_of(profile));
    }
    shown
}

/// Members named by histories: a deleted member's answers may still be
/// in a round, so the member is known to the file.
pub(super) fn add_members_in(known: &mut Known, histories: &[(String, KeptDoc)]) {
    known.members.extend(
        histories
            .iter()
            .filter_map(|(name, _)| match KeptKind::of(name) {
                Some(KeptKind::Member(id)) => Some(id),
                _ => None,
            }),
    );
}

/// The rules of one document's history, the same for both readings: a
/// name of a document; one history per document; the content of each
/// live leaf, and only of those; a winner that is live exactly when the
/// file shows the document; each version a value of its kind.
pub(super) fn check_kept(
    p: &mut Problems,
    at: &str,
    (name, doc): &(String, KeptDoc),
    shown: &FxHashMap<String, String>,
    seen: &mut FxHashSet<String>,
) {
    let Some(kind) = KeptKind::of(name) else {
        p.push(
            at,
            "This history does not name a member, a round, an answer or the profile (“members:<id>”, “rounds:<id>”, “rounds:<round id>/<member id>” or “meta:profile”).",
        );
        return;
    };
    if !seen.insert(name.clone()) {
        p.push(
            at,
            "This document has a second history in the file; each has one.",
        );
    }
    if doc.tree.len() > MAX_REVISIONS {
        p.push(
            at,
            format!(
                "A history names at most {} revisions.",
                figure(MAX_REVISIONS)
            ),
        );
        return;
    }
    if doc.tree.winner().is_none() || !doc.is_whole() {
        p.push(at, "This history's versions do not match its revisions: each live revision has its version, and only those.");
        return;
    }
    match (doc.is_deleted(), shown.contains_key(name)) {
        (false, false) => p.push(
            at,
            "This history shows a value that is not in the file's members, rounds or profile.",
        ),
        (true, true) => p.push(
            at,
            "This history says the document was deleted, yet the file shows it.",
        ),
        _ => {}
    }
    for (_, text) in doc
        .leaves()
        .into_iter()
        .filter_map(|(leaf, body)| Some((leaf, body?)))
    {
        kind.version_fits(p, at, text);
    }
}

/// Every community document of a file (`read_export` accepted it) with
/// its history, by name: each value shown with its history (or as a first
/// revision), then the deleted ones.
pub fn kept_docs_of(file: &ExportFile) -> Vec<(String, KeptDoc)> {
    let mut histories: FxHashMap<&str, &KeptDoc> = file
        .community_history
        .iter()
        .map(|(name, doc)| (name.as_str(), doc))
        .collect();
    let mut docs = Vec::new();
    for (name, value) in shown_values(file) {
        let doc = match histories.remove(name.as_str()) {
            Some(doc) => doc.clone().showing(value),
            None => KeptDoc::new(value),
        };
        docs.push((name, doc));
    }
    docs.extend(
        file.community_history
            .iter()
            .filter(|(name, _)| histories.contains_key(name.as_str()))
            .cloned(),
    );
    docs
}

/// The histories an export carries for the values it shows: every
/// document shown, and every deleted one (a live document the file does
/// not show, an answer to a round no longer kept, stays out: the file
/// would not import).
pub fn histories_for(file: &ExportFile, docs: &[(String, KeptDoc)]) -> Vec<(String, KeptDoc)> {
    let shown = shown_values(file);
    docs.iter()
        .filter(|(name, doc)| doc.is_deleted() || shown.contains_key(name))
        .cloned()
        .collect()
}
