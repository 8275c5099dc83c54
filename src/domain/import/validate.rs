//! Reading a parsed export file part by part. Each field is read with its
//! own location, so one bad value is one problem at its place, and reading
//! goes on through the whole file.

use super::community::{check_kept, shown_values};
use super::markup::find_markup;
use super::{KeptKind, MAX_KEPT};
use super::{Problems, EARLIEST, LATEST, MAX_CONTRIBUTIONS, MAX_MEMBERS, MAX_RECORDS, MAX_ROUNDS};
use crate::domain::assessment::{Rating, Response, Round};
use crate::domain::community::{
    CommunityProfile, CommunityWord, MAX_COMMUNITY_NAME_CHARS, MAX_CORE_TOPICS, MAX_DOMAIN_CHARS,
    MAX_OWN_WORD_CHARS, MAX_STATEMENT_CHARS,
};
use crate::domain::contribution::{Contribution, ContributionBody};
use crate::domain::exchange::{iso_date, ExportFile, FORMAT_NAME, FORMAT_VERSION};
use crate::domain::fields::{fields_of, Input};
use crate::domain::history::{History, KeptDoc, RecordDoc};
use crate::domain::id::Id;
use crate::domain::instrument::item;
use crate::domain::kind::ActivityKind;
use crate::domain::lifecycle::MAX_CONTRIBUTION_CHARS;
use crate::domain::member::{Member, ParticipationLevel, MAX_MEMBER_TOPICS};
use crate::domain::payload::{FieldValue, Payload};
use crate::domain::record::{Record, MAX_NAME_CHARS, MAX_TITLE_CHARS, MAX_TOPICS};
use crate::domain::sorting::sort_by_key;
use crate::domain::status::{statuses_of, Status};
use crate::domain::time::Timestamp;
use crate::domain::topic::{Topic, MAX_TOPIC_CHARS};
use crate::domain::validation::{is_valid_date, is_valid_link};
use crate::domain::words::figure;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::Deserialize;
use serde_json::{Map, Value};

type Object = Map<String, Value>;

/// What a text field must hold.
pub(super) struct TextRule {
    /// Its name in a message, as a sentence starts: "The title".
    label: &'static str,
    required: bool,
    max_chars: usize,
}

pub(super) const TITLE: TextRule = TextRule {
    label: "The title",
    required: true,
    max_chars: MAX_TITLE_CHARS,
};
pub(super) const AUTHOR: TextRule = TextRule {
    label: "The author's name",
    required: true,
    max_chars: MAX_NAME_CHARS,
};
pub(super) const CONTRIBUTOR: TextRule = TextRule {
    label: "The contributor's name",
    required: true,
    max_chars: MAX_NAME_CHARS,
};
pub(super) const MEMBER_NAME: TextRule = TextRule {
    label: "The member's name",
    required: true,
    max_chars: MAX_NAME_CHARS,
};
const CONTRIBUTION: TextRule = TextRule {
    label: "The contribution",
    required: false,
    max_chars: MAX_CONTRIBUTION_CHARS,
};
pub(super) const COMMUNITY_NAME: TextRule = TextRule {
    label: "The community's name",
    required: true,
    max_chars: MAX_COMMUNITY_NAME_CHARS,
};
pub(super) const DOMAIN: TextRule = TextRule {
    label: "The domain statement",
    required: false,
    max_chars: MAX_DOMAIN_CHARS,
};
pub(super) const WHY_IT_MATTERS: TextRule = TextRule {
    label: "Why it matters",
    required: false,
    max_chars: MAX_STATEMENT_CHARS,
};
pub(super) const COMPETENCE: TextRule = TextRule {
    label: "What competence membership implies",
    required: false,
    max_chars: MAX_STATEMENT_CHARS,
};
const OWN_WORD: TextRule = TextRule {
    label: "The community's own word",
    required: true,
    max_chars: MAX_OWN_WORD_CHARS,
};
/// Owners of topic lists, in "{owner} has at most …".
pub(super) const PROFILE: &str = "a community profile";
pub(super) const A_RECORD: &str = "a record";
pub(super) const A_MEMBER: &str = "a member";
/// Any text that has no limit of its own; only its markup is checked.
pub(super) const UNLIMITED: TextRule = TextRule {
    label: "This text",
    required: false,
    max_chars: usize::MAX,
};

/// Ids found in the file, so links and responses can be checked against
/// what the file holds.
pub(super) struct Known {
    pub records: FxHashSet<Id>,
    pub members: FxHashSet<Id>,
}

/// The whole file, or `None` when any part of it could not be read; every
/// problem found is in `problems`.
pub(super) fn read_file(value: &Value, problems: &mut Problems) -> Option<ExportFile> {
    let p = problems;
    let Some(file) = value.as_object() else {
        p.push(
            "file",
            format!(
                "This is not a Repertoire export: the file holds {}, where an export holds an object with “format”, “version” and the records.",
                describe(value)
            ),
        );
        return None;
    };
    // Past a wrong format or version nothing else can be trusted, so the
    // reading stops there with one clear problem.
    check_format(p, file)?;
    check_version(p, file)?;
    let exported_at = field(p, "", file, "exported_at").and_then(|v| time(p, "exported_at", v));
    let namespace = field(p, "", file, "namespace")
        .and_then(|v| text(p, "namespace", v, &UNLIMITED))
        .map(str::to_owned);
    let profile = read_profile(p, file.get("profile").unwrap_or(&Value::Null));
    let members = section(p, file, "members", MAX_MEMBERS, "members");
    let records = section(p, file, "records", MAX_RECORDS, "records");
    let rounds = section(p, file, "rounds", MAX_ROUNDS, "self-assessment rounds");
    let history = read_history(p, file);
    let mut known = Known {
        records: ids_of(p, "records", records, "record"),
        members: ids_of(p, "members", members, "member"),
    };
    // A live record may link to one deleted since: it is in the history.
    if let Some(history) = &history {
        known.records.extend(history.iter().map(|(id, _)| *id));
    }
    let community_history = read_community_history(p, file);
    if let Some(kept) = &community_history {
        known.members.extend(
            kept.iter()
                .filter_map(|(name, _)| match KeptKind::of(name) {
                    Some(KeptKind::Member(id)) => Some(id),
                    _ => None,
                }),
        );
    }
    ids_of(p, "rounds", rounds, "round");
    unique_contribution_ids(p, records);
    let members = all(members, |at, v| read_member(p, at, v), "members");
    let records = all(records, |at, v| read_record(p, at, v, &known), "records");
    let rounds = all(rounds, |at, v| read_round(p, at, v, &known), "rounds");
    if let (Some(records), Some(history)) = (&records, &history) {
        let shown: FxHashMap<Id, &Record> = records.iter().map(|r| (r.id, r)).collect();
        let mut histories = FxHashSet::default();
        for (index, (id, entry)) in history.iter().enumerate() {
            let at = format!("history[{index}]");
            let record = shown.get(id).copied();
            check_history(p, &at, *id, entry, record, &known, &mut histories);
        }
    }
    // Checked above: a version this code reads.
    let version = file
        .get("version")
        .and_then(Value::as_u64)
        .and_then(|v| u32::try_from(v).ok())
        .unwrap_or(FORMAT_VERSION);
    let mut file = ExportFile {
        format: FORMAT_NAME.to_owned(),
        version,
        exported_at: exported_at?,
        namespace: namespace?,
        profile: profile?,
        members: members?,
        records: records?,
        rounds: rounds?,
        history: history?,
        community_history: Vec::new(),
    };
    let community_history = community_history?;
    let shown = shown_values(&file);
    let mut seen = FxHashSet::default();
    for (index, entry) in community_history.iter().enumerate() {
        check_kept(
            p,
            &format!("community_history[{index}]"),
            entry,
            &shown,
            &mut seen,
        );
    }
    file.community_history = community_history;
    Some(file)
}

/// The history of each community document (format 3; older files have
/// none): read with serde, entry by entry, so that a problem names its
/// entry.
fn read_community_history(p: &mut Problems, file: &Object) -> Option<Vec<(String, KeptDoc)>> {
    let version = file.get("version").and_then(Value::as_u64);
    let Some(value) = file
        .get("community_history")
        .filter(|_| version.is_some_and(|v| v >= 3))
    else {
        return Some(Vec::new());
    };
    let items = list(p, "community_history", value)?;
    if items.len() > MAX_KEPT {
        p.push(
            "community_history",
            format!(
                "The file holds {} histories of members, rounds and answers; Repertoire imports at most {} at a time.",
                figure(items.len()),
                figure(MAX_KEPT)
            ),
        );
        return None;
    }
    // Each document is read by the store's reader of kept documents.
    all(
        items,
        |at, v| {
            let pair = list(p, at, v)?;
            let name = match pair.first() {
                Some(Value::String(name)) if pair.len() == 2 => name.clone(),
                _ => {
                    p.push(
                        at,
                        "Each history is a pair: the document's name and the document.",
                    );
                    return None;
                }
            };
            let doc = typed(p, at, &pair[1], "This history")?;
            Some((name, doc))
        },
        "community_history",
    )
}

/// Each record's history (format 2; a version 1 file has none): read with
/// serde, entry by entry, so that a problem names its entry.
fn read_history(p: &mut Problems, file: &Object) -> Option<Vec<(Id, History)>> {
    let version = file.get("version").and_then(Value::as_u64);
    let Some(value) = file.get("history").filter(|_| version != Some(1)) else {
        return Some(Vec::new());
    };
    let items = list(p, "history", value)?;
    if items.len() > MAX_RECORDS {
        p.push(
            "history",
            format!(
                "The file holds {} record histories; Repertoire imports at most {} at a time.",
                figure(items.len()),
                figure(MAX_RECORDS)
            ),
        );
        return None;
    }
    all(
        items,
        |at, v| typed(p, at, v, "This record's history"),
        "history",
    )
}

/// Most revisions a record's history may name.
pub(super) const MAX_REVISIONS: usize = 10_000;

/// The rules of one record's history, the same for both readings: one
/// history per record; a winner that is live exactly when the record is
/// in the file's records; each other live version a valid record of the
/// same id and kind, and one for each other live revision.
pub(super) fn check_history(
    p: &mut Problems,
    at: &str,
    id: Id,
    history: &History,
    shown: Option<&Record>,
    known: &Known,
    seen: &mut FxHashSet<Id>,
) {
    if !seen.insert(id) {
        p.push(
            at,
            "This record has a second history in the file; each record has one.",
        );
    }
    if history.tree.len() > MAX_REVISIONS {
        p.push(
            at,
            format!(
                "A record's history names at most {} revisions.",
                figure(MAX_REVISIONS)
            ),
        );
        return;
    }
    let Some(winner) = history.tree.winner() else {
        p.push(at, "A record's history names at least one revision.");
        return;
    };
    match (winner.deleted, shown) {
        (false, None) => p.push(
            at,
            "This history shows a record that is not among the file's records.",
        ),
        (true, Some(_)) => p.push(
            at,
            "This history says the record was deleted, yet it is among the file's records.",
        ),
        _ => {}
    }
    for (_, version) in &history.others {
        // Checked with the record's contributions: an accepted answer of
        // this version is one of them.
        let with_contributions = Record {
            contributions: shown.map(|s| s.contributions.clone()).unwrap_or_default(),
            ..version.clone()
        };
        super::check::check_record(p, at, &with_contributions, known);
        let kind_differs = shown.is_some_and(|s| s.kind() != version.kind());
        if version.id != id || kind_differs || !version.contributions.is_empty() {
            p.push(at, "Each other version of a record has the record's id and kind, and no contributions (they belong to the record).");
        }
    }
    if RecordDoc::from_history(id, history.clone(), shown).is_none() {
        p.push(at, "This history's versions do not match its revisions: each live revision but the one shown has its version, and only those.");
    }
}

fn check_format(p: &mut Problems, file: &Object) -> Option<()> {
    match file.get("format") {
        Some(Value::String(format)) if format == FORMAT_NAME => Some(()),
        Some(Value::String(format)) => {
            p.push(
                "format",
                format!(
                    "This is not a Repertoire export: its format is “{}”, where an export says “{FORMAT_NAME}”.",
                    quote(format)
                ),
            );
            None
        }
        _ => {
            p.push(
                "format",
                format!("This is not a Repertoire export: it does not say “\"format\": \"{FORMAT_NAME}\"”."),
            );
            None
        }
    }
}

fn check_version(p: &mut Problems, file: &Object) -> Option<()> {
    let current = u64::from(FORMAT_VERSION);
    let message = match file.get("version").map(Value::as_u64) {
        Some(Some(version)) if (1..=current).contains(&version) => return Some(()),
        Some(Some(version)) if version > current => format!(
            "This file was made by a newer Repertoire (format version {version}; this one reads version {current}). Update Repertoire first, then import the file again."
        ),
        Some(Some(version)) => format!(
            "Format version {version} is not one this Repertoire knows; it reads version {current}."
        ),
        Some(None) => format!(
            "The format version must be a whole number such as {current}."
        ),
        None => "The file does not say which version of the export format it uses.".to_owned(),
    };
    p.push("version", message);
    None
}

/// A top-level list, empty when it is missing, of the wrong type or too
/// long: its items are not worth reading then, the file is refused anyway.
fn section<'v>(
    p: &mut Problems,
    file: &'v Object,
    key: &str,
    max: usize,
    what: &str,
) -> &'v [Value] {
    let Some(items) = field(p, "", file, key).and_then(|v| list(p, key, v)) else {
        return &[];
    };
    if items.len() > max {
        p.push(
            key,
            format!(
                "The file holds {} {what}; Repertoire imports at most {} at a time.",
                figure(items.len()),
                figure(max)
            ),
        );
        return &[];
    }
    items
}

/// Reads every item of a list; `None` when any item could not be read.
fn all<T>(
    items: &[Value],
    mut read: impl FnMut(&str, &Value) -> Option<T>,
    section: &str,
) -> Option<Vec<T>> {
    let mut out = Vec::with_capacity(items.len());
    let mut complete = true;
    for (index, value) in items.iter().enumerate() {
        match read(&format!("{section}[{index}]"), value) {
            Some(item) => out.push(item),
            None => complete = false,
        }
    }
    complete.then_some(out)
}

/// The ids of a list's items, each repeat reported once. Items whose id
/// cannot be read are left to their own reading.
fn ids_of(p: &mut Problems, section: &str, items: &[Value], what: &str) -> FxHashSet<Id> {
    let ids = items.iter().map(|value| value.get("id").and_then(read_id));
    unique_ids(p, section, ids, what)
}

/// The ids given, in list order (`None` for one that could not be read),
/// each repeat reported once.
pub(super) fn unique_ids(
    p: &mut Problems,
    section: &str,
    ids: impl ExactSizeIterator<Item = Option<Id>>,
    what: &str,
) -> FxHashSet<Id> {
    let mut first: FxHashMap<Id, usize> =
        FxHashMap::with_capacity_and_hasher(ids.len(), Default::default());
    for (index, id) in ids.enumerate() {
        let Some(id) = id else {
            continue;
        };
        if let Some(earlier) = first.get(&id) {
            p.push(
                format!("{section}[{index}].id"),
                format!("This id appears more than once: {section}[{earlier}] has it too, and every {what} needs its own."),
            );
        } else {
            first.insert(id, index);
        }
    }
    first.into_keys().collect()
}

/// An accepted answer names its contribution by id alone, so contribution
/// ids must be unique across the file, not only within a record.
fn unique_contribution_ids(p: &mut Problems, records: &[Value]) {
    let mut first = FxHashMap::default();
    for (r, record) in records.iter().enumerate() {
        let Some(contributions) = record.get("contributions").and_then(Value::as_array) else {
            continue;
        };
        for (c, contribution) in contributions.iter().enumerate() {
            if let Some(id) = contribution.get("id").and_then(read_id) {
                unique_contribution_id(p, &mut first, id, (r, c));
            }
        }
    }
}

/// Reports `id` at records[r].contributions[c] when an earlier one has it.
pub(super) fn unique_contribution_id(
    p: &mut Problems,
    first: &mut FxHashMap<Id, (usize, usize)>,
    id: Id,
    (r, c): (usize, usize),
) {
    if let Some((er, ec)) = first.get(&id) {
        p.push(
            format!("records[{r}].contributions[{c}].id"),
            format!("This id appears more than once: records[{er}].contributions[{ec}] has it too, and every contribution in the file needs its own."),
        );
    } else {
        first.insert(id, (r, c));
    }
}

// Reading values. Each reader reports at `at`, the path of the value it
// reads, and returns `None` only after reporting why.

/// What a value is, in words, for "found …".
fn describe(value: &Value) -> &'static str {
    match value {
        Value::Null => "null (nothing)",
        Value::Bool(_) => "true or false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// A member's text in a message, cut short.
fn quote(text: &str) -> String {
    const MAX: usize = 40;
    if text.chars().count() <= MAX {
        text.to_owned()
    } else {
        format!("{}…", text.chars().take(MAX).collect::<String>())
    }
}

pub(super) fn path(at: &str, key: &str) -> String {
    if at.is_empty() {
        key.to_owned()
    } else {
        format!("{at}.{key}")
    }
}

fn field<'v>(p: &mut Problems, at: &str, object: &'v Object, key: &str) -> Option<&'v Value> {
    let value = object.get(key);
    if value.is_none() {
        p.push(path(at, key), "This field is missing.");
    }
    value
}

fn object<'v>(p: &mut Problems, at: &str, value: &'v Value, what: &str) -> Option<&'v Object> {
    let object = value.as_object();
    if object.is_none() {
        p.push(
            at,
            format!(
                "{what} must be an object ({{…}}); found {}.",
                describe(value)
            ),
        );
    }
    object
}

fn list<'v>(p: &mut Problems, at: &str, value: &'v Value) -> Option<&'v [Value]> {
    let items = value.as_array().map(Vec::as_slice);
    if items.is_none() {
        p.push(
            at,
            format!("Expected a list ([…]) here; found {}.", describe(value)),
        );
    }
    items
}

/// Text of the right type, checked against `rule` and for markup; `Some`
/// whenever it is text, so the other fields are still read.
fn text<'v>(p: &mut Problems, at: &str, value: &'v Value, rule: &TextRule) -> Option<&'v str> {
    let Some(text) = value.as_str() else {
        p.push(
            at,
            format!("Expected text here; found {}.", describe(value)),
        );
        return None;
    };
    check_text(p, at, text, rule);
    Some(text)
}

pub(super) fn check_text(p: &mut Problems, at: &str, text: &str, rule: &TextRule) {
    if rule.required && text.trim().is_empty() {
        p.push(at, format!("{} is empty.", rule.label));
    }
    let count = text.chars().count();
    if count > rule.max_chars {
        p.push(
            at,
            format!(
                "{} is too long: {count} characters, at most {}.",
                rule.label, rule.max_chars
            ),
        );
    }
    if let Some(found) = find_markup(text) {
        p.push(
            at,
            format!("{} contains “{found}”, HTML or script that could run code in a web page. Repertoire does not import such text; remove it from the file.", rule.label),
        );
    }
}

fn id(p: &mut Problems, at: &str, value: &Value) -> Option<Id> {
    let id = read_id(value);
    if id.is_none() {
        let found = match value.as_str() {
            Some(text) => format!("“{}”", quote(text)),
            None => describe(value).to_owned(),
        };
        p.push(
            at,
            format!("Expected an id (a UUID such as 0f8fad5b-d9cb-469f-a165-70867728950e); found {found}."),
        );
    }
    id
}

/// An id as serde reads one, without a round trip through JSON text.
fn read_id(value: &Value) -> Option<Id> {
    value.as_str().and_then(Id::parse_exact)
}

fn time(p: &mut Problems, at: &str, value: &Value) -> Option<Timestamp> {
    let Some(millis) = value.as_i64() else {
        p.push(
            at,
            format!(
                "Expected a time here: a whole number of milliseconds since 1970; found {}.",
                describe(value)
            ),
        );
        return None;
    };
    let time = Timestamp(millis);
    check_time(p, at, time);
    Some(time)
}

pub(super) fn check_time(p: &mut Problems, at: &str, time: Timestamp) {
    if time < EARLIEST || time > LATEST {
        p.push(
            at,
            format!(
                "This time ({}) is before {} or after {}, so it cannot be right.",
                iso_date(time),
                iso_date(EARLIEST),
                iso_date(LATEST)
            ),
        );
    }
}

/// Reads a part of the file with serde, from its JSON text: the text
/// deserializers are in the bundle anyway for storage, and reading from a
/// `Value` would add a second copy of every type's serde code. Serde's
/// position ("at line 1 column 9") means nothing here and is left out.
fn read_part<T: for<'de> Deserialize<'de>>(value: &Value) -> Result<T, String> {
    serde_json::from_str(&value.to_string()).map_err(|error| {
        let text = error.to_string();
        match text.rfind(" at line ") {
            Some(at) => text[..at].to_owned(),
            None => text,
        }
    })
}

/// A serde-read value, for the parts whose shape serde states best; the
/// message keeps serde's words after ours.
fn typed<T: for<'de> Deserialize<'de>>(
    p: &mut Problems,
    at: &str,
    value: &Value,
    what: &str,
) -> Option<T> {
    match read_part::<T>(value) {
        Ok(read) => Some(read),
        Err(error) => {
            p.push(at, format!("{what} could not be read: {error}."));
            None
        }
    }
}

/// Normalized topics, as forms store them: lower case, single spaces, each
/// once, at most `max` of them.
fn topics(
    p: &mut Problems,
    at: &str,
    value: &Value,
    max: usize,
    owner: &str,
) -> Option<Vec<Topic>> {
    let items = list(p, at, value)?;
    if !topic_count(p, at, items.len(), max, owner) {
        return None;
    }
    let mut out: Vec<Topic> = Vec::with_capacity(items.len());
    let mut complete = true;
    for (index, item) in items.iter().enumerate() {
        let at = format!("{at}[{index}]");
        match text(p, &at, item, &UNLIMITED).and_then(|raw| topic(p, &at, raw, &out)) {
            Some(topic) => out.push(topic),
            None => complete = false,
        }
    }
    complete.then_some(out)
}

/// Whether a list of `count` topics is short enough.
pub(super) fn topic_count(
    p: &mut Problems,
    at: &str,
    count: usize,
    max: usize,
    owner: &str,
) -> bool {
    if count > max {
        p.push(
            at,
            format!("There are {count} topics; {owner} has at most {max}."),
        );
    }
    count <= max
}

/// `raw` as a topic, when it is written the way topics are kept; a topic
/// too long or already in `earlier` is reported but still read.
pub(super) fn topic(p: &mut Problems, at: &str, raw: &str, earlier: &[Topic]) -> Option<Topic> {
    match Topic::new(raw) {
        None => {
            p.push(
                at,
                format!(
                    "“{}” is not a topic: it has no letters or digits.",
                    quote(raw)
                ),
            );
            None
        }
        Some(topic) if topic.as_str() != raw => {
            p.push(at, format!("“{}” is not written the way topics are kept (lower case, single spaces); it would be “{}”.", quote(raw), quote(topic.as_str())));
            None
        }
        Some(topic) => {
            let count = topic.as_str().chars().count();
            if count > MAX_TOPIC_CHARS {
                p.push(
                    at,
                    format!(
                        "This topic is too long: {count} characters, at most {MAX_TOPIC_CHARS}."
                    ),
                );
            }
            if earlier.contains(&topic) {
                p.push(at, format!("“{}” is listed twice.", quote(raw)));
            }
            Some(topic)
        }
    }
}

/// An optional list: missing means empty, as serde reads it.
fn optional<T>(
    object: &Object,
    key: &str,
    read: impl FnOnce(&Value) -> Option<Vec<T>>,
) -> Option<Vec<T>> {
    match object.get(key) {
        Some(value) => read(value),
        None => Some(Vec::new()),
    }
}

// Records.

fn read_record(p: &mut Problems, at: &str, value: &Value, known: &Known) -> Option<Record> {
    let record = object(p, at, value, "Each record")?;
    let id = field(p, at, record, "id").and_then(|v| id(p, &path(at, "id"), v));
    let title = field(p, at, record, "title").and_then(|v| text(p, &path(at, "title"), v, &TITLE));
    let author =
        field(p, at, record, "author").and_then(|v| text(p, &path(at, "author"), v, &AUTHOR));
    let topics = field(p, at, record, "topics")
        .and_then(|v| topics(p, &path(at, "topics"), v, MAX_TOPICS, A_RECORD));
    let status = field(p, at, record, "status").and_then(|v| status(p, &path(at, "status"), v));
    let created = field(p, at, record, "created").and_then(|v| time(p, &path(at, "created"), v));
    let updated = field(p, at, record, "updated").and_then(|v| time(p, &path(at, "updated"), v));
    let payload = field(p, at, record, "payload").and_then(|v| payload(p, &path(at, "payload"), v));
    let kind = payload.as_ref().map(Payload::kind);
    let contributions = optional(record, "contributions", |v| contributions(p, at, v, kind));
    let links = optional(record, "links", |v| links(p, at, v, id, known));
    if let (Some(status), Some(kind)) = (status, kind) {
        check_status_of(p, at, status, kind);
    }
    if let (Some(Payload::InformationRequest(request)), Some(contributions)) =
        (&payload, &contributions)
    {
        check_accepted_answer(p, at, request.accepted_answer, contributions);
    }
    Some(Record {
        id: id?,
        title: title?.to_owned(),
        author: author?.to_owned(),
        topics: topics?,
        status: status?,
        created: created?,
        updated: updated?,
        payload: payload?,
        contributions: contributions?,
        links: links?,
    })
}

/// A record's status must be one of its kind's.
pub(super) fn check_status_of(p: &mut Problems, at: &str, status: Status, kind: ActivityKind) {
    if !statuses_of(kind).contains(&status) {
        let allowed: Vec<&str> = statuses_of(kind).iter().map(|s| s.slug()).collect();
        p.push(
            path(at, "status"),
            format!(
                "A {} record cannot be “{}”; its statuses are {}.",
                kind.slug(),
                status.slug(),
                allowed.join(", ")
            ),
        );
    }
}

fn status(p: &mut Problems, at: &str, value: &Value) -> Option<Status> {
    let slug = text(p, at, value, &UNLIMITED)?;
    let status = Status::from_slug(slug);
    if status.is_none() {
        p.push(
            at,
            format!("“{}” is not a status Repertoire knows.", quote(slug)),
        );
    }
    status
}

pub(super) fn check_accepted_answer(
    p: &mut Problems,
    at: &str,
    accepted: Option<Id>,
    contributions: &[Contribution],
) {
    let Some(accepted) = accepted else {
        return;
    };
    let message = match contributions.iter().find(|c| c.id == accepted) {
        None => "The accepted answer is not one of this record's contributions.",
        Some(c) if !matches!(c.body, ContributionBody::Answer { .. }) => {
            "The accepted answer points to a contribution that is not an answer."
        }
        Some(_) => return,
    };
    p.push(format!("{at}.payload.accepted_answer"), message);
}

/// The payload: exactly one known kind around its fields, each field of its
/// type, with what its form would refuse reported field by field.
fn payload(p: &mut Problems, at: &str, value: &Value) -> Option<Payload> {
    let tagged = object(p, at, value, "The payload")?;
    let mut kinds = tagged.iter();
    let (Some((slug, fields)), None) = (kinds.next(), kinds.next()) else {
        p.push(
            at,
            format!("The payload must hold exactly one kind of activity, such as {{\"problem-solving\": {{…}}}}; it holds {}.", tagged.len()),
        );
        return None;
    };
    if ActivityKind::from_slug(slug).is_none() {
        p.push(
            at,
            format!(
                "“{}” is not a kind of activity Repertoire knows.",
                quote(slug)
            ),
        );
        return None;
    }
    let fields = object(p, at, fields, "The payload's fields")?;
    match read_part::<Payload>(value) {
        Ok(payload) => {
            check_payload(p, at, &payload);
            Some(payload)
        }
        Err(error) => {
            report_payload_fields(p, at, slug, fields, &error);
            None
        }
    }
}

/// Names the fields that could not be read: every payload field has a
/// default, so a payload of that one field alone fails only for it.
fn report_payload_fields(p: &mut Problems, at: &str, slug: &str, fields: &Object, error: &str) {
    let mut found = false;
    for (key, field) in fields {
        let mut alone = Map::new();
        alone.insert(key.clone(), field.clone());
        let mut tagged = Map::new();
        tagged.insert(slug.to_owned(), Value::Object(alone));
        if let Err(error) = read_part::<Payload>(&Value::Object(tagged)) {
            p.push(
                path(at, key),
                format!("This field could not be read: {error}."),
            );
            found = true;
        }
    }
    if !found {
        p.push(at, format!("The payload could not be read: {error}."));
    }
}

pub(super) fn check_payload(p: &mut Problems, at: &str, payload: &Payload) {
    let kind = payload.kind();
    // In the order of the export's keys, so problems are listed as before.
    let mut values = payload.field_values();
    sort_by_key(&mut values, |(key, _)| *key);
    for spec in fields_of(kind) {
        let value = values.iter().find(|(key, _)| *key == spec.key);
        let text = value
            .map(|(_, value)| value.form_text())
            .unwrap_or_default();
        // The place is written out only for a problem: most fields have none.
        let here = || path(at, spec.key);
        let count = text.chars().count();
        if count > spec.max_chars() {
            p.push(
                here(),
                format!(
                    "“{}” is too long: {count} characters, at most {}.",
                    spec.label,
                    spec.max_chars()
                ),
            );
        }
        match spec.input {
            Input::Date if !text.is_empty() && !is_valid_date(&text) => p.push(
                here(),
                format!("“{}” is not a day: write it as year-month-day, for example 2026-03-31, between 1900 and 2200.", quote(&text)),
            ),
            Input::Link if !text.is_empty() && !is_valid_link(&text) => p.push(
                here(),
                "A link must be a full web address that starts with https:// or http://.",
            ),
            _ => {}
        }
    }
    // Fields no form shows (outcomes, verdicts, reports) have the limit of
    // the step that writes them; every text is checked for markup.
    for (key, value) in values {
        if let FieldValue::Text(text) = value {
            // Counted only where no form's limit applied already.
            let unformed = fields_of(kind).iter().all(|spec| spec.key != key);
            let count = if unformed { text.chars().count() } else { 0 };
            if count > MAX_CONTRIBUTION_CHARS {
                p.push(path(at, key), format!("This text is too long: {count} characters, at most {MAX_CONTRIBUTION_CHARS}."));
            }
        }
        check_markup_in_field(p, at, key, value);
    }
}

/// Markup in any text of a field, placed as in the export (`at.key[i]`).
fn check_markup_in_field(p: &mut Problems, at: &str, key: &str, value: FieldValue<'_>) {
    let mut markup = |place: &dyn Fn() -> String, text: &str| {
        if find_markup(text).is_some() {
            check_text(p, &place(), text, &UNLIMITED);
        }
    };
    match value {
        FieldValue::Text(text) | FieldValue::Choice(text) => markup(&|| path(at, key), text),
        FieldValue::Lines(items) => {
            for (index, item) in items.iter().enumerate() {
                markup(&|| format!("{}[{index}]", path(at, key)), item);
            }
        }
        FieldValue::Experts(entries) => {
            for (index, entry) in entries.iter().enumerate() {
                let entry_at = || format!("{}[{index}]", path(at, key));
                // In the order of the keys, as everywhere.
                for (m, member) in entry.members.iter().enumerate() {
                    markup(&|| format!("{}[{m}]", path(&entry_at(), "members")), member);
                }
                markup(&|| path(&entry_at(), "topic"), &entry.topic);
            }
        }
        FieldValue::Answer(_) => {}
    }
}

fn contributions(
    p: &mut Problems,
    at: &str,
    value: &Value,
    kind: Option<ActivityKind>,
) -> Option<Vec<Contribution>> {
    let at = path(at, "contributions");
    let items = list(p, &at, value)?;
    if items.len() > MAX_CONTRIBUTIONS {
        p.push(
            &at,
            format!(
                "This record has {} contributions; Repertoire imports at most {} on one record.",
                figure(items.len()),
                figure(MAX_CONTRIBUTIONS)
            ),
        );
        return None;
    }
    all(items, |at, v| contribution(p, at, v, kind), &at)
}

fn contribution(
    p: &mut Problems,
    at: &str,
    value: &Value,
    kind: Option<ActivityKind>,
) -> Option<Contribution> {
    let contribution = object(p, at, value, "Each contribution")?;
    let id = field(p, at, contribution, "id").and_then(|v| id(p, &path(at, "id"), v));
    let author = field(p, at, contribution, "author")
        .and_then(|v| text(p, &path(at, "author"), v, &CONTRIBUTOR));
    let created =
        field(p, at, contribution, "created").and_then(|v| time(p, &path(at, "created"), v));
    let body_at = path(at, "body");
    let body = field(p, at, contribution, "body")
        .and_then(|v| typed::<ContributionBody>(p, &body_at, v, "This contribution"));
    if let Some(body) = &body {
        check_body(p, &body_at, body, kind);
    }
    Some(Contribution {
        id: id?,
        author: author?.to_owned(),
        created: created?,
        body: body?,
    })
}

/// A contribution's body must fit its record's kind, and its texts their
/// limit.
pub(super) fn check_body(
    p: &mut Problems,
    at: &str,
    body: &ContributionBody,
    kind: Option<ActivityKind>,
) {
    if let Some(kind) = kind.filter(|kind| !body.fits(*kind)) {
        p.push(
            at,
            format!(
                "A {} record does not take this kind of contribution.",
                kind.slug()
            ),
        );
    }
    for (key, text) in body_texts(body) {
        check_text(p, &path(at, key), text, &CONTRIBUTION);
    }
}

/// A body's texts with their field names, for locations.
fn body_texts(body: &ContributionBody) -> Vec<(&'static str, &str)> {
    match body {
        ContributionBody::Idea { text }
        | ContributionBody::Answer { text }
        | ContributionBody::Opinion { text, .. }
        | ContributionBody::Comment { text } => vec![("text", text)],
        ContributionBody::Experience {
            what_happened,
            what_worked,
            differently,
        } => vec![
            ("what_happened", what_happened),
            ("what_worked", what_worked),
            ("differently", differently),
        ],
        ContributionBody::Reuse {
            reused_for,
            how_it_went,
        } => vec![("reused_for", reused_for), ("how_it_went", how_it_went)],
        ContributionBody::Join { note } => vec![("note", note)],
    }
}

fn links(
    p: &mut Problems,
    at: &str,
    value: &Value,
    own: Option<Id>,
    known: &Known,
) -> Option<Vec<Id>> {
    let at = path(at, "links");
    let items = list(p, &at, value)?;
    let mut out: Vec<Id> = Vec::with_capacity(items.len());
    let mut seen: FxHashSet<Id> =
        FxHashSet::with_capacity_and_hasher(items.len(), Default::default());
    let mut complete = true;
    for (index, item) in items.iter().enumerate() {
        let at = format!("{at}[{index}]");
        let Some(link) = id(p, &at, item) else {
            complete = false;
            continue;
        };
        check_link(p, &at, link, own, known, &mut seen);
        out.push(link);
    }
    complete.then_some(out)
}

/// A link must lead to another record of the file, once.
pub(super) fn check_link(
    p: &mut Problems,
    at: &str,
    link: Id,
    own: Option<Id>,
    known: &Known,
    seen: &mut FxHashSet<Id>,
) {
    if Some(link) == own {
        p.push(at, "A record cannot link to itself.");
    } else if !known.records.contains(&link) {
        p.push(at, "This links to a record that is not in the file.");
    } else if !seen.insert(link) {
        p.push(at, "This link is listed twice.");
    }
}

// Members, rounds and the profile.

fn read_member(p: &mut Problems, at: &str, value: &Value) -> Option<Member> {
    let member = object(p, at, value, "Each member")?;
    let id = field(p, at, member, "id").and_then(|v| id(p, &path(at, "id"), v));
    let name =
        field(p, at, member, "name").and_then(|v| text(p, &path(at, "name"), v, &MEMBER_NAME));
    let level = field(p, at, member, "level").and_then(|v| level(p, &path(at, "level"), v));
    let knows = optional(member, "knows", |v| {
        topics(p, &path(at, "knows"), v, MAX_MEMBER_TOPICS, A_MEMBER)
    });
    let learning = optional(member, "learning", |v| {
        topics(p, &path(at, "learning"), v, MAX_MEMBER_TOPICS, A_MEMBER)
    });
    let joined = field(p, at, member, "joined").and_then(|v| time(p, &path(at, "joined"), v));
    Some(Member {
        id: id?,
        name: name?.to_owned(),
        level: level?,
        knows: knows?,
        learning: learning?,
        joined: joined?,
    })
}

fn level(p: &mut Problems, at: &str, value: &Value) -> Option<ParticipationLevel> {
    let slug = text(p, at, value, &UNLIMITED)?;
    let level = ParticipationLevel::ALL
        .into_iter()
        .find(|level| level.slug() == slug);
    if level.is_none() {
        p.push(
            at,
            format!("“{}” is not a way of taking part Repertoire knows: core, active, occasional or newcomer.", quote(slug)),
        );
    }
    level
}

fn read_round(p: &mut Problems, at: &str, value: &Value, known: &Known) -> Option<Round> {
    let round = object(p, at, value, "Each round")?;
    let id = field(p, at, round, "id").and_then(|v| id(p, &path(at, "id"), v));
    let date = field(p, at, round, "date").and_then(|v| {
        let at = path(at, "date");
        let date = text(p, &at, v, &UNLIMITED)?;
        check_round_date(p, &at, date);
        Some(date)
    });
    let responses = field(p, at, round, "responses").and_then(|v| {
        let at = path(at, "responses");
        let items = list(p, &at, v)?;
        let mut seen: FxHashSet<Id> = FxHashSet::default();
        all(items, |at, v| response(p, at, v, known, &mut seen), &at)
    });
    Some(Round {
        id: id?,
        date: date?.to_owned(),
        responses: responses?,
    })
}

pub(super) fn check_round_date(p: &mut Problems, at: &str, date: &str) {
    if !is_valid_date(date) {
        p.push(
            at,
            format!(
                "“{}” is not a day: write it as year-month-day, for example 2026-03-31.",
                quote(date)
            ),
        );
    }
}

fn response(
    p: &mut Problems,
    at: &str,
    value: &Value,
    known: &Known,
    seen: &mut FxHashSet<Id>,
) -> Option<Response> {
    let response = object(p, at, value, "Each response")?;
    let member = field(p, at, response, "member").and_then(|v| {
        let at = path(at, "member");
        let member = id(p, &at, v)?;
        check_respondent(p, &at, member, known, seen);
        Some(member)
    });
    let answers = field(p, at, response, "answers").and_then(|v| {
        let at = path(at, "answers");
        let items = list(p, &at, v)?;
        let mut items_seen: FxHashSet<String> = FxHashSet::default();
        all(items, |at, v| answer(p, at, v, &mut items_seen), &at)
    });
    Some(Response {
        member: member?,
        answers: answers?,
    })
}

/// A response must be by a member of the file, once per round.
pub(super) fn check_respondent(
    p: &mut Problems,
    at: &str,
    member: Id,
    known: &Known,
    seen: &mut FxHashSet<Id>,
) {
    if !known.members.contains(&member) {
        p.push(
            at,
            "This response is by a member who is not in the file's members.",
        );
    } else if !seen.insert(member) {
        p.push(
            at,
            "This member answered this round more than once; keep one response.",
        );
    }
}

fn answer(
    p: &mut Problems,
    at: &str,
    value: &Value,
    seen: &mut FxHashSet<String>,
) -> Option<(String, Rating)> {
    let Some([statement, rating]) = value.as_array().map(Vec::as_slice) else {
        p.push(
            at,
            "An answer must be a pair: [statement id, rating], such as [\"d1\", {\"agreement\": 4}].",
        );
        return None;
    };
    let statement = text(p, at, statement, &UNLIMITED)?;
    let rating = typed::<Rating>(p, at, rating, "The rating");
    check_answer(p, at, statement, rating, seen);
    Some((statement.to_owned(), rating?))
}

/// An answer must be to a statement of the questionnaire, once, within
/// the scale.
pub(super) fn check_answer(
    p: &mut Problems,
    at: &str,
    statement: &str,
    rating: Option<Rating>,
    seen: &mut FxHashSet<String>,
) {
    if item(statement).is_none() {
        p.push(
            at,
            format!(
                "“{}” is not one of the questionnaire's statements.",
                quote(statement)
            ),
        );
    } else if !seen.insert(statement.to_owned()) {
        p.push(
            at,
            format!("Statement {statement} is answered more than once."),
        );
    }
    if let Some(Rating::Agreement(value)) = rating {
        if !(1..=5).contains(&value) {
            p.push(at, format!("Ratings go from 1 (strongly disagree) to 5 (strongly agree); {value} is outside that range."));
        }
    }
}

/// `Some(None)` for a file without a profile.
fn read_profile(p: &mut Problems, value: &Value) -> Option<Option<CommunityProfile>> {
    if value.is_null() {
        return Some(None);
    }
    let at = "profile";
    let profile = object(p, at, value, "The profile")?;
    let mut read_text = |key: &str, rule: &TextRule| {
        field(p, at, profile, key)
            .and_then(|v| text(p, &path(at, key), v, rule))
            .map(str::to_owned)
    };
    let name = read_text("name", &COMMUNITY_NAME);
    let domain = read_text("domain", &DOMAIN);
    let why_it_matters = read_text("why_it_matters", &WHY_IT_MATTERS);
    let competence = read_text("competence", &COMPETENCE);
    let word = field(p, at, profile, "word").and_then(|v| {
        let word = typed::<CommunityWord>(
            p,
            "profile.word",
            v,
            "The word the community uses for itself",
        )?;
        check_word(p, &word);
        Some(word)
    });
    let core_topics = field(p, at, profile, "core_topics")
        .and_then(|v| topics(p, "profile.core_topics", v, MAX_CORE_TOPICS, PROFILE));
    Some(Some(CommunityProfile {
        name: name?,
        word: word?,
        domain: domain?,
        why_it_matters: why_it_matters?,
        competence: competence?,
        core_topics: core_topics?,
    }))
}

pub(super) fn check_word(p: &mut Problems, word: &CommunityWord) {
    if let CommunityWord::Own(own) = word {
        check_text(p, "profile.word.own", own, &OWN_WORD);
    }
}
