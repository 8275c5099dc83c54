#![cfg(not(target_arch = "wasm32"))]
//! Importing an export: bad files are refused with every problem placed,
//! good files come back unchanged, and merging keeps everything.

use repertoire::domain::assessment::{response_from, Rating, Round};
use repertoire::domain::community::{CommunityProfile, ProfileForm};
use repertoire::domain::exchange::ExportFile;
use repertoire::domain::import::{
    find_markup, plan_merge, read_export, read_in_parts, revision, Local, MergePlan, Outcome,
    Refusal, CONFLICT_SUFFIX, MAX_CONTRIBUTIONS, MAX_FILE_BYTES, MAX_MEMBERS, MAX_PROBLEMS_SHOWN,
    MAX_RECORDS, MAX_ROUNDS,
};
use repertoire::domain::lifecycle::{apply, Step};
use repertoire::domain::member::{Member, MemberForm};
use repertoire::domain::payload::Payload;
use repertoire::domain::{
    ActivityKind, ContributionBody, Id, IdSource, Record, RecordForm, SeededIds, Stance, Timestamp,
};
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
    let newer = changed(|v| v["version"] = json!(2));
    assert_refused(&newer, "version", "made by a newer Repertoire");
    assert_refused(&newer, "version", "Update Repertoire first");
    let older = changed(|v| v["version"] = json!(0));
    assert_refused(&older, "version", "not one this Repertoire knows");
    assert_refused(
        &changed(|v| v["version"] = json!("1")),
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

#[test]
fn a_revision_is_stable_and_follows_the_content() {
    let file = sample();
    let problem = &file.records[0];
    let rev = revision(problem);
    assert_eq!(rev, revision(&problem.clone()));
    assert_eq!(rev.count, 2, "the record and its idea");
    assert_eq!(rev.hash.len(), 16);
    assert!(rev
        .hash
        .chars()
        .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase()));
    assert_eq!(rev.to_string(), format!("2-{}", rev.hash));

    let mut w = World::later(5);
    let retitled = w.retitled(problem, "Allergy notes get lost at night, again");
    assert_eq!(revision(&retitled).count, 2, "an edit adds no contribution");
    assert_ne!(revision(&retitled).hash, rev.hash);
    let with_idea = w.idea(problem, "A second idea");
    assert_eq!(revision(&with_idea).count, 3);
    assert!(revision(&with_idea) > rev, "more contributions sort later");
    // Read back from a file, a record has the same revision.
    let back = read_export(&file.to_json()).expect("accepted");
    assert_eq!(revision(&back.records[0]), rev);
}

// Merging.

fn local(file: &ExportFile) -> Local<'_> {
    Local {
        records: &file.records,
        members: &file.members,
        rounds: &file.rounds,
        profile: file.profile.as_ref(),
    }
}

fn plan(here: &ExportFile, there: &ExportFile) -> MergePlan {
    plan_merge(&local(here), there, &mut SeededIds::new(77))
}

/// The records here once the plan is written.
fn written(here: &[Record], plan: &MergePlan) -> BTreeMap<Id, Record> {
    let mut records: BTreeMap<Id, Record> = here.iter().map(|r| (r.id, r.clone())).collect();
    for merge in &plan.records {
        for record in merge.write.iter().chain(&merge.kept_copy) {
            records.insert(record.id, record.clone());
        }
    }
    records
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
        (plan.counts.new, plan.counts.updated, plan.counts.conflicts),
        (0, 0, 0)
    );
    assert!(plan
        .records
        .iter()
        .all(|m| m.write.is_none() && m.kept_copy.is_none()));
    assert!(plan.members_new.is_empty() && plan.members_updated.is_empty());
    assert!(plan.rounds_new.is_empty() && plan.rounds_updated.is_empty());
    assert_eq!(plan.summary().writes(), 0, "nothing to import");
    assert_eq!(
        (plan.profile.clone(), plan.profile_kept_local),
        (None, false)
    );
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
    assert_eq!(new.write.as_ref(), Some(&there.records[2]));
}

#[test]
fn new_contributions_are_added_either_way() {
    let base = sample();
    let mut w = World::later(5);
    // Only the file has the new idea: updated.
    let mut there = base.clone();
    there.records[0] = w.idea(&base.records[0], "From there");
    // The same idea but our record is otherwise as before, so its fields
    // differ only in `updated`, the file's being later.
    let merge = &plan(&base, &there).records[0];
    assert_eq!(merge.outcome, Outcome::Updated);
    assert_eq!(merge.write.as_ref(), Some(&there.records[0]));

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
    let record = merge.write.as_ref().expect("written");
    assert_eq!(record.contributions.len(), 2);
    assert_eq!(record.contributions[0].id, extra.id, "oldest first");
    assert_eq!(record.updated, base.records[1].updated);
}

#[test]
fn the_later_edit_wins_and_every_contribution_stays() {
    let base = sample();
    let mut w = World::later(5);
    let mut here = base.clone();
    here.records[0] = w.idea(&base.records[0], "Ours");
    let mut there = base.clone();
    there.records[0] = w.retitled(&base.records[0], "Retitled there, later");
    there.records[0] = w.idea(&there.records[0], "Theirs");
    assert!(there.records[0].updated > here.records[0].updated);

    let merge = &plan(&here, &there).records[0];
    assert_eq!(merge.outcome, Outcome::Updated);
    let record = merge.write.as_ref().expect("written");
    assert_eq!(record.title, "Retitled there, later");
    assert_eq!(merge.title, "Retitled there, later");
    assert_eq!(
        record.contributions.len(),
        3,
        "the old idea, ours and theirs"
    );

    // The other way round our later fields win, with their idea added.
    let merge = &plan(&there, &here).records[0];
    assert_eq!(merge.outcome, Outcome::Updated);
    let record = merge.write.as_ref().expect("written");
    assert_eq!(record.title, "Retitled there, later");
    assert_eq!(record.contributions.len(), 3);

    // Newer fields here and nothing new in the file: unchanged.
    let mut older = base.clone();
    older.records[0].contributions.clear();
    let merge = &plan(&there, &older).records[0];
    assert_eq!(merge.outcome, Outcome::Unchanged);
}

#[test]
fn edits_at_the_same_moment_are_a_conflict_that_keeps_both() {
    let base = sample();
    let mut here = base.clone();
    let mut there = base.clone();
    let mut w_here = World::later(10);
    let mut w_there = World::later(20);
    here.records[1] = w_here.retitled(&base.records[1], "Fire drill checklist, here");
    there.records[1] = w_there.retitled(&base.records[1], "Fire drill checklist, there");
    there.records[1] = w_there.step(
        &there.records[1],
        Step::Contribute(ContributionBody::Answer {
            text: "Ask Kim".into(),
        }),
        "Lee",
    );
    here.records[1].updated = there.records[1].updated;

    let plan = plan(&here, &there);
    assert_eq!(plan.counts.conflicts, 1);
    let summary = plan.summary();
    assert_eq!(summary.conflicts, ["Fire drill checklist, here"]);
    assert_eq!(summary.rows, 2, "ours with their answer, and their copy");
    assert_eq!(summary.writes(), 2);
    let merge = &plan.records[1];
    assert_eq!(merge.outcome, Outcome::Conflict);
    assert_eq!(merge.title, "Fire drill checklist, here");
    let kept = merge.write.as_ref().expect("ours, written");
    assert_eq!(kept.title, "Fire drill checklist, here");
    assert_eq!(kept.contributions.len(), 2, "their answer joins ours");
    let copy = merge.kept_copy.as_ref().expect("theirs, kept");
    assert_eq!(
        copy.title,
        format!("Fire drill checklist, there{CONFLICT_SUFFIX}")
    );
    assert_ne!(copy.id, kept.id);
    assert!(copy.links.contains(&kept.id));
    assert!(
        copy.contributions.is_empty(),
        "its contributions live on the original"
    );
    let Payload::InformationRequest(request) = &copy.payload else {
        panic!("a request");
    };
    assert_eq!(
        request.accepted_answer, None,
        "the accepted answer stays with the original"
    );

    // Written, the result is a file that imports again.
    let mut after = here.clone();
    after.records = written(&here.records, &plan).into_values().collect();
    assert_eq!(after.records.len(), 7);
    assert!(
        read_export(&after.to_json()).is_ok(),
        "{:?}",
        read_export(&after.to_json()).err()
    );
}

#[test]
fn a_conflict_copy_keeps_within_the_title_limit() {
    let base = sample();
    let mut here = base.clone();
    let mut there = base.clone();
    here.records[4].title = "h".repeat(140);
    there.records[4].title = "t".repeat(140);
    let merge = &plan(&here, &there).records[4];
    let copy = merge.kept_copy.as_ref().expect("copy");
    assert_eq!(copy.title.chars().count(), 140);
    assert!(copy.title.ends_with(&format!("t…{CONFLICT_SUFFIX}")));
}

#[test]
fn a_record_of_another_kind_under_the_same_id_is_a_conflict() {
    let base = sample();
    let mut there = base.clone();
    there.records[0].payload = base.records[3].payload.clone();
    there.records[0].contributions = base.records[3].contributions.clone();
    there.records[0].status = base.records[3].status;
    let mut here = base.clone();
    here.records.remove(3);
    let merge = &plan(&here, &there).records[0];
    assert_eq!(merge.outcome, Outcome::Conflict);
    assert_eq!(
        merge.write.as_ref(),
        Some(&here.records[0]),
        "ours untouched"
    );
    let copy = merge.kept_copy.as_ref().expect("copy");
    assert_eq!(copy.kind(), ActivityKind::DiscussingDevelopments);
    assert_eq!(
        copy.contributions, base.records[3].contributions,
        "its opinion kept with it"
    );
}

#[test]
fn members_are_added_or_replaced_by_the_file() {
    let base = sample();
    let mut w = World::later(5);
    let mut there = base.clone();
    there.members[1].name = "Lee B.".into();
    let kim = w.member("Kim", &there.members);
    there.members.push(kim.clone());
    let plan = plan(&base, &there);
    assert_eq!(plan.members_new, vec![kim]);
    assert_eq!(plan.members_updated, vec![there.members[1].clone()]);
    let summary = plan.summary();
    assert_eq!((summary.members, summary.rows), (2, 0));
    assert_eq!(summary.writes(), 2);
}

#[test]
fn rounds_gain_the_responses_of_members_who_only_answered_there() {
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
    assert_eq!(plan.rounds_new, vec![new_round]);
    let [round] = plan.rounds_updated.as_slice() else {
        panic!("one round updated: {:?}", plan.rounds_updated);
    };
    assert_eq!(
        round.responses[0], here.rounds[0].responses[0],
        "ours kept for Ana"
    );
    assert_eq!(
        round.responses[1], there.rounds[0].responses[1],
        "Lee's added"
    );
    assert_eq!(plan.summary().rounds, 2, "one new, one gaining answers");
}

#[test]
fn a_profile_comes_from_the_file_only_when_none_is_set() {
    let there = sample();
    let mut here = there.clone();
    here.profile = None;
    let plan_none = plan(&here, &there);
    assert_eq!(plan_none.profile, there.profile);
    assert!(!plan_none.profile_kept_local);
    assert!(plan_none.summary().profile_from_file);
    assert_eq!(plan_none.summary().writes(), 1);

    let mut different = there.clone();
    if let Some(profile) = different.profile.as_mut() {
        profile.name = "Another name".into();
    }
    let kept = plan(&different, &there);
    assert_eq!((kept.profile, kept.profile_kept_local), (None, true));
    let no_profile_there = plan(&different, &here);
    assert_eq!(
        (
            no_profile_there.profile,
            no_profile_there.profile_kept_local
        ),
        (None, false)
    );
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

        let plan = plan(&here, &there);
        let c = plan.counts;
        assert_eq!(
            c.new + c.updated + c.unchanged + c.conflicts,
            there.records.len()
        );
        conflicts += c.conflicts;

        let after = written(&here.records, &plan);
        for record in here.records.iter().chain(&there.records) {
            assert!(after.contains_key(&record.id), "seed {seed}: record kept");
        }
        let all: HashSet<Id> = after
            .values()
            .flat_map(|r| r.contributions.iter().map(|c| c.id))
            .collect();
        for id in contribution_ids(&here.records)
            .iter()
            .chain(&contribution_ids(&there.records))
        {
            assert!(all.contains(id), "seed {seed}: contribution kept");
        }
        for record in &here.records {
            let now = &after[&record.id];
            for contribution in &record.contributions {
                assert!(
                    now.contributions.contains(contribution),
                    "seed {seed}: ours stays on its record, as it was"
                );
            }
        }
        let mut file = here.clone();
        file.records = after.into_values().collect();
        let mut members = here.members.clone();
        members.extend(plan.members_new.iter().cloned());
        file.members = members;
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
            let plan = plan_merge(&local(&here), &file, &mut SeededIds::new(3));
            prop_assert_eq!(plan.records.len(), file.records.len());
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
