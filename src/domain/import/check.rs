//! The quick way through a well-formed file. Serde reads the whole file in
//! one go, and the rules of `validate` are applied to what it read. Reading
//! part by part (`validate`) is several times slower on a large file; it is
//! needed only to place a problem, so it runs only when serde cannot read
//! the file, or these checks or `shape.rs` find anything.
//!
//! Nothing here says where a problem is: whether there is one is all the
//! quick way needs, and `validate` places them. So the rules get `HERE`
//! for a place, and no place is written out for every field.
//!
//! Serde is a little more lenient about shape than `validate`: it also
//! reads an object written as the list of its values in field order.
//! `shape.rs` sends such a file to `validate`, which refuses it.

use super::community::{add_members_in, check_kept, shown_values};
use super::validate::{
    check_accepted_answer, check_answer, check_body, check_history, check_link, check_payload,
    check_respondent, check_round_date, check_status_of, check_text, check_time, check_word, topic,
    topic_count, unique_contribution_id, unique_ids, Known, TextRule, AUTHOR, A_MEMBER, A_RECORD,
    COMMUNITY_NAME, COMPETENCE, CONTRIBUTOR, DOMAIN, MEMBER_NAME, PROFILE, TITLE, UNLIMITED,
    WHY_IT_MATTERS,
};
use super::{Problems, MAX_CONTRIBUTIONS, MAX_KEPT, MAX_MEMBERS, MAX_RECORDS, MAX_ROUNDS};
use crate::domain::community::{CommunityProfile, MAX_CORE_TOPICS};
use crate::domain::exchange::{ExportFile, FORMAT_NAME, FORMAT_VERSION};
use crate::domain::member::{Member, MAX_MEMBER_TOPICS};
use crate::domain::payload::Payload;
use crate::domain::record::{Record, MAX_TOPICS};
use crate::domain::topic::Topic;
use rustc_hash::{FxHashMap, FxHashSet};

/// The place given to the shared rules (see the module's note).
const HERE: &str = "";

/// Whether the file as serde read it breaks no rule. `false` also for a
/// format, a version or a list length that `validate` refuses outright.
pub(super) fn passes(file: &ExportFile) -> bool {
    if file.format != FORMAT_NAME
        || !(1..=FORMAT_VERSION).contains(&file.version)
        || file.records.len() > MAX_RECORDS
        || file.history.len() > MAX_RECORDS
        || (file.version == 1 && !file.history.is_empty())
        || (file.version < 3 && !file.community_history.is_empty())
        || file.community_history.len() > MAX_KEPT
        || file.members.len() > MAX_MEMBERS
        || file.rounds.len() > MAX_ROUNDS
    {
        return false;
    }
    let mut p = Problems::default();
    check_time(&mut p, HERE, file.exported_at);
    check_text(&mut p, HERE, &file.namespace, &UNLIMITED);
    if let Some(profile) = &file.profile {
        check_profile(&mut p, HERE, profile);
    }
    let records = file.records.iter().map(|r| Some(r.id));
    let members = file.members.iter().map(|m| Some(m.id));
    let mut known = Known {
        records: unique_ids(&mut p, "records", records, "record"),
        members: unique_ids(&mut p, "members", members, "member"),
    };
    // A live record may link to one deleted since: it is in the history.
    known.records.extend(file.history.iter().map(|(id, _)| *id));
    add_members_in(&mut known, &file.community_history);
    let rounds = file.rounds.iter().map(|r| Some(r.id));
    unique_ids(&mut p, "rounds", rounds, "round");
    let mut contribution_ids = FxHashMap::default();
    for (r, record) in file.records.iter().enumerate() {
        for (c, contribution) in record.contributions.iter().enumerate() {
            unique_contribution_id(&mut p, &mut contribution_ids, contribution.id, (r, c));
        }
    }
    for member in &file.members {
        check_member(&mut p, HERE, member);
    }
    for record in &file.records {
        // Nothing is shown: one problem settles it.
        if !p.is_empty() || record.contributions.len() > MAX_CONTRIBUTIONS {
            return false;
        }
        check_record(&mut p, HERE, record, &known);
    }
    let shown: FxHashMap<_, _> = file.records.iter().map(|r| (r.id, r)).collect();
    let mut histories = FxHashSet::default();
    for (id, history) in &file.history {
        let record = shown.get(id).copied();
        check_history(&mut p, HERE, *id, history, record, &known, &mut histories);
        if !p.is_empty() {
            return false;
        }
    }
    let shown = shown_values(file);
    let mut histories = FxHashSet::default();
    for entry in &file.community_history {
        check_kept(&mut p, HERE, entry, &shown, &mut histories);
        if !p.is_empty() {
            return false;
        }
    }
    for round in &file.rounds {
        check_round_date(&mut p, HERE, &round.date);
        check_text(&mut p, HERE, &round.date, &UNLIMITED);
        let mut respondents = FxHashSet::default();
        for response in &round.responses {
            check_respondent(&mut p, HERE, response.member, &known, &mut respondents);
            let mut statements = FxHashSet::default();
            for (statement, rating) in &response.answers {
                check_text(&mut p, HERE, statement, &UNLIMITED);
                check_answer(&mut p, HERE, statement, Some(*rating), &mut statements);
            }
        }
    }
    p.is_empty()
}

pub(super) fn check_profile(p: &mut Problems, at: &str, profile: &CommunityProfile) {
    let texts: [(&str, &TextRule); 4] = [
        (&profile.name, &COMMUNITY_NAME),
        (&profile.domain, &DOMAIN),
        (&profile.why_it_matters, &WHY_IT_MATTERS),
        (&profile.competence, &COMPETENCE),
    ];
    for (text, rule) in texts {
        check_text(p, at, text, rule);
    }
    check_word(p, &profile.word);
    check_topics(p, at, &profile.core_topics, MAX_CORE_TOPICS, PROFILE);
}

pub(super) fn check_member(p: &mut Problems, at: &str, member: &Member) {
    check_text(p, at, &member.name, &MEMBER_NAME);
    for topics in [&member.knows, &member.learning] {
        check_topics(p, at, topics, MAX_MEMBER_TOPICS, A_MEMBER);
    }
    check_time(p, at, member.joined);
}

/// Every rule of one record, its problems placed at `at` (nothing, on the
/// quick way; a version kept in a record's history, on the slower one).
pub(super) fn check_record(p: &mut Problems, at: &str, record: &Record, known: &Known) {
    check_text(p, at, &record.title, &TITLE);
    check_text(p, at, &record.author, &AUTHOR);
    check_topics(p, at, &record.topics, MAX_TOPICS, A_RECORD);
    check_time(p, at, record.created);
    check_time(p, at, record.updated);
    let kind = record.payload.kind();
    check_status_of(p, at, record.status, kind);
    check_payload(p, at, &record.payload);
    for contribution in &record.contributions {
        check_text(p, at, &contribution.author, &CONTRIBUTOR);
        check_time(p, at, contribution.created);
        check_body(p, at, &contribution.body, Some(kind));
    }
    let mut seen = FxHashSet::default();
    for link in &record.links {
        check_link(p, at, *link, Some(record.id), known, &mut seen);
    }
    if let Payload::InformationRequest(request) = &record.payload {
        check_accepted_answer(p, at, request.accepted_answer, &record.contributions);
    }
}

fn check_topics(p: &mut Problems, at: &str, topics: &[Topic], max: usize, owner: &str) {
    if !topic_count(p, at, topics.len(), max, owner) {
        return;
    }
    for (index, kept) in topics.iter().enumerate() {
        check_text(p, at, kept.as_str(), &UNLIMITED);
        topic(p, at, kept.as_str(), &topics[..index]);
    }
}
