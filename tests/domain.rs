//! The domain model, exercised the way the forms and the store use it.
#![cfg(not(target_arch = "wasm32"))]

use repertoire::domain::fields::Input;
use repertoire::domain::{
    fields_of, ActivityKind, IdSource, Payload, Record, RecordForm, SeededIds, Status, Timestamp,
};

/// A form for `kind` with every field filled with a plausible value.
fn filled_form(kind: ActivityKind) -> RecordForm {
    let mut form = RecordForm {
        title: format!("A {} record", kind.label()),
        author: "Robin".into(),
        topics: "Scheduling, safety".into(),
        ..RecordForm::default()
    };
    for spec in fields_of(kind) {
        let value = match spec.input {
            Input::Choice(options) => options[0].0.to_owned(),
            Input::Date => "2026-12-01".to_owned(),
            Input::Link => "https://example.org/page".to_owned(),
            Input::Lines => "first\nsecond".to_owned(),
            Input::TopicExperts => "invoicing: Ana, Lee\nrefunds: Sam".to_owned(),
            Input::Line | Input::Text => format!("{} — *written* by Robin", spec.label),
        };
        form.values.insert(spec.key.to_owned(), value);
    }
    form
}

fn create(
    kind: ActivityKind,
    form: &RecordForm,
) -> Result<Record, repertoire::domain::ValidationErrors> {
    Record::create(
        kind,
        form,
        SeededIds::new(9).next_id(),
        Timestamp(1_763_000_000_000),
    )
}

#[test]
fn every_kind_accepts_a_filled_form_and_shows_it_back() {
    for kind in ActivityKind::ALL {
        let form = filled_form(kind);
        let record = create(kind, &form).unwrap_or_else(|e| panic!("{kind:?}: {e}"));
        assert_eq!(record.kind(), kind);
        assert_eq!(
            record.status,
            repertoire::domain::status::initial_status(kind)
        );
        assert_eq!(
            RecordForm::of(&record).values,
            form.values,
            "{kind:?}: every field shows what was typed"
        );
    }
}

#[test]
fn every_kind_round_trips_through_json() {
    for kind in ActivityKind::ALL {
        let record = create(kind, &filled_form(kind)).expect("valid");
        let text = serde_json::to_string(&record).expect("serializes");
        let back: Record = serde_json::from_str(&text).expect("parses");
        assert_eq!(back, record, "{kind:?}");
        assert!(
            text.contains(&format!("\"payload\":{{\"{}\":{{", kind.slug())),
            "{text}"
        );
    }
}

#[test]
fn every_required_field_of_every_kind_is_reported_when_empty() {
    for kind in ActivityKind::ALL {
        let mut form = filled_form(kind);
        form.title = "   ".into();
        for spec in fields_of(kind).iter().filter(|s| s.required) {
            form.values.insert(spec.key.to_owned(), "  \n ".into());
        }
        let errors = create(kind, &form).expect_err("empty required fields");
        assert!(errors.for_field("title").is_some(), "{kind:?}: title");
        for spec in fields_of(kind).iter().filter(|s| s.required) {
            assert!(
                errors.for_field(spec.key).is_some(),
                "{kind:?}: {} must be reported",
                spec.key
            );
        }
    }
}

#[test]
fn only_required_fields_are_enough() {
    for kind in ActivityKind::ALL {
        let full = filled_form(kind);
        let mut form = RecordForm {
            values: Default::default(),
            ..full.clone()
        };
        for spec in fields_of(kind).iter().filter(|s| s.required) {
            form.values
                .insert(spec.key.to_owned(), full.values[spec.key].clone());
        }
        create(kind, &form).unwrap_or_else(|e| panic!("{kind:?}: {e}"));
    }
}

#[test]
fn bad_dates_links_choices_and_expert_lines_are_explained() {
    let mut form = filled_form(ActivityKind::ProblemSolving);
    form.values.insert("useful_by".into(), "2026-02-30".into());
    let errors = create(ActivityKind::ProblemSolving, &form).expect_err("bad date");
    assert!(errors
        .for_field("useful_by")
        .is_some_and(|m| m.contains("year-month-day")));

    let mut form = filled_form(ActivityKind::DiscussingDevelopments);
    form.values
        .insert("link".into(), "javascript:alert(1)".into());
    let errors = create(ActivityKind::DiscussingDevelopments, &form).expect_err("bad link");
    assert!(errors
        .for_field("link")
        .is_some_and(|m| m.contains("https://")));

    let mut form = filled_form(ActivityKind::InformationRequest);
    form.values.insert("urgency".into(), "yesterday".into());
    assert!(create(ActivityKind::InformationRequest, &form)
        .expect_err("bad choice")
        .for_field("urgency")
        .is_some());

    let mut form = filled_form(ActivityKind::Mapping);
    form.values
        .insert("experts".into(), "invoicing: Ana\nnobody knows".into());
    let errors = create(ActivityKind::Mapping, &form).expect_err("bad line");
    assert!(errors
        .for_field("experts")
        .is_some_and(|m| m.starts_with("Line 2")));
}

#[test]
fn long_text_is_refused_with_its_length_and_unicode_is_kept() {
    let mut form = filled_form(ActivityKind::SeekingExperience);
    form.title = "x".repeat(141);
    assert!(create(ActivityKind::SeekingExperience, &form)
        .expect_err("long")
        .for_field("title")
        .is_some_and(|m| m.contains("141")));
    form.title = "مرحبا 👋 <b>hi</b> & “quotes”".into();
    let record =
        create(ActivityKind::SeekingExperience, &form).expect("unicode and markup are plain text");
    assert_eq!(record.title, "مرحبا 👋 <b>hi</b> & “quotes”");
}

#[test]
fn editing_keeps_life_cycle_fields_and_creation_data() {
    let kind = ActivityKind::ProblemSolving;
    let mut record = create(kind, &filled_form(kind)).expect("valid");
    if let Payload::ProblemSolving(problem) = &mut record.payload {
        problem.outcome = "It worked".into();
    }
    record.status = Status::Resolved;
    let mut form = RecordForm::of(&record);
    form.values.insert("goal".into(), "A sharper goal".into());
    let edited = record
        .edited(&form, Timestamp(1_763_000_001_000))
        .expect("valid edit");
    assert_eq!(edited.id, record.id);
    assert_eq!(edited.created, record.created);
    assert_eq!(edited.status, Status::Resolved);
    match &edited.payload {
        Payload::ProblemSolving(problem) => {
            assert_eq!(problem.goal, "A sharper goal");
            assert_eq!(problem.outcome, "It worked");
        }
        other => panic!("kind changed: {other:?}"),
    }
}

#[test]
fn search_texts_cover_every_payload_field() {
    let record = create(ActivityKind::Mapping, &filled_form(ActivityKind::Mapping)).expect("valid");
    let texts = record.payload.texts().join(" | ");
    for needle in ["invoicing", "Ana", "first", "Actions"] {
        assert!(texts.contains(needle), "{needle} missing from {texts}");
    }
    assert!(!texts.contains("mapping"), "the kind tag is not content");
}

#[test]
fn text_meant_to_run_in_a_page_is_refused_and_code_between_backticks_kept() {
    let mut form = filled_form(ActivityKind::ProblemSolving);
    form.title = "Broken <img src=x onerror=alert(1)> banner".into();
    form.values
        .insert("tried".into(), "Added <script>fix()</script>".into());
    let errors = create(ActivityKind::ProblemSolving, &form).expect_err("markup refused");
    assert!(errors
        .for_field("title")
        .is_some_and(|m| m.contains("onerror=") && m.contains("backticks")));
    assert!(errors
        .for_field("tried")
        .is_some_and(|m| m.contains("<script")));

    form.title = "Broken `<img src=x onerror=alert(1)>` banner".into();
    form.values
        .insert("tried".into(), "```\n<script>fix()</script>\n```".into());
    let record = create(ActivityKind::ProblemSolving, &form).expect("code is quoted");
    // What a form accepts always imports again.
    let file = repertoire::domain::exchange::ExportFile::new(
        "default",
        Timestamp(1_763_000_000_000),
        vec![record.clone()],
    );
    let read = repertoire::domain::import::read_export(&file.to_json()).expect("imports");
    assert_eq!(read.records, vec![record]);
}

/// Every field, present and future, reaches search: each string and list
/// of a payload is filled, and the texts hold exactly what the JSON holds.
#[test]
fn search_texts_are_exactly_the_payloads_texts() {
    fn fill(value: &mut serde_json::Value, key: &str) {
        match value {
            // Choices keep their default: they are text only as names.
            serde_json::Value::String(text) if text.is_empty() => *text = format!("text of {key}"),
            serde_json::Value::Array(items) if key == "experts" => items
                .push(serde_json::json!({"topic": "topic of experts", "members": ["Ana", "Lee"]})),
            serde_json::Value::Null if key == "accepted_answer" => {
                *value = "5e5532fb-eea2-43f8-8bc9-42ee9086c171".into()
            }
            serde_json::Value::Array(items) => items.push(format!("item of {key}").into()),
            _ => {}
        }
    }
    fn strings(value: &serde_json::Value, out: &mut Vec<String>) {
        match value {
            serde_json::Value::String(text) => out.push(text.clone()),
            serde_json::Value::Array(items) => items.iter().for_each(|i| strings(i, out)),
            serde_json::Value::Object(map) => map.values().for_each(|v| strings(v, out)),
            _ => {}
        }
    }
    for kind in ActivityKind::ALL {
        let mut value = serde_json::to_value(Payload::empty(kind)).expect("json");
        let fields = value
            .get_mut(kind.slug())
            .and_then(serde_json::Value::as_object_mut)
            .expect("a kind around an object");
        for (key, field) in fields.iter_mut() {
            fill(field, key);
        }
        let payload: Payload = serde_json::from_value(value.clone()).expect("filled payload");
        let mut expected = Vec::new();
        strings(&value[kind.slug()], &mut expected);
        // An id is not text.
        expected.retain(|text| !text.starts_with("5e5532fb"));
        let mut texts: Vec<String> = payload.texts().into_iter().map(str::to_owned).collect();
        expected.sort();
        texts.sort();
        assert_eq!(texts, expected, "{kind:?}");
        // Each field under its export name, with the text the form shows.
        let values = payload.field_values();
        let mut keys: Vec<&str> = values.iter().map(|(key, _)| *key).collect();
        keys.sort_unstable();
        let json_keys: Vec<&str> = value[kind.slug()]
            .as_object()
            .map(|o| o.keys().map(String::as_str).collect())
            .unwrap_or_default();
        assert_eq!(keys, json_keys, "{kind:?}");
        for (key, field) in values {
            assert_eq!(
                field.form_text(),
                form_text(&value[kind.slug()][key]),
                "{kind:?} {key}"
            );
        }
    }
}

/// What the guided form shows for a field's JSON value.
fn form_text(value: &serde_json::Value) -> String {
    let line = |item: &serde_json::Value| match item {
        serde_json::Value::String(text) => text.clone(),
        serde_json::Value::Object(entry) => {
            let members: Vec<&str> = entry["members"]
                .as_array()
                .map(|m| m.iter().filter_map(serde_json::Value::as_str).collect())
                .unwrap_or_default();
            format!(
                "{}: {}",
                entry["topic"].as_str().unwrap_or(""),
                members.join(", ")
            )
        }
        _ => String::new(),
    };
    match value {
        serde_json::Value::String(text) => text.clone(),
        serde_json::Value::Array(items) => items.iter().map(line).collect::<Vec<_>>().join("\n"),
        _ => String::new(),
    }
}
