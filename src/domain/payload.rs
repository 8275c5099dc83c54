//! Each activity's own fields, as typed data. The guided form's values map
//! onto these structs by field key (see `fields.rs`).

use super::fields::{fields_of, FieldSpec, Input};
use super::id::Id;
use super::kind::ActivityKind;
use super::sorting::map_of;
use super::validation::{
    check_length, check_length_only, is_valid_date, is_valid_link, ValidationErrors,
};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// What a form holds while the member types: field key → text.
pub type FormValues = BTreeMap<String, String>;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ProblemSolving {
    pub goal: String,
    pub stuck_on: String,
    pub tried: String,
    pub constraints: String,
    pub useful_by: String,
    /// Set by the author when the problem is resolved.
    pub chosen_approach: String,
    pub outcome: String,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Urgency {
    Low,
    #[default]
    Normal,
    High,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct InformationRequest {
    pub question: String,
    pub context: String,
    pub urgency: Urgency,
    /// The answer (a contribution id) the author accepted.
    pub accepted_answer: Option<Id>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SeekingExperience {
    pub situation: String,
    pub want_to_learn: String,
    pub shareable: String,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AssetType {
    Template,
    Proposal,
    Code,
    Checklist,
    Slides,
    Guide,
    #[default]
    Other,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReusingAssets {
    pub asset_type: AssetType,
    pub description: String,
    pub first_used: String,
    pub how_to_adapt: String,
    pub location: String,
    pub who_may_use: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Coordination {
    pub what: String,
    pub expected_benefit: String,
    pub who_needed: String,
    pub deadline: String,
    /// What the joint action achieved, recorded by the organizer.
    pub result: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct DiscussingDevelopments {
    pub development: String,
    pub link: String,
    pub question: String,
    /// The group's conclusion.
    pub verdict: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct DocumentationProject {
    pub recurring_problem: String,
    pub owner: String,
    pub contributors: Vec<String>,
    pub outline: String,
    pub document: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Visit {
    pub host: String,
    pub want_to_learn: String,
    pub proposed_dates: String,
    pub who_goes: Vec<String>,
    pub logistics: String,
    /// Learnings written after the visit.
    pub report: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TopicExperts {
    pub topic: String,
    pub members: Vec<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Mapping {
    pub area: String,
    pub experts: Vec<TopicExperts>,
    pub gaps: Vec<String>,
    pub groups: Vec<String>,
    pub actions: String,
}

/// The kind-specific part of a record, serialized as `{"<kind>": {fields}}`.
/// (An internally tagged enum would read nicer but costs serde's content
/// buffering: several kilobytes of wasm per enum.)
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Payload {
    ProblemSolving(ProblemSolving),
    InformationRequest(InformationRequest),
    SeekingExperience(SeekingExperience),
    ReusingAssets(ReusingAssets),
    Coordination(Coordination),
    DiscussingDevelopments(DiscussingDevelopments),
    DocumentationProject(DocumentationProject),
    Visit(Visit),
    Mapping(Mapping),
}

impl Payload {
    pub fn kind(&self) -> ActivityKind {
        match self {
            Payload::ProblemSolving(_) => ActivityKind::ProblemSolving,
            Payload::InformationRequest(_) => ActivityKind::InformationRequest,
            Payload::SeekingExperience(_) => ActivityKind::SeekingExperience,
            Payload::ReusingAssets(_) => ActivityKind::ReusingAssets,
            Payload::Coordination(_) => ActivityKind::Coordination,
            Payload::DiscussingDevelopments(_) => ActivityKind::DiscussingDevelopments,
            Payload::DocumentationProject(_) => ActivityKind::DocumentationProject,
            Payload::Visit(_) => ActivityKind::Visit,
            Payload::Mapping(_) => ActivityKind::Mapping,
        }
    }

    /// An empty payload of a kind: every field at its default.
    pub fn empty(kind: ActivityKind) -> Payload {
        from_object(kind, Map::new()).unwrap_or_else(|_| unreachable!("every kind has defaults"))
    }

    /// Reads a guided form into a payload, keeping fields the form does not
    /// show (outcomes, verdicts…) from `base` when editing.
    pub fn from_form(
        kind: ActivityKind,
        values: &FormValues,
        base: Option<&Payload>,
    ) -> Result<Payload, ValidationErrors> {
        let mut object = match base.filter(|payload| payload.kind() == kind) {
            Some(payload) => to_object(payload),
            None => to_object(&Payload::empty(kind)),
        };
        let mut errors = ValidationErrors::default();
        for spec in fields_of(kind) {
            let raw = values.get(spec.key).map(String::as_str).unwrap_or("");
            if let Some(value) = read_field(spec, raw, &mut errors) {
                object.insert(spec.key.to_owned(), value);
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        from_object(kind, object).map_err(|error| {
            let mut errors = ValidationErrors::default();
            errors.push("form", format!("The form could not be read: {error}"));
            errors
        })
    }

    /// The form's view of this payload, to edit it or to show it.
    pub fn to_form(&self) -> FormValues {
        form_of(self.kind(), &to_object(self))
    }

    /// Every field by name, as JSON values: what the form shows and what
    /// it does not (outcomes, verdicts…).
    pub fn fields(&self) -> Map<String, Value> {
        to_object(self)
    }

    /// Every text this payload holds, for search: its non-empty texts and
    /// the names of its choices (ids are not text). Read from the fields
    /// directly, as search folds every record's texts.
    pub fn texts(&self) -> Vec<&str> {
        let mut texts: Vec<&str> = match self {
            Payload::ProblemSolving(p) => vec![
                &p.goal,
                &p.stuck_on,
                &p.tried,
                &p.constraints,
                &p.useful_by,
                &p.chosen_approach,
                &p.outcome,
            ],
            Payload::InformationRequest(p) => vec![&p.question, &p.context, p.urgency.slug()],
            Payload::SeekingExperience(p) => vec![&p.situation, &p.want_to_learn, &p.shareable],
            Payload::ReusingAssets(p) => vec![
                p.asset_type.slug(),
                &p.description,
                &p.first_used,
                &p.how_to_adapt,
                &p.location,
                &p.who_may_use,
            ],
            Payload::Coordination(p) => vec![
                &p.what,
                &p.expected_benefit,
                &p.who_needed,
                &p.deadline,
                &p.result,
            ],
            Payload::DiscussingDevelopments(p) => {
                vec![&p.development, &p.link, &p.question, &p.verdict]
            }
            Payload::DocumentationProject(p) => {
                let mut texts = vec![&*p.recurring_problem, &p.owner, &p.outline, &p.document];
                texts.extend(p.contributors.iter().map(String::as_str));
                texts
            }
            Payload::Visit(p) => {
                let mut texts = vec![
                    &*p.host,
                    &p.want_to_learn,
                    &p.proposed_dates,
                    &p.logistics,
                    &p.report,
                ];
                texts.extend(p.who_goes.iter().map(String::as_str));
                texts
            }
            Payload::Mapping(p) => {
                let mut texts = vec![&*p.area, &p.actions];
                for entry in &p.experts {
                    texts.push(&entry.topic);
                    texts.extend(entry.members.iter().map(String::as_str));
                }
                texts.extend(p.gaps.iter().chain(&p.groups).map(String::as_str));
                texts
            }
        };
        texts.retain(|text| !text.is_empty());
        texts
    }
}

impl Urgency {
    pub fn slug(self) -> &'static str {
        match self {
            Urgency::Low => "low",
            Urgency::Normal => "normal",
            Urgency::High => "high",
        }
    }
}

impl AssetType {
    pub fn slug(self) -> &'static str {
        match self {
            AssetType::Template => "template",
            AssetType::Proposal => "proposal",
            AssetType::Code => "code",
            AssetType::Checklist => "checklist",
            AssetType::Slides => "slides",
            AssetType::Guide => "guide",
            AssetType::Other => "other",
        }
    }
}

/// The form's view of a payload's fields (see `Payload::fields`).
pub fn form_of(kind: ActivityKind, fields: &Map<String, Value>) -> FormValues {
    map_of(fields_of(kind).iter().map(|spec| {
        let text = fields.get(spec.key).map(write_field).unwrap_or_default();
        (spec.key.to_owned(), text)
    }))
}

/// The payload's fields, without the kind around them.
// Through JSON text rather than `to_value`/`from_value`: the text
// (de)serializers are in the bundle anyway for storage, and a second,
// `Value`-based copy of every payload's serde code would cost the wasm
// bundle tens of kilobytes.
fn to_object(payload: &Payload) -> Map<String, Value> {
    let value = serde_json::to_string(payload).and_then(|text| serde_json::from_str(&text));
    match value {
        Ok(Value::Object(tagged)) => match tagged.into_iter().next() {
            Some((_, Value::Object(fields))) => fields,
            _ => unreachable!("a payload serializes to its kind around an object"),
        },
        _ => unreachable!("a payload serializes to an object"),
    }
}

fn from_object(
    kind: ActivityKind,
    fields: Map<String, Value>,
) -> Result<Payload, serde_json::Error> {
    let mut tagged = Map::new();
    tagged.insert(kind.slug().to_owned(), Value::Object(fields));
    serde_json::from_str(&Value::Object(tagged).to_string())
}

fn lines(raw: &str) -> Vec<String> {
    raw.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Checks one field and turns its text into the JSON value of its type.
fn read_field(spec: &FieldSpec, raw: &str, errors: &mut ValidationErrors) -> Option<Value> {
    let text = raw.trim();
    if text.is_empty() {
        if spec.required {
            errors.push(
                spec.key,
                format!("“{}” is needed: please fill it in.", spec.label),
            );
            return None;
        }
        return Some(match spec.input {
            Input::Lines | Input::TopicExperts => Value::Array(Vec::new()),
            // An unset choice keeps the type's default.
            Input::Choice(_) => return None,
            _ => Value::String(String::new()),
        });
    }
    if matches!(spec.input, Input::Link) {
        check_length_only(errors, spec.key, spec.label, text, spec.max_chars());
    } else {
        check_length(errors, spec.key, spec.label, text, spec.max_chars());
    }
    match spec.input {
        Input::Line | Input::Text => Some(Value::String(text.to_owned())),
        Input::Link if is_valid_link(text) => Some(Value::String(text.to_owned())),
        Input::Link => {
            errors.push(
                spec.key,
                "Give a full web address that starts with https:// or http://.",
            );
            None
        }
        Input::Date if is_valid_date(text) => Some(Value::String(text.to_owned())),
        Input::Date => {
            errors.push(
                spec.key,
                "Give a date as year-month-day, for example 2026-03-31, between 1900 and 2200.",
            );
            None
        }
        Input::Choice(options) if options.iter().any(|(value, _)| *value == text) => {
            Some(Value::String(text.to_owned()))
        }
        Input::Choice(_) => {
            errors.push(
                spec.key,
                format!("Pick one of the options for “{}”.", spec.label),
            );
            None
        }
        Input::Lines => Some(Value::Array(
            lines(text).into_iter().map(Value::String).collect(),
        )),
        Input::TopicExperts => read_topic_experts(spec, text, errors),
    }
}

fn read_topic_experts(
    spec: &FieldSpec,
    text: &str,
    errors: &mut ValidationErrors,
) -> Option<Value> {
    let mut entries = Vec::new();
    for (number, line) in lines(text).iter().enumerate() {
        match line.split_once(':') {
            Some((topic, names)) if !topic.trim().is_empty() => entries.push(TopicExperts {
                topic: topic.trim().to_owned(),
                members: names
                    .split(',')
                    .map(str::trim)
                    .filter(|name| !name.is_empty())
                    .map(str::to_owned)
                    .collect(),
            }),
            _ => {
                errors.push(
                    spec.key,
                    format!("Line {} of “{}” needs a topic, a colon, then names, like “invoicing: Ana, Lee”.", number + 1, spec.label),
                );
                return None;
            }
        }
    }
    serde_json::to_string(&entries)
        .and_then(|text| serde_json::from_str(&text))
        .ok()
}

fn write_field(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        Value::Array(items) => items
            .iter()
            .map(|item| match item {
                Value::String(text) => text.clone(),
                Value::Object(_) => match serde_json::from_str::<TopicExperts>(&item.to_string()) {
                    Ok(entry) => format!("{}: {}", entry.topic, entry.members.join(", ")),
                    Err(_) => String::new(),
                },
                _ => String::new(),
            })
            .collect::<Vec<_>>()
            .join("\n"),
        _ => String::new(),
    }
}
