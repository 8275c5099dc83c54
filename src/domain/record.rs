//! A record of the repertoire: one activity with its common fields, its
//! kind-specific payload and the contributions it gathered.

use super::contribution::Contribution;
use super::id::Id;
use super::kind::ActivityKind;
use super::payload::{FormValues, Payload};
use super::status::{initial_status, Status};
use super::time::Timestamp;
use super::topic::{join_topics, parse_topics, Topic};
use super::validation::{check_length, clean_text, ValidationErrors};
use serde::{Deserialize, Serialize};

pub const MAX_TITLE_CHARS: usize = 140;
pub const MAX_NAME_CHARS: usize = 80;
pub const MAX_TOPICS: usize = 20;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    pub id: Id,
    pub title: String,
    /// The author's name as shown to members.
    pub author: String,
    pub topics: Vec<Topic>,
    pub status: Status,
    pub created: Timestamp,
    pub updated: Timestamp,
    pub payload: Payload,
    #[serde(default)]
    pub contributions: Vec<Contribution>,
    /// Earlier records this one grows from (a documentation project's sources).
    #[serde(default)]
    pub links: Vec<Id>,
}

/// What the guided form collects before a record exists.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordForm {
    pub title: String,
    pub author: String,
    /// Comma-separated, as typed.
    pub topics: String,
    pub values: FormValues,
    /// Earlier records this one grows from.
    #[serde(default)]
    pub links: Vec<Id>,
}

impl RecordForm {
    pub fn of(record: &Record) -> RecordForm {
        RecordForm {
            title: record.title.clone(),
            author: record.author.clone(),
            topics: join_topics(&record.topics),
            values: record.payload.to_form(),
            links: record.links.clone(),
        }
    }
}

/// A field of the form that differs between two versions, by its key
/// (`title`, `author`, `topics`, `links`, or a kind's field key).
pub fn changed_keys(a: &RecordForm, b: &RecordForm) -> Vec<String> {
    let mut keys = Vec::new();
    if a.title != b.title {
        keys.push("title".to_owned());
    }
    if a.author != b.author {
        keys.push("author".to_owned());
    }
    if a.topics != b.topics {
        keys.push("topics".to_owned());
    }
    for key in a.values.keys().chain(b.values.keys()) {
        let differs = a.values.get(key).map(String::as_str).unwrap_or_default()
            != b.values.get(key).map(String::as_str).unwrap_or_default();
        if differs && !keys.contains(key) {
            keys.push(key.clone());
        }
    }
    if a.links != b.links {
        keys.push("links".to_owned());
    }
    keys
}

impl RecordForm {
    /// A member's changes (`mine`, made from `base`) applied on top of the
    /// version that was saved meanwhile (`theirs`): each field the member
    /// changed takes the member's text, every other field keeps theirs.
    pub fn rebase(base: &RecordForm, mine: &RecordForm, theirs: &RecordForm) -> RecordForm {
        let changed = changed_keys(base, mine);
        let pick = |key: &str| changed.iter().any(|k| k == key);
        let mut values = theirs.values.clone();
        for key in &changed {
            match mine.values.get(key) {
                Some(text) => {
                    values.insert(key.clone(), text.clone());
                }
                None if base.values.contains_key(key) => {
                    values.remove(key);
                }
                None => {}
            }
        }
        RecordForm {
            title: if pick("title") {
                &mine.title
            } else {
                &theirs.title
            }
            .clone(),
            author: if pick("author") {
                &mine.author
            } else {
                &theirs.author
            }
            .clone(),
            topics: if pick("topics") {
                &mine.topics
            } else {
                &theirs.topics
            }
            .clone(),
            values,
            links: if pick("links") {
                &mine.links
            } else {
                &theirs.links
            }
            .clone(),
        }
    }
}

struct Common {
    title: String,
    author: String,
    topics: Vec<Topic>,
}

fn check_common(form: &RecordForm, errors: &mut ValidationErrors) -> Common {
    let title = clean_text(&form.title);
    if title.is_empty() {
        errors.push(
            "title",
            "Give it a title: a short sentence others will recognize in a list.",
        );
    }
    check_length(errors, "title", "The title", &title, MAX_TITLE_CHARS);
    let author = clean_text(&form.author);
    if author.is_empty() {
        errors.push(
            "author",
            "Say who you are, so members know whom they are helping.",
        );
    }
    check_length(errors, "author", "Your name", &author, MAX_NAME_CHARS);
    let topics = parse_topics(&form.topics);
    if topics.len() > MAX_TOPICS {
        errors.push(
            "topics",
            format!("Keep to at most {MAX_TOPICS} topics; pick the ones people would search for."),
        );
    }
    if let Some(long) = topics
        .iter()
        .find(|t| t.as_str().chars().count() > super::topic::MAX_TOPIC_CHARS)
    {
        errors.push(
            "topics",
            format!(
                "The topic “{}…” is too long; topics are a few words each, separated by commas.",
                long.as_str().chars().take(20).collect::<String>()
            ),
        );
    }
    Common {
        title,
        author,
        topics,
    }
}

/// Links without repeats and without the record itself.
fn dedup_links(links: &[Id], own: Id) -> Vec<Id> {
    let mut out: Vec<Id> = Vec::new();
    for id in links {
        if *id != own && !out.contains(id) {
            out.push(*id);
        }
    }
    out
}

impl Record {
    /// A new record from a filled form; every problem is reported at once.
    pub fn create(
        kind: ActivityKind,
        form: &RecordForm,
        id: Id,
        now: Timestamp,
    ) -> Result<Record, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        let common = check_common(form, &mut errors);
        let payload = Payload::from_form(kind, &form.values, None);
        let payload = match payload {
            Ok(payload) => Some(payload),
            Err(more) => {
                errors.0.extend(more.0);
                None
            }
        };
        match payload {
            Some(payload) if errors.is_empty() => Ok(Record {
                id,
                title: common.title,
                author: common.author,
                topics: common.topics,
                status: initial_status(kind),
                created: now,
                updated: now,
                payload,
                contributions: Vec::new(),
                links: dedup_links(&form.links, id),
            }),
            _ => Err(errors),
        }
    }

    /// This record with the form's edits; life-cycle fields are kept.
    pub fn edited(&self, form: &RecordForm, now: Timestamp) -> Result<Record, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        let common = check_common(form, &mut errors);
        let payload = Payload::from_form(self.kind(), &form.values, Some(&self.payload));
        match payload {
            Ok(payload) if errors.is_empty() => Ok(Record {
                title: common.title,
                author: common.author,
                topics: common.topics,
                payload,
                links: dedup_links(&form.links, self.id),
                updated: now.max(self.updated),
                ..self.clone()
            }),
            Ok(_) => Err(errors),
            Err(more) => {
                errors.0.extend(more.0);
                Err(errors)
            }
        }
    }

    pub fn kind(&self) -> ActivityKind {
        self.payload.kind()
    }

    /// Newest change, whether to the record or through a contribution.
    pub fn last_activity(&self) -> Timestamp {
        self.contributions
            .iter()
            .map(|c| c.created)
            .fold(self.updated, Timestamp::max)
    }
}
