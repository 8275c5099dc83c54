#![cfg(not(target_arch = "wasm32"))]
//! Importing an export: bad files are refused with every problem placed,
//! good files come back unchanged, and merging keeps everything.

use repertoire::domain::assessment::{response_from, Answer, Rating, Round};
use repertoire::domain::community::{CommunityProfile, ProfileForm};
use repertoire::domain::exchange::ExportFile;
use repertoire::domain::history::{json_of, KeptDoc, RecordDoc};
use repertoire::domain::import::{
    docs_of, find_markup, histories_for, kept_docs_of, plan_merge, read_export, read_in_parts,
    Local, MergePlan, Outcome, Refusal, MAX_CONTRIBUTIONS, MAX_FILE_BYTES, MAX_MEMBERS,
    MAX_PROBLEMS_SHOWN, MAX_RECORDS, MAX_ROUNDS,
};
use repertoire::domain::lifecycle::{apply, Step};
use repertoire::domain::member::{Member, MemberForm};
use repertoire::domain::{
    ActivityKind, ContributionBody, Id, IdSource, Record, RecordForm, SeededIds, Stance, Timestamp,
};
use rustc_hash::FxHashMap;
use serde_json::{json, Value};
use std::collections::{BTreeMap, HashSet};

const START: i64 = 1_763_000_000_000;

struct World {
    ids: SeededIds,
    clock: i64,
}

impl World {
    fn new(seed: u64) -> World {
        World {
            ids: SeededIds::new(seed),
            clock: START,
        }
    }

    /// A second browser, working after the sample was made.
    fn later(seed: u64) -> World {
        World {
            ids: SeededIds::new(seed),
            clock: START + 24 * 60 * 60 * 1000,
        }
    }

    fn tick(&mut self) -> Timestamp {
        self.clock += 60_000;
        Timestamp(self.clock)
    }

    fn record(&mut self, kind: ActivityKind, title: &str, fields: &[(&str, &str)]) -> Record {
        let mut form = RecordForm {
            title: title.into(),
            author: "Ana".into(),
            topics: "handover, night shift".into(),
            ..Default::default()
        };
        for (key, value) in fields {
            form.values.insert((*key).into(), (*value).into());
        }
        let (id, now) = (self.ids.next_id(), self.tick());
        Record::create(kind, &form, id, now).unwrap_or_else(|e| panic!("{title}: {e}"))
    }

    fn problem(&mut self, title: &str) -> Record {
        self.record(
            ActivityKind::ProblemSolving,
            title,
            &[
                ("goal", "Allergies reach the night shift"),
                ("stuck_on", "Late admissions"),
            ],
        )
    }

    fn step(&mut self, record: &Record, step: Step, author: &str) -> Record {
        let (id, now) = (self.ids.next_id(), self.tick());
        apply(record, step, author, id, now).unwrap_or_else(|e| panic!("{e}"))
    }

    fn idea(&mut self, record: &Record, text: &str) -> Record {
        self.step(
            record,
            Step::Contribute(ContributionBody::Idea { text: text.into() }),
            "Lee",
        )
    }

    fn retitled(&mut self, record: &Record, title: &str) -> Record {
        let mut form = RecordForm::of(record);
        form.title = title.into();
        record.edited(&form, self.tick()).expect("edit")
    }

    fn member(&mut self, name: &str, others: &[Member]) -> Member {
        let form = MemberForm {
            name: name.into(),
            level: "active".into(),
            knows: "handover".into(),
            learning: "allergies".into(),
        };
        let (id, now) = (self.ids.next_id(), self.tick());
        Member::create(&form, others, id, now).expect("member")
    }
}

/// A community with one record of most kinds, contributions, an accepted
/// answer, a link, members, a round and a profile: records[0] is a problem
/// with an idea, [1] a request with its accepted answer, [2] a document
/// linking to [0], [3] a discussion, [4] a visit, [5] a map.
fn sample() -> ExportFile {
    let mut w = World::new(1);
    let problem = w.problem("Allergy notes get lost at night");
    let problem = w.idea(&problem, "Print the sheet after the last admission");
    let request = w.record(
        ActivityKind::InformationRequest,
        "Where is the fire drill checklist?",
        &[("question", "Where is it?"), ("urgency", "high")],
    );
    let request = w.step(
        &request,
        Step::Contribute(ContributionBody::Answer {
            text: "In the **blue** binder".into(),
        }),
        "Lee",
    );
    let answer = request.contributions[0].id;
    let request = w.step(&request, Step::AcceptAnswer(answer), "Ana");
    let mut document = w.record(
        ActivityKind::DocumentationProject,
        "Handover sheet: the fix",
        &[
            ("recurring_problem", "Notes get lost"),
            ("contributors", "Lee\nKim"),
            (
                "document",
                "## Steps\n1. Print late\n2. Check `x<y` and a < b",
            ),
        ],
    );
    document.links = vec![problem.id];
    let discussion = w.record(
        ActivityKind::DiscussingDevelopments,
        "JavaScript: the new accessibility rules",
        &[
            ("development", "The accessibility act"),
            ("link", "https://example.org/act?x=1"),
            ("question", "What changes for our forms?"),
        ],
    );
    let discussion = w.step(
        &discussion,
        Step::Contribute(ContributionBody::Opinion {
            stance: Stance::Trial,
            text: "Try it on one form".into(),
        }),
        "Kim",
    );
    let visit = w.record(
        ActivityKind::Visit,
        "Visit the east ward",
        &[
            ("host", "East ward"),
            ("want_to_learn", "Their sheet"),
            ("who_goes", "Ana\nLee"),
        ],
    );
    let map = w.record(
        ActivityKind::Mapping,
        "Who knows the handover?",
        &[
            ("area", "Handovers"),
            ("experts", "handover: Ana, Lee"),
            ("gaps", "night pharmacy"),
        ],
    );
    let ana = w.member("Ana", &[]);
    let lee = w.member("Lee", std::slice::from_ref(&ana));
    let round = Round {
        id: w.ids.next_id(),
        date: "2026-03-31".into(),
        responses: vec![
            response_from(ana.id, &[("d1".into(), Rating::Agreement(4))]).expect("response"),
            response_from(lee.id, &[("c2".into(), Rating::DontKnow)]).expect("response"),
        ],
    };
    let profile = CommunityProfile::from_form(&ProfileForm {
        name: "Night shift circle".into(),
        word: "guild".into(),
        domain: "Safe handovers between shifts".into(),
        core_topics: "handover, allergies".into(),
        ..Default::default()
    })
    .expect("profile");
    let mut file = ExportFile::new(
        "default",
        w.tick(),
        vec![problem, request, document, discussion, visit, map],
    );
    file.members = vec![ana, lee];
    file.rounds = vec![round];
    file.profile = Some(profile);
    file
}

fn sample_value() -> Value {
    serde_json::from_str(&sample().to_json()).expect("json")
}

/// The sample with one change, as file text.
fn changed(change: impl FnOnce(&mut Value)) -> String {
    let mut value = sample_value();
    change(&mut value);
    value.to_string()
}

fn at<'v>(value: &'v mut Value, pointer: &str) -> &'v mut Value {
    value
        .pointer_mut(pointer)
        .unwrap_or_else(|| panic!("{pointer} in the sample"))
}

fn refused(text: &str) -> Refusal {
    read_export(text).expect_err("the file is refused")
}

/// The file is refused with a problem at `place` whose message holds `words`.
fn assert_refused(text: &str, place: &str, words: &str) {
    let refusal = refused(text);
    assert!(
        refusal
            .problems
            .iter()
            .any(|p| p.at == place && p.message.contains(words)),
        "expected “{words}” at {place}, got:\n{refusal}"
    );
}

// Reading: a corpus of bad files, one kind of problem per test.

#[test]
fn a_valid_export_comes_back_as_it_was() {
    let file = sample();
    assert_eq!(read_export(&file.to_json()), Ok(file.clone()));
    let pretty = serde_json::to_string_pretty(&file).expect("json");
    assert_eq!(read_export(&format!("\u{feff}{pretty}")), Ok(file.clone()));
    let empty = ExportFile::new("default", Timestamp(START), Vec::new());
    assert_eq!(read_export(&empty.to_json()), Ok(empty));
}

#[test]
fn a_file_too_large_is_refused_before_it_is_parsed() {
    let refusal = refused(&" ".repeat(MAX_FILE_BYTES + 1));
    assert_eq!(refusal.total, 1);
    assert_eq!(refusal.problems[0].at, "file");
    assert!(refusal.problems[0].message.contains("201 MB"), "{refusal}");
}

#[test]
fn text_that_is_not_json_is_placed_by_line_and_column() {
    assert_refused(
        "{\"format\": \"repertoire-export\",\n  \"version\": oops}",
        "line 2, column 14",
        "not valid JSON",
    );
    assert_refused("", "line 1, column 0", "ends too early");
    assert_refused(
        "{\"format\": \"repertoire-export\", ",
        "line 1, column 32",
        "ends too early",
    );
}

#[test]
fn other_json_is_not_a_repertoire_export() {
    assert_refused("[1, 2]", "file", "This is not a Repertoire export");
    assert_refused(
        r#"{"format": "something-else", "version": 1}"#,
        "format",
        "This is not a Repertoire export",
    );
    assert_refused(
        r#"{"version": 1}"#,
        "format",
        "This is not a Repertoire export",
    );
}

#[test]
fn versions_other_than_this_one_are_refused() {
    let newer = changed(|v| v["version"] = json!(4));
    assert_refused(&newer, "version", "made by a newer Repertoire");
    assert_refused(&newer, "version", "Update Repertoire first");
    let older = changed(|v| v["version"] = json!(0));
    assert_refused(&older, "version", "not one this Repertoire knows");
    assert_refused(
        &changed(|v| v["version"] = json!("2")),
        "version",
        "whole number",
    );
    let missing = changed(|v| {
        v.as_object_mut().expect("object").remove("version");
    });
    assert_refused(&missing, "version", "does not say which version");
    // A wrong version stops the reading: nothing else can be trusted.
    assert_eq!(refused(&newer).total, 1);
}

#[test]
fn wrong_types_are_named_field_by_field() {
    let text = changed(|v| {
        *at(v, "/records/0/title") = json!(42);
        *at(v, "/records/3/created") = json!("yesterday");
        *at(v, "/members/1/knows") = json!("handover");
        *at(v, "/records/5") = json!("a record");
    });
    assert_refused(
        &text,
        "records[0].title",
        "Expected text here; found a number.",
    );
    assert_refused(&text, "records[3].created", "Expected a time here");
    assert_refused(&text, "members[1].knows", "Expected a list");
    assert_refused(&text, "records[5]", "Each record must be an object");
    assert_eq!(refused(&text).total, 4, "one problem each, the rest read");
}

#[test]
fn objects_written_as_lists_of_their_values_are_refused() {
    // Serde alone would read each of these as the object in field order.
    let payload = changed(|v| *at(v, "/records/0/payload/problem-solving") = json!([]));
    assert_refused(&payload, "records[0].payload", "must be an object");
    let profile = changed(|v| {
        let fields: Vec<Value> = at(v, "/profile")
            .as_object()
            .map(|o| o.values().cloned().collect())
            .unwrap_or_default();
        *at(v, "/profile") = Value::Array(fields);
    });
    assert_refused(&profile, "profile", "must be an object");
}

#[test]
fn missing_fields_are_named() {
    let text = changed(|v| {
        at(v, "/records/0")
            .as_object_mut()
            .expect("object")
            .remove("author");
        at(v, "/members/0")
            .as_object_mut()
            .expect("object")
            .remove("joined");
        v.as_object_mut().expect("object").remove("rounds");
    });
    assert_refused(&text, "records[0].author", "This field is missing.");
    assert_refused(&text, "members[0].joined", "This field is missing.");
    assert_refused(&text, "rounds", "This field is missing.");
}

#[test]
fn optional_fields_may_be_left_out() {
    let text = changed(|v| {
        let record = at(v, "/records/4").as_object_mut().expect("object");
        record.remove("contributions");
        record.remove("links");
        v.as_object_mut().expect("object").remove("profile");
    });
    let file = read_export(&text).expect("accepted");
    assert!(file.profile.is_none());
}

#[test]
fn unreadable_parts_are_placed_with_serde_words() {
    let text = changed(|v| {
        *at(v, "/records/1/payload/information-request/urgency") = json!("urgent");
        *at(v, "/records/0/contributions/0/body") = json!({"idea": {"txt": "x"}});
        *at(v, "/records/2/payload") = json!({"recipe": {}});
        *at(v, "/rounds/0/responses/0/answers/0/1") = json!({"agreement": 300});
        *at(v, "/profile/word") = json!("club");
    });
    assert_refused(
        &text,
        "records[1].payload.urgency",
        "unknown variant `urgent`",
    );
    assert_refused(
        &text,
        "records[0].contributions[0].body",
        "missing field `text`",
    );
    assert_refused(
        &text,
        "records[2].payload",
        "“recipe” is not a kind of activity",
    );
    assert_refused(
        &text,
        "rounds[0].responses[0].answers[0]",
        "The rating could not be read",
    );
    assert_refused(
        &text,
        "profile.word",
        "The word the community uses for itself",
    );
}

#[test]
fn statuses_must_exist_and_fit_the_kind() {
    let text = changed(|v| {
        *at(v, "/records/0/status") = json!("published");
        *at(v, "/records/1/status") = json!("pending");
    });
    assert_refused(
        &text,
        "records[0].status",
        "A problem-solving record cannot be “published”; its statuses are open, resolved.",
    );
    assert_refused(
        &text,
        "records[1].status",
        "“pending” is not a status Repertoire knows.",
    );
}

#[test]
fn too_many_items_are_refused() {
    let many = |n: usize| Value::Array(vec![json!({}); n]);
    let text = changed(|v| {
        v["records"] = many(MAX_RECORDS + 1);
        v["members"] = many(MAX_MEMBERS + 1);
        v["rounds"] = many(MAX_ROUNDS + 1);
    });
    assert_refused(
        &text,
        "records",
        "200,001 records; Repertoire imports at most 200,000",
    );
    assert_refused(&text, "members", "10,001 members");
    assert_refused(&text, "rounds", "1,001 self-assessment rounds");
    assert_eq!(
        refused(&text).total,
        3,
        "the items of a list too long are not read"
    );
    let text = changed(|v| *at(v, "/records/0/contributions") = many(MAX_CONTRIBUTIONS + 1));
    assert_refused(
        &text,
        "records[0].contributions",
        "10,001 contributions; Repertoire imports at most 10,000",
    );
    let text = changed(|v| {
        *at(v, "/records/0/topics") =
            Value::Array((0..21).map(|n| json!(format!("topic {n}"))).collect())
    });
    assert_refused(
        &text,
        "records[0].topics",
        "There are 21 topics; a record has at most 20.",
    );
}

#[test]
fn duplicate_ids_are_refused() {
    let text = changed(|v| {
        let record = at(v, "/records/0").clone();
        v["records"].as_array_mut().expect("list").push(record);
        let member = at(v, "/members/0").clone();
        v["members"].as_array_mut().expect("list").push(member);
        let round = at(v, "/rounds/0").clone();
        v["rounds"].as_array_mut().expect("list").push(round);
    });
    assert_refused(
        &text,
        "records[6].id",
        "This id appears more than once: records[0] has it too",
    );
    assert_refused(
        &text,
        "records[6].contributions[0].id",
        "records[0].contributions[0] has it too",
    );
    assert_refused(&text, "members[2].id", "members[0] has it too");
    assert_refused(&text, "rounds[1].id", "rounds[0] has it too");
}

#[test]
fn contribution_ids_are_unique_across_the_file() {
    let text = changed(|v| {
        let id = at(v, "/records/0/contributions/0/id").clone();
        *at(v, "/records/3/contributions/0/id") = id;
    });
    assert_refused(
        &text,
        "records[3].contributions[0].id",
        "every contribution in the file needs its own",
    );
}

#[test]
fn dangling_links_and_references_are_refused() {
    let stranger = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
    let text = changed(|v| {
        *at(v, "/records/2/links") = json!([stranger]);
        let own = at(v, "/records/4/id").clone();
        *at(v, "/records/4/links") = json!([own]);
        let problem = at(v, "/records/0/id").clone();
        *at(v, "/records/5/links") = json!([problem.clone(), problem]);
        *at(v, "/rounds/0/responses/1/member") = json!(stranger);
    });
    assert_refused(
        &text,
        "records[2].links[0]",
        "This links to a record that is not in the file.",
    );
    assert_refused(
        &text,
        "records[4].links[0]",
        "A record cannot link to itself.",
    );
    assert_refused(&text, "records[5].links[1]", "This link is listed twice.");
    assert_refused(
        &text,
        "rounds[0].responses[1].member",
        "not in the file's members",
    );
}

#[test]
fn an_accepted_answer_must_be_an_answer_of_the_record() {
    let stranger = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
    let text = changed(|v| {
        *at(v, "/records/1/payload/information-request/accepted_answer") = json!(stranger)
    });
    assert_refused(
        &text,
        "records[1].payload.accepted_answer",
        "not one of this record's contributions",
    );
    let text = changed(|v| {
        at(v, "/records/1/contributions/0/body").take();
        *at(v, "/records/1/contributions/0/body") = json!({"comment": {"text": "Thanks"}});
    });
    assert_refused(&text, "records[1].payload.accepted_answer", "not an answer");
}

#[test]
fn texts_the_forms_would_refuse_are_refused() {
    let text = changed(|v| {
        *at(v, "/records/0/title") = json!("  ");
        *at(v, "/records/1/title") = json!("t".repeat(141));
        *at(v, "/records/2/author") = json!("a".repeat(81));
        *at(v, "/records/3/topics/0") = json!("t".repeat(61));
        *at(v, "/records/4/topics/0") = json!("Night  Shift");
        *at(v, "/records/4/topics/1") = json!("#,");
        *at(v, "/records/5/topics/1") = json!("handover");
        *at(v, "/records/0/payload/problem-solving/goal") = json!("g".repeat(20_001));
        *at(v, "/records/0/payload/problem-solving/outcome") = json!("o".repeat(20_001));
        *at(v, "/records/0/contributions/0/author") = json!("");
        *at(v, "/members/0/name") = json!("");
        *at(v, "/profile/domain") = json!("d".repeat(501));
    });
    assert_refused(&text, "records[0].title", "The title is empty.");
    assert_refused(
        &text,
        "records[1].title",
        "The title is too long: 141 characters, at most 140.",
    );
    assert_refused(
        &text,
        "records[2].author",
        "The author's name is too long: 81 characters, at most 80.",
    );
    assert_refused(
        &text,
        "records[3].topics[0]",
        "This topic is too long: 61 characters, at most 60.",
    );
    assert_refused(&text, "records[4].topics[0]", "it would be “night shift”");
    assert_refused(&text, "records[4].topics[1]", "is not a topic");
    assert_refused(&text, "records[5].topics[1]", "“handover” is listed twice.");
    assert_refused(
        &text,
        "records[0].payload.goal",
        "is too long: 20001 characters, at most 20000.",
    );
    assert_refused(
        &text,
        "records[0].payload.outcome",
        "This text is too long: 20001 characters",
    );
    assert_refused(
        &text,
        "records[0].contributions[0].author",
        "The contributor's name is empty.",
    );
    assert_refused(&text, "members[0].name", "The member's name is empty.");
    assert_refused(&text, "profile.domain", "The domain statement is too long");
    assert_eq!(refused(&text).total, 12);
}

#[test]
fn dates_links_levels_and_kinds_of_contribution_are_checked() {
    let text = changed(|v| {
        *at(v, "/records/0/payload/problem-solving/useful_by") = json!("2026-02-30");
        *at(v, "/records/3/payload/discussing-developments/link") = json!("ftp://files");
        *at(v, "/rounds/0/date") = json!("31/03/2026");
        *at(v, "/members/0/level") = json!("boss");
        *at(v, "/records/0/contributions/0/body") = json!({"answer": {"text": "Here"}});
    });
    assert_refused(
        &text,
        "records[0].payload.useful_by",
        "“2026-02-30” is not a day",
    );
    assert_refused(
        &text,
        "records[3].payload.link",
        "starts with https:// or http://",
    );
    assert_refused(&text, "rounds[0].date", "“31/03/2026” is not a day");
    assert_refused(
        &text,
        "members[0].level",
        "“boss” is not a way of taking part",
    );
    assert_refused(
        &text,
        "records[0].contributions[0].body",
        "does not take this kind of contribution",
    );
}

#[test]
fn answers_must_name_statements_once_and_stay_on_the_scale() {
    let text = changed(|v| {
        *at(v, "/rounds/0/responses/0/answers") =
            json!([["d1", {"agreement": 6}], ["z9", "dont-know"], ["d1", "dont-know"], ["d2"]]);
    });
    assert_refused(
        &text,
        "rounds[0].responses[0].answers[0]",
        "6 is outside that range",
    );
    assert_refused(
        &text,
        "rounds[0].responses[0].answers[1]",
        "“z9” is not one of the questionnaire's statements.",
    );
    assert_refused(
        &text,
        "rounds[0].responses[0].answers[2]",
        "Statement d1 is answered more than once.",
    );
    assert_refused(
        &text,
        "rounds[0].responses[0].answers[3]",
        "An answer must be a pair",
    );
    let text = changed(|v| {
        let response = at(v, "/rounds/0/responses/0").clone();
        v["rounds"][0]["responses"]
            .as_array_mut()
            .expect("list")
            .push(response);
    });
    assert_refused(
        &text,
        "rounds[0].responses[2].member",
        "answered this round more than once",
    );
}

#[test]
fn times_outside_a_sane_range_are_refused() {
    let text = changed(|v| {
        *at(v, "/records/0/created") = json!(0);
        *at(v, "/records/1/updated") = json!(1_763_000_000); // seconds, not milliseconds
        *at(v, "/members/0/joined") = json!(4_102_444_800_001_i64);
        *at(v, "/exported_at") = json!(1.5e12);
        *at(v, "/records/0/contributions/0/created") = json!(-1);
    });
    assert_refused(
        &text,
        "records[0].created",
        "This time (1970-01-01) is before 2000-01-01 or after 2100-01-01",
    );
    assert_refused(&text, "records[1].updated", "(1970-01-21)");
    assert_refused(&text, "members[0].joined", "(2100-01-01)");
    assert_refused(&text, "exported_at", "whole number of milliseconds");
    assert_refused(&text, "records[0].contributions[0].created", "(1969-12-31)");
    let edge = changed(|v| *at(v, "/records/0/created") = json!(946_684_800_000_i64));
    assert!(read_export(&edge).is_ok(), "2000-01-01 itself is fine");
}

#[test]
fn ids_must_be_uuids() {
    let text = changed(|v| *at(v, "/records/0/id") = json!("record-1"));
    assert_refused(&text, "records[0].id", "Expected an id (a UUID");
    assert_refused(&text, "records[0].id", "found “record-1”");
}

#[test]
fn markup_that_could_run_is_refused_wherever_it_is() {
    let text = changed(|v| {
        *at(v, "/records/0/title") = json!("Hello <script>alert(1)</script>");
        *at(v, "/records/1/payload/information-request/context") =
            json!("<img src=x onerror=alert(1)>");
        *at(v, "/records/2/payload/documentation-project/contributors/1") =
            json!("<svg/onload=alert(1)>");
        *at(v, "/records/3/contributions/0/body/opinion/text") = json!("[x](javascript:alert(1))");
        *at(v, "/records/4/topics/0") = json!("<iframe src=x>");
        *at(v, "/members/1/name") = json!("Lee <object data=x>");
        *at(v, "/profile/why_it_matters") = json!("<EMBED src=x>");
        *at(v, "/namespace") = json!("</script>");
    });
    assert_refused(&text, "records[0].title", "The title contains “<script”");
    assert_refused(&text, "records[1].payload.context", "“onerror=”");
    assert_refused(&text, "records[2].payload.contributors[1]", "“onload=”");
    assert_refused(
        &text,
        "records[3].contributions[0].body.text",
        "“javascript:”",
    );
    assert_refused(&text, "records[4].topics[0]", "“<iframe”");
    assert_refused(&text, "members[1].name", "“<object”");
    assert_refused(&text, "profile.why_it_matters", "“<embed”");
    assert_refused(&text, "namespace", "“</script”");
    assert_refused(
        &text,
        "namespace",
        "HTML or script that could run code in a web page",
    );
    assert_eq!(refused(&text).total, 8);
}

#[test]
fn the_markup_list_is_exact() {
    for (text, found) in [
        ("<script", "<script"),
        ("</SCRIPT>", "</script"),
        ("<Script\tsrc=x>", "<script"),
        ("javascript:alert(1)", "javascript:"),
        (" VBScript:msgbox", "vbscript:"),
        ("data:text/html,<b>", "data:text/html"),
        ("<iframe>", "<iframe"),
        ("<object/>", "<object"),
        ("<embed src=x>", "<embed"),
        ("<svg onload=alert(1)>", "onload="),
        ("<svg/onload=alert(1)>", "onload="),
        ("<body onLoad = x>", "onload="),
        ("<img src=x onerror=alert(1)>", "onerror="),
        ("<img src=\"x\"onerror=alert(1)>", "onerror="),
        ("<img alt=\">\" onerror=x>", "onerror="),
        ("<p\nonclick=x>", "onclick="),
    ] {
        assert_eq!(find_markup(text).as_deref(), Some(found), "{text}");
    }
    for text in [
        "a < b",
        "x<y",
        "x<y, z>w and on=1",
        "I <3 this",
        "<b>bold</b>, <em>a</em>, <br/>",
        "Mail <ana@example.org>",
        "JavaScript: the good parts",
        "javascript:",
        "myjavascript:x",
        "<scripts> are plays; <objects>",
        "<a title=\"x onclick=y\">",
        "onclick=x without a tag",
        "# Heading\n\n- **bold** `code` [link](https://example.org)\n> quote",
        "1 < 2 > 0 onwards= 3",
    ] {
        assert_eq!(find_markup(text), None, "{text}");
    }
}

#[test]
fn ordinary_text_with_angle_brackets_is_imported() {
    let text = changed(|v| {
        *at(v, "/records/0/title") = json!("When x<y and a < b, then b > a");
        *at(v, "/records/0/payload/problem-solving/tried") =
            json!("# Tried\n\n- **bold** and `code`\n- <ana@example.org>\n- JavaScript: closures");
    });
    assert!(read_export(&text).is_ok());
}

#[test]
fn thirty_problems_are_counted_and_twenty_listed() {
    let mut file = sample();
    let template = file.records[4].clone();
    let mut ids = SeededIds::new(99);
    file.records = (0..30)
        .map(|_| Record {
            id: ids.next_id(),
            title: String::new(),
            ..template.clone()
        })
        .collect();
    let refusal = refused(&file.to_json());
    assert_eq!(refusal.total, 30);
    assert_eq!(refusal.problems.len(), MAX_PROBLEMS_SHOWN);
    assert_eq!(refusal.problems[0].at, "records[0].title");
    assert_eq!(refusal.problems[19].at, "records[19].title");
    let text = refusal.to_string();
    assert!(
        text.starts_with("The file cannot be imported because of 30 problems; the first 20 are:"),
        "{text}"
    );
    assert_eq!(text.lines().count(), 21);
    assert!(text.contains("\n- records[19].title: The title is empty."));
}

#[test]
fn a_single_problem_reads_as_one() {
    let refusal = refused("[]");
    assert_eq!(refusal.total, 1);
    assert!(refusal
        .to_string()
        .starts_with("The file cannot be imported because of one problem:\n- file: This is not a Repertoire export"));
}

// Revisions.

// Merging.

/// Every record of a file with its history, as a browser keeps them.
fn docs(file: &ExportFile) -> FxHashMap<Id, RecordDoc> {
    docs_of(file).into_iter().map(|d| (d.id, d)).collect()
}

fn plan_with(here: &FxHashMap<Id, RecordDoc>, file: &ExportFile, there: &ExportFile) -> MergePlan {
    let community = kept_docs_of(file);
    let local = Local {
        docs: here,
        community: &community,
    };
    plan_merge(&local, there)
}

fn plan(here: &ExportFile, there: &ExportFile) -> MergePlan {
    plan_with(&docs(here), here, there)
}

/// `base` with these records and their histories, as an export writes it.
fn exported(base: &ExportFile, docs: impl IntoIterator<Item = RecordDoc>) -> ExportFile {
    let mut file = base.clone();
    file.records.clear();
    file.history.clear();
    for doc in docs {
        file.records.extend(doc.shown());
        file.history.push((doc.id, doc.history()));
    }
    file
}

/// The records here once the plan is written.
fn written(here: &FxHashMap<Id, RecordDoc>, plan: &MergePlan) -> BTreeMap<Id, RecordDoc> {
    let mut docs: BTreeMap<Id, RecordDoc> = here.iter().map(|(id, d)| (*id, d.clone())).collect();
    for merge in &plan.records {
        if let Some(doc) = &merge.write {
            docs.insert(doc.id, doc.clone());
        }
    }
    docs
}

fn edit(doc: &RecordDoc, change: impl FnOnce(&mut Record)) -> RecordDoc {
    let mut doc = doc.clone();
    let mut record = doc.shown().expect("live");
    change(&mut record);
    let rev = doc.rev();
    doc.save(&rev, &record).expect("current");
    doc
}

fn contribution_ids(records: &[Record]) -> Vec<Id> {
    records
        .iter()
        .flat_map(|r| r.contributions.iter().map(|c| c.id))
        .collect()
}

#[test]
fn importing_the_same_file_changes_nothing() {
    let file = sample();
    let plan = plan(&file, &file);
    assert_eq!(plan.counts.unchanged, 6);
    assert_eq!(
        (
            plan.counts.new,
            plan.counts.updated,
            plan.counts.conflicts,
            plan.counts.deleted
        ),
        (0, 0, 0, 0)
    );
    assert!(plan.records.iter().all(|m| m.write.is_none()));
    assert!(plan.members.is_empty() && plan.rounds.is_empty() && plan.answers.is_empty());
    assert_eq!(plan.summary().writes(), 0, "nothing to import");
    assert_eq!((plan.profile.clone(), plan.profile_differs), (None, false));
    // The same with the histories an export of version 2 carries.
    let with_history = exported(&file, docs_of(&file));
    let again = read_export(&with_history.to_json()).expect("accepted");
    assert_eq!(again, with_history);
    assert_eq!(plan_with(&docs(&file), &file, &again).summary().writes(), 0);
}

#[test]
fn records_only_in_the_file_are_new() {
    let there = sample();
    let mut here = there.clone();
    here.records.truncate(2);
    let plan = plan(&here, &there);
    assert_eq!(plan.counts.new, 4);
    assert_eq!(plan.counts.unchanged, 2);
    let new = &plan.records[2];
    assert_eq!(
        (new.outcome.clone(), new.title.as_str()),
        (Outcome::New, "Handover sheet: the fix")
    );
    assert_eq!(
        new.write.as_ref().and_then(RecordDoc::shown).as_ref(),
        Some(&there.records[2])
    );
}

#[test]
fn new_contributions_are_added_either_way() {
    let base = sample();
    let mut w = World::later(5);
    // Only the file has the new idea: updated, with no new revision (a
    // contribution is a document of its own).
    let mut there = base.clone();
    there.records[0] = w.idea(&base.records[0], "From there");
    let merge = &plan(&base, &there).records[0];
    assert_eq!(merge.outcome, Outcome::Updated);
    let written = merge.write.as_ref().expect("written");
    assert_eq!(written.shown().as_ref(), Some(&there.records[0]));
    assert_eq!(written.rev(), docs(&base)[&base.records[0].id].rev());

    // Only here has it: the file brings nothing.
    let merge = &plan(&there, &base).records[0];
    assert_eq!(merge.outcome, Outcome::Unchanged);
    assert_eq!(merge.write, None);
}

#[test]
fn contributions_alone_update_a_record_whose_fields_agree() {
    let base = sample();
    let mut there = base.clone();
    let mut extra = base.records[1].contributions[0].clone();
    extra.id = Id::parse("0d9e6679-7425-40de-944b-e07fc1f90ae7").expect("id");
    extra.created = Timestamp(base.records[1].created.0 + 1);
    there.records[1].contributions.push(extra.clone());
    let merge = &plan(&base, &there).records[1];
    assert_eq!(merge.outcome, Outcome::Updated);
    let record = merge
        .write
        .as_ref()
        .and_then(RecordDoc::shown)
        .expect("written");
    assert_eq!(record.contributions.len(), 2);
    assert_eq!(record.contributions[0].id, extra.id, "oldest first");
    assert_eq!(record.updated, base.records[1].updated);
}

#[test]
fn an_edit_wins_over_the_version_it_was_made_from_whatever_the_clocks() {
    let base = sample();
    let here = docs(&base);
    let id = base.records[0].id;
    // Edited there with a clock far behind: the edit still wins, because
    // it was made from the version here.
    let edited = edit(&here[&id], |r| {
        r.title = "Retitled there".into();
        r.updated = Timestamp(base.records[0].updated.0 - 1);
    });
    let there = exported(&base, [edited.clone()]);
    let merge = &plan_with(&here, &base, &there).records[0];
    assert_eq!(merge.outcome, Outcome::Updated);
    assert_eq!(merge.title, "Retitled there");
    assert_eq!(merge.write.as_ref(), Some(&edited));

    // The other way round: the file holds the version edited here from.
    let mut mine = here.clone();
    mine.insert(id, edited);
    let merge = &plan_with(&mine, &base, &base).records[0];
    assert_eq!(merge.outcome, Outcome::Unchanged);
}

#[test]
fn edits_on_both_sides_are_a_conflict_on_the_same_record_that_keeps_both() {
    let base = sample();
    let here_docs = docs(&base);
    let id = base.records[1].id;
    let mut w = World::later(20);
    let ours = edit(&here_docs[&id], |r| {
        r.title = "Fire drill checklist, here".into()
    });
    let mut theirs_record = w.retitled(&base.records[1], "Fire drill checklist, there");
    theirs_record = w.step(
        &theirs_record,
        Step::Contribute(ContributionBody::Answer {
            text: "Ask Kim".into(),
        }),
        "Lee",
    );
    let mut theirs = here_docs[&id].clone();
    let rev = theirs.rev();
    theirs.save(&rev, &theirs_record).expect("current");
    let mut here = here_docs.clone();
    here.insert(id, ours.clone());
    let there = exported(&base, [theirs.clone()]);

    let plan = plan_with(&here, &base, &there);
    assert_eq!(plan.counts.conflicts, 1);
    let summary = plan.summary();
    assert_eq!(summary.rows, 1, "one record, no copy");
    let merge = &plan.records[0];
    assert_eq!(merge.outcome, Outcome::Conflict);
    assert_eq!(summary.conflicts, std::slice::from_ref(&merge.title));
    let kept = merge.write.as_ref().expect("written");
    let mut titles: Vec<String> = kept.conflicts().into_iter().map(|(_, r)| r.title).collect();
    titles.push(kept.shown().expect("live").title);
    titles.sort();
    assert_eq!(
        titles,
        ["Fire drill checklist, here", "Fire drill checklist, there"]
    );
    assert_eq!(
        kept.shown().expect("live").contributions.len(),
        2,
        "their answer joins ours"
    );

    // The other side plans the same merge: the same winner and conflict.
    let mut there_docs = here_docs.clone();
    there_docs.insert(id, theirs);
    let back = plan_with(&there_docs, &base, &exported(&base, [ours]));
    assert_eq!(back.records[0].write.as_ref(), Some(kept));

    // Written, the result is a file that imports again.
    let after = exported(&base, written(&here, &plan).into_values());
    assert_eq!(after.records.len(), 6);
    assert!(
        read_export(&after.to_json()).is_ok(),
        "{:?}",
        read_export(&after.to_json()).err()
    );
}

#[test]
fn versions_of_a_record_from_files_without_history_are_a_conflict() {
    // Version 1 files carry no history: two different versions of one
    // record cannot be ordered, and no clock orders them.
    let base = sample();
    let mut w = World::later(5);
    let mut there = base.clone();
    there.records[0] = w.retitled(&base.records[0], "Retitled there, later");
    let merge = &plan(&base, &there).records[0];
    assert_eq!(merge.outcome, Outcome::Conflict);
    let kept = merge.write.as_ref().expect("written");
    assert_eq!(kept.conflicts().len(), 1);
}

#[test]
fn a_record_of_another_kind_under_the_same_id_keeps_both() {
    let base = sample();
    let mut there = base.clone();
    there.records[0].payload = base.records[3].payload.clone();
    there.records[0].contributions = base.records[3].contributions.clone();
    there.records[0].status = base.records[3].status;
    let mut here = base.clone();
    here.records.remove(3);
    let merge = &plan(&here, &there).records[0];
    assert_eq!(merge.outcome, Outcome::Conflict);
    let kept = merge.write.as_ref().expect("written");
    let mut kinds: Vec<ActivityKind> = kept
        .conflicts()
        .into_iter()
        .map(|(_, r)| r.kind())
        .collect();
    kinds.push(kept.shown().expect("live").kind());
    assert!(kinds.contains(&ActivityKind::DiscussingDevelopments));
    assert!(kinds.contains(&base.records[0].kind()));
}

#[test]
fn a_deletion_travels_and_never_comes_back() {
    let base = sample();
    let here = docs(&base);
    let id = base.records[2].id;
    let mut deleted = here[&id].clone();
    let rev = deleted.rev();
    deleted.delete(&rev).expect("current");
    let mut there_docs = here.clone();
    there_docs.insert(id, deleted.clone());
    let there = exported(&base, there_docs.values().cloned());
    let there = read_export(&there.to_json()).expect("a file with a deletion imports");
    assert!(
        there.records.iter().all(|r| r.id != id),
        "not among the records"
    );

    let plan = plan_with(&here, &base, &there);
    assert_eq!(plan.counts.deleted, 1);
    let merge = plan.records.iter().find(|m| m.id == id).expect("planned");
    assert_eq!(merge.outcome, Outcome::Deleted);
    assert!(merge.write.as_ref().is_some_and(RecordDoc::is_deleted));

    // The old file again, on the copy that deleted it: it stays deleted.
    let back = plan_with(&there_docs, &base, &base);
    let merge = back.records.iter().find(|m| m.id == id).expect("planned");
    assert_eq!(merge.outcome, Outcome::Unchanged);
    // A copy that never had it keeps the deletion, so it cannot come back.
    let fresh = plan_with(&FxHashMap::default(), &base, &there);
    let merge = fresh.records.iter().find(|m| m.id == id).expect("planned");
    assert_eq!(merge.outcome, Outcome::DeletedElsewhere);
    assert!(merge.write.is_some());
}

/// The value a document shows.
fn shown<T: serde::de::DeserializeOwned>(doc: &KeptDoc) -> T {
    serde_json::from_str(doc.body().expect("shown")).expect("reads")
}

/// The community document named `name` among `docs`.
fn named<'d>(docs: &'d mut [(String, KeptDoc)], name: &str) -> &'d mut KeptDoc {
    docs.iter_mut()
        .find(|(n, _)| n == name)
        .map(|(_, d)| d)
        .expect("named")
}

/// `file` as an export writes it from these community documents: the
/// values shown and every history.
fn with_community(file: &ExportFile, docs: &[(String, KeptDoc)]) -> ExportFile {
    let mut file = file.clone();
    let shown = |name: &str| {
        docs.iter()
            .find(|(n, _)| n == name)
            .and_then(|(_, d)| d.body())
            .cloned()
    };
    file.members = file
        .members
        .iter()
        .filter_map(|m| shown(&format!("members:{}", m.id)))
        .map(|text| serde_json::from_str(&text).expect("member"))
        .collect();
    if let Some(text) = shown("meta:profile") {
        file.profile = Some(serde_json::from_str(&text).expect("profile"));
    }
    file.community_history = histories_for(&file, docs);
    file
}

/// Edits a kept value as a browser saves it: a revision on the one shown.
fn edit_kept<T: serde::Serialize>(doc: &mut KeptDoc, value: &T) {
    doc.edit(&doc.rev(), json_of(value)).expect("edited");
}

#[test]
fn members_new_or_changed_in_the_file_are_merged_as_documents() {
    let base = sample();
    let mut w = World::later(5);
    let mut there_docs = kept_docs_of(&base);
    let lee_name = format!("members:{}", base.members[1].id);
    let mut lee = base.members[1].clone();
    lee.name = "Lee B.".into();
    edit_kept(named(&mut there_docs, &lee_name), &lee);
    let mut there = with_community(&base, &there_docs);
    let kim = w.member("Kim", &there.members);
    there.members.push(kim.clone());
    let update = plan(&base, &there);
    let mut bodies: Vec<Member> = update.members.iter().map(|(_, d)| shown(d)).collect();
    bodies.sort_by_key(|m| m.id);
    let mut expected = vec![lee.clone(), kim];
    expected.sort_by_key(|m| m.id);
    assert_eq!(bodies, expected, "Lee's edit is an update, Kim is new");
    let summary = update.summary();
    assert_eq!(
        (summary.members, summary.rows, summary.member_conflicts),
        (2, 0, 0)
    );
    assert_eq!(summary.writes(), 2);
    let lee_doc = &update
        .members
        .iter()
        .find(|(k, _)| *k == lee.id.to_string())
        .expect("kept by its id")
        .1;
    assert!(lee_doc.conflicts().is_empty(), "built on the version here");

    // Edited here too since the copies met: both versions kept, one shown.
    let mut here_docs = kept_docs_of(&base);
    let mut mine = base.members[1].clone();
    mine.name = "Lee Brown".into();
    edit_kept(named(&mut here_docs, &lee_name), &mine);
    let here = with_community(&base, &here_docs);
    let both = plan(&here, &there);
    assert_eq!(both.summary().member_conflicts, 1);
    let merged = &both
        .members
        .iter()
        .find(|(k, _)| *k == lee.id.to_string())
        .expect("Lee")
        .1;
    assert_eq!(merged.conflicts().len(), 1);
    // The same winner whichever side imports.
    let other_way = plan(&there, &here);
    let theirs = &other_way
        .members
        .iter()
        .find(|(k, _)| *k == lee.id.to_string())
        .expect("Lee")
        .1;
    assert_eq!(merged.body(), theirs.body());
}

#[test]
fn a_member_deleted_in_the_file_is_deleted_here_and_never_comes_back() {
    let base = sample();
    let mut there_docs = kept_docs_of(&base);
    let name = format!("members:{}", base.members[1].id);
    let lee = named(&mut there_docs, &name);
    lee.delete_all(&lee.rev()).expect("deleted");
    let there = with_community(&base, &there_docs);
    assert_eq!(there.members.len(), base.members.len() - 1);
    let text = there.to_json();
    let read = read_export(&text).expect("a deletion imports");
    let plan = plan(&base, &read);
    assert_eq!(plan.members.len(), 1);
    assert!(plan.members[0].1.is_deleted(), "the tombstone travels");
    // The older copy, imported afterwards, brings nothing back.
    let mut after = kept_docs_of(&base);
    *named(&mut after, &name) = plan.members[0].1.clone();
    let here = with_community(&base, &after);
    assert!(plan_of_docs(&after, &here, &base).members.is_empty());
}

fn plan_of_docs(
    community: &[(String, KeptDoc)],
    here: &ExportFile,
    there: &ExportFile,
) -> MergePlan {
    let records = docs(here);
    plan_merge(
        &Local {
            docs: &records,
            community,
        },
        there,
    )
}

#[test]
fn a_file_without_community_histories_is_read_as_first_revisions() {
    let base = sample();
    let mut older = base.clone();
    older.version = 2;
    older.members[1].name = "Lee B.".into();
    let read = read_export(&older.to_json()).expect("version 2 imports");
    let plan = plan(&base, &read);
    // Nothing says which came first: both versions are kept.
    assert_eq!(plan.summary().member_conflicts, 1);
    assert_eq!(plan.members.len(), 1);
    // The same file again changes nothing more.
    let mut after = kept_docs_of(&base);
    *named(&mut after, &format!("members:{}", base.members[1].id)) = plan.members[0].1.clone();
    assert!(plan_of_docs(&after, &base, &read).members.is_empty());
}

#[test]
fn rounds_bring_each_members_answers_as_documents_of_their_own() {
    let base = sample();
    let ana = base.members[0].id;
    let lee = base.members[1].id;
    let mut here = base.clone();
    here.rounds[0].responses.retain(|r| r.member == ana);
    let mut there = base.clone();
    there.rounds[0].responses = vec![
        response_from(ana, &[("d1".into(), Rating::Agreement(1))]).expect("response"),
        response_from(lee, &[("c2".into(), Rating::Agreement(5))]).expect("response"),
    ];
    let new_round = Round {
        id: Id::parse("1d9e6679-7425-40de-944b-e07fc1f90ae7").expect("id"),
        date: "2026-06-30".into(),
        responses: Vec::new(),
    };
    there.rounds.push(new_round.clone());
    let plan = plan(&here, &there);
    let heads: Vec<Round> = plan.rounds.iter().map(|(_, d)| shown(d)).collect();
    assert_eq!(heads, vec![new_round], "only the new round's head");
    let answers: Vec<Answer> = plan.answers.iter().map(|(_, d)| shown(d)).collect();
    assert_eq!(answers.len(), 2, "Ana's different answer and Lee's new one");
    assert!(answers.contains(&Answer {
        round: there.rounds[0].id,
        response: there.rounds[0].responses[1].clone()
    }));
    let ana_doc = &plan
        .answers
        .iter()
        .find(|(k, _)| k.ends_with(&ana.to_string()))
        .expect("Ana")
        .1;
    assert_eq!(ana_doc.conflicts().len(), 1, "both of Ana's answers kept");
    assert_eq!(plan.summary().rounds, 2, "one new, one gaining answers");
}

#[test]
fn a_profile_from_the_file_is_merged_and_both_sides_changes_said() {
    let there = sample();
    let mut here = there.clone();
    here.profile = None;
    let plan_none = plan(&here, &there);
    assert_eq!(
        plan_none.profile.as_ref().map(|(_, d)| shown(d)),
        there.profile
    );
    assert!(!plan_none.profile_differs);
    assert!(plan_none.summary().profile_from_file);
    assert_eq!(plan_none.summary().writes(), 1);

    let mut different = there.clone();
    if let Some(profile) = different.profile.as_mut() {
        profile.name = "Another name".into();
    }
    let both = plan(&different, &there);
    assert!(both.profile.is_some() && both.profile_differs);
    assert!(both.summary().profile_differs && !both.summary().profile_from_file);
    let no_profile_there = plan(&different, &here);
    assert_eq!(
        (no_profile_there.profile, no_profile_there.profile_differs),
        (None, false)
    );

    // An edit of the profile made there, with its history: an update.
    let mut there_docs = kept_docs_of(&there);
    let mut renamed = there.profile.clone().expect("profile");
    renamed.name = "Renamed".into();
    edit_kept(named(&mut there_docs, "meta:profile"), &renamed);
    let edited = with_community(&there, &there_docs);
    let update = plan(&there, &edited);
    assert!(update.summary().profile_from_file && !update.profile_differs);
    assert_eq!(
        update
            .profile
            .as_ref()
            .map(|(_, d)| shown::<CommunityProfile>(d)),
        Some(renamed)
    );
}

#[test]
fn community_histories_come_back_as_they_were() {
    let base = sample();
    let mut docs = kept_docs_of(&base);
    let name = format!("members:{}", base.members[0].id);
    let mut ana = base.members[0].clone();
    ana.name = "Ana M.".into();
    let ana_doc = named(&mut docs, &name);
    let first = ana_doc.rev();
    edit_kept(ana_doc, &ana);
    let mut other = base.members[0].clone();
    other.name = "Ana Maria".into();
    ana_doc.branch(&first, json_of(&other)).expect("known base");
    let file = with_community(&base, &docs);
    let read = read_export(&file.to_json()).expect("imports");
    assert_eq!(read, file);
    assert_eq!(
        read_in_parts(&file.to_json()),
        Ok(file.clone()),
        "both readings agree"
    );
    let mut back = kept_docs_of(&read);
    back.sort_by(|a, b| a.0.cmp(&b.0));
    docs.sort_by(|a, b| a.0.cmp(&b.0));
    assert_eq!(back, docs);
}

#[test]
fn community_histories_that_do_not_fit_are_refused() {
    let base = sample();
    let mut docs = kept_docs_of(&base);
    let name = format!("members:{}", base.members[0].id);
    let ana = named(&mut docs, &name);
    let first = ana.rev();
    let mut edited = base.members[0].clone();
    edited.name = "Ana M.".into();
    edit_kept(ana, &edited);
    edited.name = "Ana Maria".into();
    ana.branch(&first, json_of(&edited)).expect("known");
    let file = with_community(&base, &docs);
    let good: Value = serde_json::from_str(&file.to_json()).expect("json");
    let entry = good["community_history"]
        .as_array()
        .expect("list")
        .iter()
        .position(|e| e[0] == json!(name))
        .expect("Ana's history");
    let at = format!("community_history[{entry}]");
    let change = |f: &dyn Fn(&mut Value)| {
        let mut v = good.clone();
        f(&mut v);
        v.to_string()
    };
    let cases: Vec<(String, &str)> = vec![
        (
            change(&|v| v["community_history"][entry][0] = json!("members:nobody")),
            "does not name a member",
        ),
        (
            change(&|v| {
                let first = v["community_history"][0].clone();
                v["community_history"]
                    .as_array_mut()
                    .expect("list")
                    .push(first);
            }),
            "second history",
        ),
        (
            change(&|v| {
                v["members"].as_array_mut().expect("list").remove(0);
            }),
            "not in the file's members",
        ),
        (
            change(&|v| {
                let body = &mut v["community_history"][entry][1]["bodies"][0][1];
                *body = json!(body.as_str().expect("text").replace(
                    &base.members[0].id.to_string(),
                    &base.members[1].id.to_string()
                ));
            }),
            "the document's id",
        ),
        (
            change(&|v| v["community_history"][entry][1]["bodies"][0][1] = json!("{\"name\": 3}")),
            "the document's id",
        ),
        (
            change(&|v| {
                let body = &mut v["community_history"][entry][1]["bodies"][0][1];
                *body = json!(body.as_str().expect("text").replace("Ana M", "<script>"));
            }),
            "",
        ),
        (
            change(&|v| {
                v["community_history"][entry][1]["bodies"]
                    .as_array_mut()
                    .expect("list")
                    .remove(0);
            }),
            "do not match its revisions",
        ),
        (
            change(&|v| v["community_history"][entry] = json!(["members:x"])),
            "a pair",
        ),
    ];
    for (text, words) in cases {
        let place = if words == "second history" {
            format!(
                "community_history[{}]",
                good["community_history"].as_array().expect("list").len()
            )
        } else {
            at.clone()
        };
        assert_refused(&text, &place, words);
        assert_eq!(
            read_export(&text),
            read_in_parts(&text),
            "both readings agree"
        );
    }
    // A deleted member's answers still name a member the file knows.
    let lee = named(&mut docs, &format!("members:{}", base.members[1].id));
    lee.delete_all(&lee.rev()).expect("deleted");
    let deleted = with_community(&base, &docs);
    assert!(deleted
        .rounds
        .iter()
        .any(|r| r.responses.iter().any(|x| x.member == base.members[1].id)));
    assert!(read_export(&deleted.to_json()).is_ok());
    // An older file's community history is not read.
    let mut older = file.clone();
    older.version = 2;
    let read = read_export(&older.to_json()).expect("imports");
    assert!(read.community_history.is_empty());
}

/// A tiny deterministic generator, so the generated cases can be replayed.
struct Dice(u64);

impl Dice {
    fn roll(&mut self, sides: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % sides
    }
}

/// Diverges `base` the way a second browser would: ideas, edits, new
/// records. Both sides share the clock, so some edits land on the same
/// millisecond and conflict.
fn diverge(base: &[Record], w: &mut World, dice: &mut Dice) -> Vec<Record> {
    let mut records = Vec::new();
    for record in base {
        let mut record = record.clone();
        for _ in 0..dice.roll(3) {
            record = match dice.roll(3) {
                0 => w.idea(&record, "An idea"),
                1 => w.retitled(&record, &format!("Edited {}", dice.roll(5))),
                _ => record,
            };
        }
        if dice.roll(4) > 0 {
            records.push(record);
        }
    }
    for n in 0..dice.roll(3) {
        records.push(w.problem(&format!("New problem {n}")));
    }
    records
}

#[test]
fn nothing_is_dropped_and_the_result_imports_again() {
    let mut conflicts = 0;
    for seed in 1..60 {
        let mut dice = Dice(seed);
        let mut w = World::new(1000 + seed);
        let base: Vec<Record> = (0..5).map(|n| w.problem(&format!("Problem {n}"))).collect();
        let start = w.clock;
        let here_records = diverge(
            &base,
            &mut World {
                ids: SeededIds::new(2000 + seed),
                clock: start,
            },
            &mut dice,
        );
        let there_records = diverge(
            &base,
            &mut World {
                ids: SeededIds::new(3000 + seed),
                clock: start,
            },
            &mut dice,
        );
        let mut here = sample();
        here.records = here_records;
        let mut there = sample();
        there.records = there_records;
        there.members.truncate(1);

        let here_docs = docs(&here);
        let plan = plan_with(&here_docs, &here, &there);
        let c = plan.counts;
        assert_eq!(
            c.new + c.updated + c.unchanged + c.conflicts + c.deleted,
            there.records.len()
        );
        conflicts += c.conflicts;

        let after = written(&here_docs, &plan);
        for record in here.records.iter().chain(&there.records) {
            assert!(after.contains_key(&record.id), "seed {seed}: record kept");
            // Every version either side showed is still there.
            let doc = &after[&record.id];
            let versions: Vec<Record> = doc
                .shown()
                .into_iter()
                .chain(doc.conflicts().into_iter().map(|(_, r)| r))
                .collect();
            assert!(
                versions.iter().any(|v| Record {
                    contributions: Vec::new(),
                    ..v.clone()
                } == Record {
                    contributions: Vec::new(),
                    ..record.clone()
                }),
                "seed {seed}: a version was lost"
            );
        }
        let all: HashSet<Id> = after
            .values()
            .filter_map(RecordDoc::shown)
            .flat_map(|r| r.contributions.into_iter().map(|c| c.id))
            .collect();
        for id in contribution_ids(&here.records)
            .iter()
            .chain(&contribution_ids(&there.records))
        {
            assert!(all.contains(id), "seed {seed}: contribution kept");
        }
        let mut file = exported(&here, after.into_values());
        let mut community = kept_docs_of(&here);
        for (key, doc) in &plan.members {
            let name = format!("members:{key}");
            community.retain(|(n, _)| *n != name);
            community.push((name, doc.clone()));
        }
        file.members = community
            .iter()
            .filter_map(|(_, d)| serde_json::from_str::<Member>(d.body()?).ok())
            .collect();
        file.community_history = histories_for(&file, &community);
        assert!(
            read_export(&file.to_json()).is_ok(),
            "seed {seed}: {:?}",
            read_export(&file.to_json()).err()
        );
    }
    assert!(conflicts > 0, "the generated cases include conflicts");
}

/// Properties over arbitrary input. 256 cases each by default; for a longer
/// run: `PROPTEST_CASES=100000 cargo test --release --test import fuzz`.
mod fuzz {
    use super::*;
    use proptest::prelude::*;

    /// A JSON value built from pieces a real file holds, and some it must not.
    fn json_value() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::from),
            any::<i64>().prop_map(Value::from),
            (946_684_800_000_i64..4_102_444_800_000).prop_map(Value::from),
            any::<f64>().prop_map(Value::from),
            prop::sample::select(vec![
                "",
                " ",
                "open",
                "published",
                "answer",
                "d1",
                "2026-03-31",
                "2026-02-30",
                "https://example.org",
                "<script>",
                "<img src=x onerror=y>",
                "handover",
                "Handover",
                "7c9e6679-7425-40de-944b-e07fc1f90ae7",
                "repertoire-export",
                "problem-solving",
                "information-request",
                "core",
                "guild",
            ])
            .prop_map(Value::from),
            "\\PC{0,30}".prop_map(Value::from),
        ];
        leaf.prop_recursive(3, 24, 4, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
                prop::collection::btree_map(
                    prop::sample::select(vec![
                        "id",
                        "title",
                        "text",
                        "idea",
                        "answer",
                        "agreement",
                        "member",
                        "goal",
                        "problem-solving",
                        "links",
                        "contributions",
                        "x",
                    ])
                    .prop_map(str::to_owned),
                    inner,
                    0..4
                )
                .prop_map(|map| Value::Object(map.into_iter().collect())),
            ]
        })
    }

    #[derive(Clone, Debug)]
    enum Mutation {
        Replace(Vec<usize>, Value),
        Remove(Vec<usize>),
        Repeat(Vec<usize>),
    }

    fn mutation() -> impl Strategy<Value = Mutation> {
        let route = prop::collection::vec(any::<usize>(), 0..7);
        prop_oneof![
            (route.clone(), json_value()).prop_map(|(r, v)| Mutation::Replace(r, v)),
            route.clone().prop_map(Mutation::Remove),
            route.prop_map(Mutation::Repeat),
        ]
    }

    /// The JSON pointer a route leads to, each step picking a child.
    fn pointer(value: &Value, route: &[usize]) -> String {
        let mut pointer = String::new();
        let mut here = value;
        for step in route {
            let next = match here {
                Value::Object(map) if !map.is_empty() => map
                    .iter()
                    .nth(step % map.len())
                    .map(|(key, v)| (key.replace('~', "~0").replace('/', "~1"), v)),
                Value::Array(items) if !items.is_empty() => {
                    let index = step % items.len();
                    items.get(index).map(|v| (index.to_string(), v))
                }
                _ => None,
            };
            let Some((key, child)) = next else { break };
            pointer.push('/');
            pointer.push_str(&key);
            here = child;
        }
        pointer
    }

    fn mutate(value: &mut Value, mutation: &Mutation) {
        let route = match mutation {
            Mutation::Replace(route, _) | Mutation::Remove(route) | Mutation::Repeat(route) => {
                route
            }
        };
        let target = pointer(value, route);
        let Some((parent, key)) = target.rsplit_once('/') else {
            if let Mutation::Replace(_, new) = mutation {
                *value = new.clone();
            }
            return;
        };
        let key = key.replace("~1", "/").replace("~0", "~");
        let Some(parent) = value.pointer_mut(parent) else {
            return;
        };
        match (parent, mutation) {
            (Value::Object(map), Mutation::Replace(_, new)) => {
                map.insert(key, new.clone());
            }
            (Value::Object(map), Mutation::Remove(_)) => {
                map.remove(&key);
            }
            (Value::Array(items), mutation) => {
                let Ok(index) = key.parse::<usize>() else {
                    return;
                };
                if index >= items.len() {
                    return;
                }
                match mutation {
                    Mutation::Replace(_, new) => items[index] = new.clone(),
                    Mutation::Remove(_) => {
                        items.remove(index);
                    }
                    Mutation::Repeat(_) => {
                        let copy = items[index].clone();
                        items.push(copy);
                    }
                }
            }
            _ => {}
        }
    }

    /// Whatever is accepted reads back the same from its own export, and
    /// merges into the sample without trouble.
    fn check_accepted(text: &str) -> Result<(), TestCaseError> {
        // The quick reading and the reading part by part agree.
        prop_assert_eq!(read_export(text), read_in_parts(text));
        if let Ok(file) = read_export(text) {
            prop_assert_eq!(read_export(&file.to_json()), Ok(file.clone()));
            let here = sample();
            let plan = plan(&here, &file);
            prop_assert_eq!(plan.records.len(), docs_of(&file).len());
        }
        Ok(())
    }

    proptest! {
        #[test]
        fn arbitrary_text_never_panics(text in any::<String>()) {
            check_accepted(&text)?;
        }

        #[test]
        fn damaged_text_of_a_good_file_never_panics(
            cut in any::<usize>(),
            insert in "\\PC{0,4}",
        ) {
            let good = sample().to_json();
            let mut at = cut % (good.len() + 1);
            while !good.is_char_boundary(at) {
                at -= 1;
            }
            let (head, tail) = good.split_at(at);
            check_accepted(&format!("{head}{insert}{tail}"))?;
            check_accepted(head)?;
        }

        #[test]
        fn mutated_files_never_panic_and_what_passes_is_stable(
            mutations in prop::collection::vec(mutation(), 1..5),
        ) {
            let mut value = sample_value();
            for mutation in &mutations {
                mutate(&mut value, mutation);
            }
            check_accepted(&value.to_string())?;
        }
    }
}

mod histories {
    use super::*;

    /// The sample exported with a history for each record, one of them
    /// in conflict and one deleted.
    fn with_history() -> ExportFile {
        let base = sample();
        let mut docs: Vec<RecordDoc> = docs_of(&base);
        let first = docs[0].clone();
        let mut record = first.shown().expect("live");
        record.title = "Another version".into();
        let rev = docs[0].rev();
        let mut theirs = first.clone();
        theirs.save(&rev, &record).expect("current");
        record.title = "A third version".into();
        docs[0].keep_both(&rev, &record).expect("known");
        docs[0].merge(&theirs);
        let rev = docs[5].rev();
        docs[5].delete(&rev).expect("current");
        super::exported(&base, docs)
    }

    fn value_of(file: &ExportFile) -> Value {
        serde_json::from_str(&file.to_json()).expect("json")
    }

    #[test]
    fn an_export_with_conflicts_and_deletions_reads_back_the_same() {
        let file = with_history();
        assert_eq!(
            file.records.len(),
            5,
            "the deleted record is not among them"
        );
        assert_eq!(read_export(&file.to_json()), Ok(file.clone()));
        assert_eq!(read_in_parts(&file.to_json()), Ok(file));
    }

    #[test]
    fn a_version_1_file_still_imports() {
        let mut value = sample_value();
        value["version"] = json!(1);
        // A version 1 file has no history; one written there is ignored.
        value["history"] = json!("ignored");
        let file = read_export(&value.to_string()).expect("a version 1 file imports");
        assert_eq!(file.version, 1);
        assert!(file.history.is_empty());
        assert_eq!(file.records, sample().records);
    }

    #[test]
    fn a_history_that_does_not_fit_its_records_is_refused_in_place() {
        let good = value_of(&with_history());
        let case = |change: &dyn Fn(&mut Value)| {
            let mut value = good.clone();
            change(&mut value);
            value.to_string()
        };
        // The deleted record shown among the records.
        let deleted = good["history"][5][0].clone();
        let mut shown = good["records"][0].clone();
        shown["id"] = deleted;
        assert_refused(
            &case(&|v| {
                v["records"]
                    .as_array_mut()
                    .expect("list")
                    .push(shown.clone())
            }),
            "history[5]",
            "deleted, yet it is among the file's records",
        );
        // A live history for a record the file does not hold.
        assert_refused(
            &case(&|v| {
                v["records"].as_array_mut().expect("list").remove(1);
            }),
            "history[1]",
            "not among the file's records",
        );
        // Two histories for one record.
        assert_refused(
            &case(&|v| {
                let again = v["history"][2].clone();
                v["history"].as_array_mut().expect("list").push(again);
            }),
            "history[6]",
            "a second history",
        );
        // A revision that is not one.
        assert_refused(
            &case(&|v| v["history"][1][1]["t"][0]["r"] = json!("two")),
            "history[1]",
            "could not be read",
        );
        // A conflicting version dropped from its revisions, and one with
        // another record's id.
        assert_refused(
            &case(&|v| {
                v["history"][0][1]
                    .as_object_mut()
                    .expect("object")
                    .remove("o");
            }),
            "history[0]",
            "do not match its revisions",
        );
        let other_id = good["records"][2]["id"].clone();
        assert_refused(
            &case(&|v| v["history"][0][1]["o"][0][1]["id"] = other_id.clone()),
            "history[0]",
            "the record's id and kind",
        );
        // Markup in a conflicting version is refused as anywhere else.
        assert_refused(
            &case(&|v| v["history"][0][1]["o"][0][1]["title"] = json!("<script>alert(1)</script>")),
            "history[0]",
            "",
        );
    }
}

#[test]
fn a_file_edited_by_hand_brings_its_change_as_an_edit() {
    let base = sample();
    let here = docs(&base);
    let mut file = exported(&base, docs_of(&base));
    file.records[0].title = "Edited in a text editor".into();
    let file = read_export(&file.to_json()).expect("accepted");
    let merge = &plan_with(&here, &base, &file).records[0];
    assert_eq!(
        merge.outcome,
        Outcome::Updated,
        "an edit of the version here"
    );
    let written = merge.write.as_ref().expect("written");
    assert_eq!(
        written.shown().expect("live").title,
        "Edited in a text editor"
    );
    assert_eq!(written.rev().generation, 2);
    // Two copies reading the same file make the same revision.
    assert_eq!(docs_of(&file)[0].rev(), written.rev());
}
