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
        let values = self.field_values();
        map_of(fields_of(self.kind()).iter().map(|spec| {
            let value = values.iter().find(|(key, _)| *key == spec.key);
            let text = value
                .map(|(_, value)| value.form_text())
                .unwrap_or_default();
            (spec.key.to_owned(), text)
        }))
    }

    /// Every text this payload holds, for search: its non-empty texts and
    /// the names of its choices (ids are not text).
    pub fn texts(&self) -> Vec<&str> {
        let mut texts = Vec::new();
        for (_, value) in self.field_values() {
            value.texts(&mut texts);
        }
        texts.retain(|text| !text.is_empty());
        texts
    }

    /// Every stored field by its name in the export format, read from the
    /// struct directly: search and the import's checks read every record's
    /// fields, and going through JSON would cost them most of their time.
    pub fn field_values(&self) -> Vec<(&'static str, FieldValue<'_>)> {
        use FieldValue::{Answer, Choice, Experts, Lines, Text};
        match self {
            Payload::ProblemSolving(p) => vec![
                ("goal", Text(&p.goal)),
                ("stuck_on", Text(&p.stuck_on)),
                ("tried", Text(&p.tried)),
                ("constraints", Text(&p.constraints)),
                ("useful_by", Text(&p.useful_by)),
                ("chosen_approach", Text(&p.chosen_approach)),
                ("outcome", Text(&p.outcome)),
            ],
            Payload::InformationRequest(p) => vec![
                ("question", Text(&p.question)),
                ("context", Text(&p.context)),
                ("urgency", Choice(p.urgency.slug())),
                ("accepted_answer", Answer(p.accepted_answer)),
            ],
            Payload::SeekingExperience(p) => vec![
                ("situation", Text(&p.situation)),
                ("want_to_learn", Text(&p.want_to_learn)),
                ("shareable", Text(&p.shareable)),
            ],
            Payload::ReusingAssets(p) => vec![
                ("asset_type", Choice(p.asset_type.slug())),
                ("description", Text(&p.description)),
                ("first_used", Text(&p.first_used)),
                ("how_to_adapt", Text(&p.how_to_adapt)),
                ("location", Text(&p.location)),
                ("who_may_use", Text(&p.who_may_use)),
            ],
            Payload::Coordination(p) => vec![
                ("what", Text(&p.what)),
                ("expected_benefit", Text(&p.expected_benefit)),
                ("who_needed", Text(&p.who_needed)),
                ("deadline", Text(&p.deadline)),
                ("result", Text(&p.result)),
            ],
            Payload::DiscussingDevelopments(p) => vec![
                ("development", Text(&p.development)),
                ("link", Text(&p.link)),
                ("question", Text(&p.question)),
                ("verdict", Text(&p.verdict)),
            ],
            Payload::DocumentationProject(p) => vec![
                ("recurring_problem", Text(&p.recurring_problem)),
                ("owner", Text(&p.owner)),
                ("contributors", Lines(&p.contributors)),
                ("outline", Text(&p.outline)),
                ("document", Text(&p.document)),
            ],
            Payload::Visit(p) => vec![
                ("host", Text(&p.host)),
                ("want_to_learn", Text(&p.want_to_learn)),
                ("proposed_dates", Text(&p.proposed_dates)),
                ("who_goes", Lines(&p.who_goes)),
                ("logistics", Text(&p.logistics)),
                ("report", Text(&p.report)),
            ],
            Payload::Mapping(p) => vec![
                ("area", Text(&p.area)),
                ("experts", Experts(&p.experts)),
                ("gaps", Lines(&p.gaps)),
                ("groups", Lines(&p.groups)),
                ("actions", Text(&p.actions)),
            ],
        }
    }
}

/// One stored field of a payload, as its type holds it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldValue<'a> {
    Text(&'a str),
    /// A choice, by the name the export format gives it.
    Choice(&'static str),
    Lines(&'a [String]),
    Experts(&'a [TopicExperts]),
    Answer(Option<Id>),
}

impl<'a> FieldValue<'a> {
    /// The text the guided form shows for it: lists one item per line,
    /// experts as "topic: name, name".
    pub fn form_text(self) -> String {
        match self {
            FieldValue::Text(text) | FieldValue::Choice(text) => text.to_owned(),
            FieldValue::Lines(items) => items.join("\n"),
            FieldValue::Experts(entries) => entries
                .iter()
                .map(|entry| format!("{}: {}", entry.topic, entry.members.join(", ")))
                .collect::<Vec<_>>()
                .join("\n"),
            FieldValue::Answer(id) => id.map(|id| id.to_string()).unwrap_or_default(),
        }
    }

    /// The texts within it, in order (an id is not text).
    pub fn texts(self, out: &mut Vec<&'a str>) {
        match self {
            FieldValue::Text(text) | FieldValue::Choice(text) => out.push(text),
            FieldValue::Lines(items) => out.extend(items.iter().map(String::as_str)),
            FieldValue::Experts(entries) => {
                for entry in entries {
                    out.push(&entry.topic);
                    out.extend(entry.members.iter().map(String::as_str));
                }
            }
            FieldValue::Answer(_) => {}
        }
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
