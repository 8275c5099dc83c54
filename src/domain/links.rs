//! How records lead to one another: documents grow out of problems and
//! requests, and a topic that keeps coming back asks to be written down.

use super::id::Id;
use super::kind::ActivityKind;
use super::payload::Payload;
use super::record::{Record, RecordForm};
use super::sorting::{sort_by, sort_by_key};
use super::topic::{join_topics, Topic};
use std::collections::BTreeMap;

/// How many problems and requests on one topic make it recurring.
pub const RECURRING_AT: usize = 3;

/// A topic that keeps coming back with no documentation project for it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recurring {
    pub topic: Topic,
    /// The problem-solving records and requests on it, newest first.
    pub records: Vec<Id>,
}

fn asks_for_help(record: &Record) -> bool {
    matches!(
        record.kind(),
        ActivityKind::ProblemSolving | ActivityKind::InformationRequest
    )
}

/// Topics shared by at least `RECURRING_AT` problem-solving records or
/// requests that no documentation project covers (by topic, or by linking
/// every one of them), most frequent first.
pub fn recurring_problems(records: &[Record]) -> Vec<Recurring> {
    let mut by_topic: BTreeMap<&Topic, Vec<&Record>> = BTreeMap::new();
    for record in records.iter().filter(|r| asks_for_help(r)) {
        for topic in &record.topics {
            by_topic.entry(topic).or_default().push(record);
        }
    }
    let documents: Vec<&Record> = records
        .iter()
        .filter(|r| r.kind() == ActivityKind::DocumentationProject)
        .collect();
    let mut found: Vec<Recurring> = by_topic
        .into_iter()
        .filter(|(_, on_topic)| on_topic.len() >= RECURRING_AT)
        .filter(|(topic, on_topic)| {
            !documents.iter().any(|doc| {
                doc.topics.contains(topic) || on_topic.iter().all(|r| doc.links.contains(&r.id))
            })
        })
        .map(|(topic, mut on_topic)| {
            sort_by_key(&mut on_topic, |r| std::cmp::Reverse(r.last_activity()));
            Recurring {
                topic: topic.clone(),
                records: on_topic.iter().map(|r| r.id).collect(),
            }
        })
        .collect();
    sort_by(&mut found, |a, b| {
        b.records
            .len()
            .cmp(&a.records.len())
            .then_with(|| a.topic.cmp(&b.topic))
    });
    found
}

/// Records that link to `id` (documents that grew from it).
pub fn linked_from(records: &[Record], id: Id) -> Vec<&Record> {
    records.iter().filter(|r| r.links.contains(&id)).collect()
}

/// A documentation project's form, prefilled from a resolved problem or an
/// answered request ("Write it down").
pub fn write_it_down(source: &Record, author: &str) -> RecordForm {
    let mut form = RecordForm {
        title: format!("How we handle: {}", source.title),
        author: author.to_owned(),
        topics: join_topics(&source.topics),
        links: vec![source.id],
        ..RecordForm::default()
    };
    let (problem, document) = match &source.payload {
        Payload::ProblemSolving(p) => (
            format!("{}\n\n{}", p.goal, p.stuck_on),
            format!(
                "## The problem\n{}\n\n## What we chose\n{}\n\n## How it went\n{}",
                p.stuck_on, p.chosen_approach, p.outcome
            ),
        ),
        Payload::InformationRequest(r) => {
            let answer = r
                .accepted_answer
                .and_then(|id| source.contributions.iter().find(|c| c.id == id))
                .map(|c| c.body.texts().join("\n\n"))
                .unwrap_or_default();
            (
                r.question.clone(),
                format!("## The question\n{}\n\n## The answer\n{answer}", r.question),
            )
        }
        _ => (source.title.clone(), String::new()),
    };
    form.values
        .insert("recurring_problem".into(), problem.trim().to_owned());
    form.values.insert("document".into(), document);
    form.values.insert("owner".into(), author.to_owned());
    form
}

/// A documentation project's form for a recurring topic.
pub fn document_topic(recurring: &Recurring, author: &str) -> RecordForm {
    let mut form = RecordForm {
        title: format!("Reference: {}", recurring.topic),
        author: author.to_owned(),
        topics: recurring.topic.to_string(),
        links: recurring.records.clone(),
        ..RecordForm::default()
    };
    form.values.insert(
        "recurring_problem".into(),
        format!(
            "“{}” came up in {} problems and requests.",
            recurring.topic,
            recurring.records.len()
        ),
    );
    form.values.insert("owner".into(), author.to_owned());
    form
}

/// What changed in one record since a member last looked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    pub id: Id,
    pub title: String,
    /// The record itself is new.
    pub is_new: bool,
    /// Contributions added since, by others than `me`.
    pub contributions: usize,
}

/// Records created or contributed to since `since` by someone other than
/// `me` (a member does not need news of their own work), newest first.
pub fn changes_since(records: &[Record], since: super::time::Timestamp, me: &str) -> Vec<Change> {
    let me = me.trim().to_lowercase();
    let others = |author: &str| me.is_empty() || author.trim().to_lowercase() != me;
    let mut changes: Vec<(super::time::Timestamp, Change)> = records
        .iter()
        .filter_map(|record| {
            let is_new = record.created > since && others(&record.author);
            let fresh: Vec<_> = record
                .contributions
                .iter()
                .filter(|c| c.created > since && others(&c.author))
                .collect();
            (is_new || !fresh.is_empty()).then(|| {
                let latest = fresh
                    .iter()
                    .map(|c| c.created)
                    .max()
                    .unwrap_or(record.created);
                (
                    latest,
                    Change {
                        id: record.id,
                        title: record.title.clone(),
                        is_new,
                        contributions: fresh.len(),
                    },
                )
            })
        })
        .collect();
    sort_by_key(&mut changes, |(latest, _)| std::cmp::Reverse(*latest));
    changes.into_iter().map(|(_, change)| change).collect()
}
