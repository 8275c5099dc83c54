//! The knowledge map: for each topic, who knows it (as they say, as the
//! repertoire shows, as a mapping named them), how much it is asked about,
//! and where that demand meets no one.

use super::contribution::ContributionBody;
use super::id::Id;
use super::kind::ActivityKind;
use super::member::{name_key, same_name, Member};
use super::payload::Payload;
use super::record::{Record, RecordForm};
use super::sorting::sort_by_cached_key;
use super::status::Status;
use super::topic::{parse_topics, Topic, MAX_TOPIC_CHARS};
use super::words::plural;
use rustc_hash::FxHashMap;
use std::cmp::Reverse;
use std::collections::BTreeSet;

/// Why a topic needs someone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GapReason {
    /// Someone is waiting or wants to learn it, and nobody declared,
    /// demonstrated or was mapped as knowing it.
    NoOneKnows,
    /// Open requests on the topic that have not received a single answer.
    Unanswered(usize),
    /// A mapping named it as a gap.
    Mapped,
}

/// How much the topic is asked about.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Demand {
    pub requests: usize,
    pub problems: usize,
    pub seeking: usize,
    /// Of the requests, problems and seeking, those still waiting.
    pub open: usize,
    /// Members who want to learn it.
    pub learners: usize,
}

impl Demand {
    pub fn total(&self) -> usize {
        self.requests + self.problems + self.seeking + self.learners
    }

    /// Someone needs the topic now, not only in the past.
    pub fn is_live(&self) -> bool {
        self.open > 0 || self.learners > 0
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TopicRow {
    pub topic: Topic,
    /// Members who say they know it.
    pub declared: Vec<String>,
    /// People whose contributions show it: answers, ideas, experiences and
    /// opinions on records with the topic, published documents and offered
    /// assets on it. Comments and joins show interest, not knowledge.
    pub demonstrated: Vec<String>,
    /// Experts a mapping named for it.
    pub mapped: Vec<String>,
    /// Members who want to learn it.
    pub learners: Vec<String>,
    pub demand: Demand,
    /// Open requests on the topic without any answer.
    pub unanswered: Vec<Id>,
    pub gaps: Vec<GapReason>,
}

impl TopicRow {
    fn new(topic: Topic) -> TopicRow {
        TopicRow {
            topic,
            declared: Vec::new(),
            demonstrated: Vec::new(),
            mapped: Vec::new(),
            learners: Vec::new(),
            demand: Demand::default(),
            unanswered: Vec::new(),
            gaps: Vec::new(),
        }
    }

    /// Everyone known to know the topic, whichever way, each once.
    pub fn knowers(&self) -> Vec<String> {
        let mut all = Vec::new();
        for name in self
            .declared
            .iter()
            .chain(&self.demonstrated)
            .chain(&self.mapped)
        {
            push_name(&mut all, name);
        }
        all
    }

    pub fn is_gap(&self) -> bool {
        !self.gaps.is_empty()
    }
}

/// How one person relates to one topic.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Cell {
    pub declared: bool,
    pub demonstrated: bool,
    pub mapped: bool,
    pub learning: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct KnowledgeMap {
    /// Gaps first, then the busiest topics, then alphabetical.
    pub topics: Vec<TopicRow>,
    /// Directory members in directory order, then anyone else the map names.
    pub people: Vec<String>,
    /// Other groups to connect with, as mappings named them.
    pub groups: Vec<String>,
}

impl KnowledgeMap {
    /// How `person` relates to the topic at index `topic`; nothing for an
    /// index out of range.
    pub fn cell(&self, topic: usize, person: &str) -> Cell {
        let Some(row) = self.topics.get(topic) else {
            return Cell::default();
        };
        Cell {
            declared: has_name(&row.declared, person),
            demonstrated: has_name(&row.demonstrated, person),
            mapped: has_name(&row.mapped, person),
            learning: has_name(&row.learners, person),
        }
    }

    pub fn gaps(&self) -> impl Iterator<Item = &TopicRow> {
        self.topics.iter().filter(|row| row.is_gap())
    }
}

fn has_name(list: &[String], name: &str) -> bool {
    // Mostly the same spelling comes again: the exact look is the cheap one.
    list.iter().any(|n| n == name) || list.iter().any(|n| same_name(n, name))
}

fn push_name(list: &mut Vec<String>, name: &str) {
    // Names mostly come trimmed already; looking at both ends is cheaper
    // than trimming.
    let padded = name.starts_with(char::is_whitespace) || name.ends_with(char::is_whitespace);
    let name = if padded { name.trim() } else { name };
    if !name.is_empty() && !has_name(list, name) {
        list.push(name.to_owned());
    }
}

/// Shows knowledge of a record's topics, unlike a comment or joining in.
fn shows_knowledge(body: &ContributionBody) -> bool {
    matches!(
        body,
        ContributionBody::Answer { .. }
            | ContributionBody::Idea { .. }
            | ContributionBody::Experience { .. }
            | ContributionBody::Opinion { .. }
    )
}

fn has_answer(record: &Record) -> bool {
    record
        .contributions
        .iter()
        .any(|c| matches!(c.body, ContributionBody::Answer { .. }))
}

struct Builder<'a> {
    members: &'a [Member],
    /// Directory spelling by name key.
    spelling: FxHashMap<String, &'a str>,
    rows: Vec<TopicRow>,
    /// Where each topic's row is in `rows`.
    row_of: FxHashMap<Topic, usize>,
    mapped_gaps: BTreeSet<Topic>,
    groups: Vec<String>,
}

impl<'a> Builder<'a> {
    fn row(&mut self, topic: &Topic) -> &mut TopicRow {
        let at = match self.row_of.get(topic) {
            Some(&at) => at,
            None => {
                self.rows.push(TopicRow::new(topic.clone()));
                self.row_of.insert(topic.clone(), self.rows.len() - 1);
                self.rows.len() - 1
            }
        };
        &mut self.rows[at]
    }

    /// Names as the directory spells them when they are members, so one
    /// person is one column however they typed their name.
    fn canonical<'s>(&self, name: &'s str) -> &'s str
    where
        'a: 's,
    {
        let spelled = self.spelling.get(&name_key(name)).copied();
        spelled.unwrap_or(name.trim())
    }

    fn add_member(&mut self, member: &Member) {
        for topic in &member.knows {
            push_name(&mut self.row(topic).declared, &member.name);
        }
        for topic in &member.learning {
            push_name(&mut self.row(topic).learners, &member.name);
        }
    }

    fn add_record(&mut self, record: &Record) {
        let shown: Vec<&str> = record
            .contributions
            .iter()
            .filter(|c| shows_knowledge(&c.body))
            .map(|c| self.canonical(&c.author))
            .collect();
        let offers = matches!(record.payload, Payload::ReusingAssets(_))
            || (matches!(record.payload, Payload::DocumentationProject(_))
                && record.status == Status::Published);
        let author = offers.then(|| self.canonical(&record.author));
        let waiting = record.status.is_waiting();
        let unanswered = match &record.payload {
            Payload::InformationRequest(request) => {
                record.status == Status::Open
                    && request.accepted_answer.is_none()
                    && !has_answer(record)
            }
            _ => false,
        };
        for topic in &record.topics {
            let row = self.row(topic);
            let counter = match record.kind() {
                ActivityKind::InformationRequest => Some(&mut row.demand.requests),
                ActivityKind::ProblemSolving => Some(&mut row.demand.problems),
                ActivityKind::SeekingExperience => Some(&mut row.demand.seeking),
                _ => None,
            };
            if let Some(counter) = counter {
                *counter += 1;
                if waiting {
                    row.demand.open += 1;
                }
            }
            if unanswered {
                row.unanswered.push(record.id);
            }
            for name in shown.iter().chain(&author) {
                push_name(&mut row.demonstrated, name);
            }
        }
        if let Payload::Mapping(mapping) = &record.payload {
            for entry in &mapping.experts {
                let Some(topic) = Topic::new(&entry.topic) else {
                    continue;
                };
                let names: Vec<&str> = entry.members.iter().map(|n| self.canonical(n)).collect();
                let row = self.row(&topic);
                for name in &names {
                    push_name(&mut row.mapped, name);
                }
            }
            for topic in mapping.gaps.iter().filter_map(|line| Topic::new(line)) {
                self.row(&topic);
                self.mapped_gaps.insert(topic);
            }
            for group in &mapping.groups {
                push_name(&mut self.groups, group);
            }
        }
    }

    fn finish(self) -> KnowledgeMap {
        let mapped_gaps = self.mapped_gaps;
        let mut topics: Vec<TopicRow> = self
            .rows
            .into_iter()
            .map(|mut row| {
                row.demand.learners = row.learners.len();
                if row.demand.is_live() && row.knowers().is_empty() {
                    row.gaps.push(GapReason::NoOneKnows);
                }
                if !row.unanswered.is_empty() {
                    row.gaps.push(GapReason::Unanswered(row.unanswered.len()));
                }
                if mapped_gaps.contains(&row.topic) {
                    row.gaps.push(GapReason::Mapped);
                }
                row
            })
            .collect();
        sort_by_cached_key(&mut topics, |row| {
            (
                !row.is_gap(),
                Reverse(row.demand.total() + row.knowers().len()),
                row.topic.clone(),
            )
        });
        let mut people = Vec::new();
        for member in self.members {
            push_name(&mut people, &member.name);
        }
        for row in &topics {
            for name in row.knowers().iter().chain(&row.learners) {
                push_name(&mut people, name);
            }
        }
        KnowledgeMap {
            topics,
            people,
            groups: self.groups,
        }
    }
}

/// Joins the directory and the repertoire into one map. Topics come from
/// records, from what members know and want to learn, and from mappings'
/// experts and gaps (each line read as one topic).
pub fn knowledge_map(records: &[Record], members: &[Member]) -> KnowledgeMap {
    let mut builder = Builder {
        members,
        // Reversed so the first of two same-named members wins, as with
        // `find_by_name`.
        spelling: members
            .iter()
            .rev()
            .map(|m| (name_key(&m.name), m.name.as_str()))
            .collect(),
        rows: Vec::new(),
        row_of: FxHashMap::default(),
        mapped_gaps: BTreeSet::new(),
        groups: Vec::new(),
    };
    for member in members {
        builder.add_member(member);
    }
    for record in records {
        builder.add_record(record);
    }
    builder.finish()
}

/// What a member can do about a gap, each an activity with a prefilled form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NextStep {
    AskRequest,
    PlanVisit,
    StartMapping,
}

impl NextStep {
    pub fn label(self) -> &'static str {
        match self {
            NextStep::AskRequest => "Ask a request",
            NextStep::PlanVisit => "Plan a visit",
            NextStep::StartMapping => "Start mapping",
        }
    }

    pub fn kind(self) -> ActivityKind {
        match self {
            NextStep::AskRequest => ActivityKind::InformationRequest,
            NextStep::PlanVisit => ActivityKind::Visit,
            NextStep::StartMapping => ActivityKind::Mapping,
        }
    }
}

/// A topic short enough for a title or a one-line field. Mapping lines
/// become topics without the length limit typed topics have.
fn short_topic(topic: &Topic) -> String {
    let text = topic.as_str();
    if text.chars().count() <= MAX_TOPIC_CHARS {
        text.to_owned()
    } else {
        let mut cut: String = text.chars().take(MAX_TOPIC_CHARS - 1).collect();
        cut.push('…');
        cut
    }
}

/// The topic as the form's topic field, or nothing when it would not read
/// back as this one topic (too long, or a mapping line holding commas).
fn topic_field(topic: &Topic) -> String {
    let fits = topic.as_str().chars().count() <= MAX_TOPIC_CHARS
        && parse_topics(topic.as_str()) == [topic.clone()];
    if fits {
        topic.to_string()
    } else {
        String::new()
    }
}

/// The form of the activity that takes `step` on the topic of `row`,
/// filled enough to be saved as it is.
pub fn next_step_form(step: NextStep, row: &TopicRow, author: &str) -> RecordForm {
    let topic = short_topic(&row.topic);
    let knowers = row.knowers();
    let mut form = RecordForm {
        author: author.trim().to_owned(),
        topics: topic_field(&row.topic),
        ..RecordForm::default()
    };
    let mut set = |key: &str, value: String| {
        form.values.insert(key.to_owned(), value);
    };
    let title = match step {
        NextStep::AskRequest => {
            set(
                "question",
                format!("Who knows about “{topic}”, or where could we learn about it?"),
            );
            set(
                "context",
                format!(
                    "On our knowledge map, “{topic}” has {}, {} and {} known to know it.",
                    plural(row.demand.open, "waiting question", "waiting questions"),
                    plural(
                        row.learners.len(),
                        "member who wants to learn it",
                        "members who want to learn it"
                    ),
                    plural(knowers.len(), "person", "people"),
                ),
            );
            set("urgency", "normal".to_owned());
            format!("Who knows about {topic}?")
        }
        NextStep::PlanVisit => {
            let me = name_key(author);
            let host = knowers
                .iter()
                .find(|name| name_key(name) != me)
                .cloned()
                .unwrap_or_else(|| format!("To be found: someone who works with {topic}"));
            set("host", host);
            set(
                "want_to_learn",
                format!("How they handle {topic} day to day, and what we could bring back to our own practice."),
            );
            let mut who_goes = Vec::new();
            for name in std::iter::once(author).chain(row.learners.iter().map(String::as_str)) {
                push_name(&mut who_goes, name);
            }
            set("who_goes", who_goes.join("\n"));
            format!("Visit to learn about {topic}")
        }
        NextStep::StartMapping => {
            set("area", topic.clone());
            // A colon in the topic would split the expert line in the wrong place.
            if !knowers.is_empty() && !topic.contains(':') {
                set("experts", format!("{topic}: {}", knowers.join(", ")));
            }
            // The whole topic, so that the new mapping's gap matches this row.
            if row.is_gap() {
                set("gaps", row.topic.to_string());
            }
            format!("Mapping {topic}: who knows it, what is missing")
        }
    };
    form.title = title;
    form
}
