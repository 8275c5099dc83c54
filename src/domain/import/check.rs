//! The quick way through a well-formed file. Serde reads the whole file in
//! one go, and the rules of `validate` are applied to what it read. Reading
//! part by part (`validate`) is several times slower on a large file; it is
//! needed only to place a problem, so it runs only when serde cannot read
//! the file or these checks find anything.
//!
//! Serde is a little more lenient about shape than `validate`: it also
//! reads an object written as the list of its values in field order.
//! `shape.rs` sends such a file to `validate`, which refuses it.

use super::validate::{
    check_accepted_answer, check_answer, check_body, check_link, check_payload, check_respondent,
    check_round_date, check_status_of, check_text, check_time, check_word, path, topic,
    topic_count, unique_contribution_id, unique_ids, Known, TextRule, AUTHOR, A_MEMBER, A_RECORD,
    COMMUNITY_NAME, COMPETENCE, CONTRIBUTOR, DOMAIN, MEMBER_NAME, PROFILE, TITLE, UNLIMITED,
    WHY_IT_MATTERS,
};
use super::{Problems, MAX_CONTRIBUTIONS, MAX_MEMBERS, MAX_RECORDS, MAX_ROUNDS};
use crate::domain::community::{CommunityProfile, MAX_CORE_TOPICS};
use crate::domain::exchange::{ExportFile, FORMAT_NAME, FORMAT_VERSION};
use crate::domain::member::{Member, MAX_MEMBER_TOPICS};
use crate::domain::payload::Payload;
use crate::domain::record::{Record, MAX_TOPICS};
use crate::domain::topic::Topic;
use std::collections::{HashMap, HashSet};

/// Whether the file as serde read it breaks no rule. `false` also for a
/// format, a version or a list length that `validate` refuses outright.
pub(super) fn passes(file: &ExportFile) -> bool {
    if file.format != FORMAT_NAME
        || file.version != FORMAT_VERSION
        || file.records.len() > MAX_RECORDS
        || file.members.len() > MAX_MEMBERS
        || file.rounds.len() > MAX_ROUNDS
    {
        return false;
    }
    let mut p = Problems::default();
    check_time(&mut p, "exported_at", file.exported_at);
    check_text(&mut p, "namespace", &file.namespace, &UNLIMITED);
    if let Some(profile) = &file.profile {
        check_profile(&mut p, profile);
    }
    let records = file.records.iter().map(|r| Some(r.id));
    let members = file.members.iter().map(|m| Some(m.id));
    let known = Known {
        records: unique_ids(&mut p, "records", records, "record"),
        members: unique_ids(&mut p, "members", members, "member"),
    };
    let rounds = file.rounds.iter().map(|r| Some(r.id));
    unique_ids(&mut p, "rounds", rounds, "round");
    let mut contribution_ids = HashMap::new();
    for (r, record) in file.records.iter().enumerate() {
        for (c, contribution) in record.contributions.iter().enumerate() {
            unique_contribution_id(&mut p, &mut contribution_ids, contribution.id, (r, c));
        }
    }
    for (index, member) in file.members.iter().enumerate() {
        check_member(&mut p, &format!("members[{index}]"), member);
    }
    for (index, record) in file.records.iter().enumerate() {
        // Nothing is shown: one problem settles it.
        if !p.is_empty() || record.contributions.len() > MAX_CONTRIBUTIONS {
            return false;
        }
        check_record(&mut p, &format!("records[{index}]"), record, &known);
    }
    for (index, round) in file.rounds.iter().enumerate() {
        let at = format!("rounds[{index}]");
        check_round_date(&mut p, &path(&at, "date"), &round.date);
        check_text(&mut p, &path(&at, "date"), &round.date, &UNLIMITED);
        let mut respondents = HashSet::new();
        for (r, response) in round.responses.iter().enumerate() {
            let at = format!("{at}.responses[{r}]");
            let member_at = path(&at, "member");
            check_respondent(
                &mut p,
                &member_at,
                response.member,
                &known,
                &mut respondents,
            );
            let mut statements = HashSet::new();
            for (a, (statement, rating)) in response.answers.iter().enumerate() {
                let at = format!("{at}.answers[{a}]");
                check_text(&mut p, &at, statement, &UNLIMITED);
                check_answer(&mut p, &at, statement, Some(*rating), &mut statements);
            }
        }
    }
    p.is_empty()
}

fn check_profile(p: &mut Problems, profile: &CommunityProfile) {
    let texts: [(&str, &str, &TextRule); 4] = [
        ("name", &profile.name, &COMMUNITY_NAME),
        ("domain", &profile.domain, &DOMAIN),
        ("why_it_matters", &profile.why_it_matters, &WHY_IT_MATTERS),
        ("competence", &profile.competence, &COMPETENCE),
    ];
    for (key, text, rule) in texts {
        check_text(p, &path("profile", key), text, rule);
    }
    check_word(p, &profile.word);
    check_topics(
        p,
        "profile.core_topics",
        &profile.core_topics,
        MAX_CORE_TOPICS,
        PROFILE,
    );
}

fn check_member(p: &mut Problems, at: &str, member: &Member) {
    check_text(p, &path(at, "name"), &member.name, &MEMBER_NAME);
    let lists = [("knows", &member.knows), ("learning", &member.learning)];
    for (key, topics) in lists {
        check_topics(p, &path(at, key), topics, MAX_MEMBER_TOPICS, A_MEMBER);
    }
    check_time(p, &path(at, "joined"), member.joined);
}

fn check_record(p: &mut Problems, at: &str, record: &Record, known: &Known) {
    check_text(p, &path(at, "title"), &record.title, &TITLE);
    check_text(p, &path(at, "author"), &record.author, &AUTHOR);
    check_topics(p, &path(at, "topics"), &record.topics, MAX_TOPICS, A_RECORD);
    check_time(p, &path(at, "created"), record.created);
    check_time(p, &path(at, "updated"), record.updated);
    let kind = record.payload.kind();
    check_status_of(p, at, record.status, kind);
    check_payload(p, &path(at, "payload"), &record.payload);
    for (index, contribution) in record.contributions.iter().enumerate() {
        let at = format!("{at}.contributions[{index}]");
        check_text(p, &path(&at, "author"), &contribution.author, &CONTRIBUTOR);
        check_time(p, &path(&at, "created"), contribution.created);
        check_body(p, &path(&at, "body"), &contribution.body, Some(kind));
    }
    let mut seen = HashSet::new();
    for (index, link) in record.links.iter().enumerate() {
        let at = format!("{at}.links[{index}]");
        check_link(p, &at, *link, Some(record.id), known, &mut seen);
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
        let at = format!("{at}[{index}]");
        check_text(p, &at, kept.as_str(), &UNLIMITED);
        topic(p, &at, kept.as_str(), &topics[..index]);
    }
}
