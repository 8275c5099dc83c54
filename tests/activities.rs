//! Life cycles, search and links, as the record page and the repertoire
//! browser use them.
#![cfg(not(target_arch = "wasm32"))]

use repertoire::domain::choices::Choices;
use repertoire::domain::lifecycle::{apply, offered_moves, Step};
use repertoire::domain::links::{linked_from, recurring_problems, write_it_down, RECURRING_AT};
use repertoire::domain::search::{fold, search_text, Found, Query, SearchIndex, Sort};
use repertoire::domain::{
    ActivityKind, ContributionBody, IdSource, Payload, Record, RecordForm, SeededIds, Stance,
    Status, Timestamp, Topic,
};
use std::collections::{BTreeMap, BTreeSet};

struct World {
    ids: SeededIds,
    clock: i64,
}

impl World {
    fn new() -> World {
        World {
            ids: SeededIds::new(42),
            clock: 1_763_000_000_000,
        }
    }

    fn tick(&mut self) -> Timestamp {
        self.clock += 60_000;
        Timestamp(self.clock)
    }

    fn record(
        &mut self,
        kind: ActivityKind,
        title: &str,
        topics: &str,
        fields: &[(&str, &str)],
    ) -> Record {
        let mut form = RecordForm {
            title: title.into(),
            author: "Ana".into(),
            topics: topics.into(),
            ..Default::default()
        };
        for (key, value) in fields {
            form.values.insert((*key).into(), (*value).into());
        }
        let (id, now) = (self.ids.next_id(), self.tick());
        Record::create(kind, &form, id, now).unwrap_or_else(|e| panic!("{title}: {e}"))
    }

    fn problem(&mut self, title: &str, topics: &str) -> Record {
        self.record(
            ActivityKind::ProblemSolving,
            title,
            topics,
            &[("goal", "A goal"), ("stuck_on", "Somewhere")],
        )
    }

    fn request(&mut self, title: &str, topics: &str) -> Record {
        self.record(
            ActivityKind::InformationRequest,
            title,
            topics,
            &[("question", "Where?"), ("urgency", "low")],
        )
    }

    fn step(
        &mut self,
        record: &Record,
        step: Step,
        author: &str,
    ) -> Result<Record, repertoire::domain::ValidationErrors> {
        let (id, now) = (self.ids.next_id(), self.tick());
        apply(record, step, author, id, now)
    }

    /// Lee's idea on a problem.
    fn idea(&mut self, record: &Record, text: &str) -> Record {
        self.step(
            record,
            Step::Contribute(ContributionBody::Idea { text: text.into() }),
            "Lee",
        )
        .expect("idea")
    }
}

#[test]
fn a_problem_gathers_ideas_then_is_resolved_and_can_reopen() {
    let mut w = World::new();
    let problem = w.problem("Printer driver", "printing");
    let with_idea = w.idea(&problem, "  Pin the driver version ");
    assert_eq!(with_idea.contributions.len(), 1);
    assert_eq!(
        with_idea.contributions[0].body,
        ContributionBody::Idea {
            text: "Pin the driver version".into()
        }
    );
    assert!(with_idea.last_activity() > problem.last_activity());

    let refused = w
        .step(
            &with_idea,
            Step::Resolve {
                approach: " ".into(),
                outcome: "".into(),
            },
            "Ana",
        )
        .expect_err("empty");
    assert!(
        refused.for_field("chosen_approach").is_some() && refused.for_field("outcome").is_some()
    );

    let resolved = w
        .step(
            &with_idea,
            Step::Resolve {
                approach: "Pinned version 4.2".into(),
                outcome: "No breakage since".into(),
            },
            "Ana",
        )
        .expect("resolved");
    assert_eq!(resolved.status, Status::Resolved);
    assert!(
        matches!(&resolved.payload, Payload::ProblemSolving(p) if p.outcome == "No breakage since")
    );
    assert_eq!(offered_moves(&resolved), [Status::Open]);
    assert_eq!(
        w.step(&resolved, Step::Move(Status::Open), "Ana")
            .expect("reopen")
            .status,
        Status::Open
    );
}

#[test]
fn a_request_is_answered_by_accepting_one_of_its_answers() {
    let mut w = World::new();
    let request = w.request("Drill checklist", "safety");
    let answered_once = w
        .step(
            &request,
            Step::Contribute(ContributionBody::Answer {
                text: "On the shared drive".into(),
            }),
            "Lee",
        )
        .expect("answer");
    let answered_twice = w
        .step(
            &answered_once,
            Step::Contribute(ContributionBody::Answer {
                text: "Ask Sam".into(),
            }),
            "Kim",
        )
        .expect("answer");
    let chosen = answered_twice.contributions[1].id;
    let accepted = w
        .step(&answered_twice, Step::AcceptAnswer(chosen), "Ana")
        .expect("accepted");
    assert_eq!(accepted.status, Status::Answered);
    assert!(
        matches!(&accepted.payload, Payload::InformationRequest(r) if r.accepted_answer == Some(chosen))
    );

    let foreign = SeededIds::new(1).next_id();
    assert!(
        w.step(&answered_twice, Step::AcceptAnswer(foreign), "Ana")
            .is_err(),
        "only its own answers"
    );
    let idea = ContributionBody::Idea {
        text: "wrong kind".into(),
    };
    assert!(
        w.step(&request, Step::Contribute(idea), "Lee").is_err(),
        "a request takes answers, not ideas"
    );
}

#[test]
fn every_kind_takes_its_own_contribution() {
    let mut w = World::new();
    let cases: Vec<(Record, ContributionBody)> = vec![
        (
            w.record(
                ActivityKind::SeekingExperience,
                "Four-day week",
                "",
                &[("situation", "s"), ("want_to_learn", "w")],
            ),
            ContributionBody::Experience {
                what_happened: "We tried".into(),
                what_worked: "Fridays off".into(),
                differently: "Tell clients".into(),
            },
        ),
        (
            w.record(
                ActivityKind::ReusingAssets,
                "Deck",
                "",
                &[
                    ("asset_type", "slides"),
                    ("description", "d"),
                    ("location", "l"),
                ],
            ),
            ContributionBody::Reuse {
                reused_for: "Volunteer day".into(),
                how_it_went: "Saved a day".into(),
            },
        ),
        (
            w.record(
                ActivityKind::Coordination,
                "Trainer",
                "",
                &[("what", "w"), ("expected_benefit", "b")],
            ),
            ContributionBody::Join {
                note: "Clinic 2 is in".into(),
            },
        ),
        (
            w.record(
                ActivityKind::DiscussingDevelopments,
                "New law",
                "",
                &[("development", "d"), ("question", "q")],
            ),
            ContributionBody::Opinion {
                stance: Stance::Trial,
                text: "Try it on one form".into(),
            },
        ),
        (
            w.record(
                ActivityKind::Visit,
                "Repair shop",
                "",
                &[("host", "Kim"), ("want_to_learn", "w")],
            ),
            ContributionBody::Join { note: "".into() },
        ),
        (
            w.record(ActivityKind::Mapping, "Billing", "", &[("area", "Billing")]),
            ContributionBody::Comment {
                text: "Add refunds".into(),
            },
        ),
    ];
    for (record, body) in cases {
        let next = w
            .step(&record, Step::Contribute(body.clone()), "Lee")
            .unwrap_or_else(|e| panic!("{}: {e}", record.title));
        assert_eq!(next.contributions[0].body, body);
    }
}

#[test]
fn conclusions_close_coordination_discussion_and_visit() {
    let mut w = World::new();
    let visit = w.record(
        ActivityKind::Visit,
        "Repair shop",
        "",
        &[("host", "Kim"), ("want_to_learn", "w")],
    );
    let done = w
        .step(
            &visit,
            Step::Conclude("Walk-ins are batched at 10:00".into()),
            "Ana",
        )
        .expect("report");
    assert_eq!(done.status, Status::Done);
    assert!(
        matches!(&done.payload, Payload::Visit(v) if v.report == "Walk-ins are batched at 10:00")
    );
    let talk = w.record(
        ActivityKind::DiscussingDevelopments,
        "New law",
        "",
        &[("development", "d"), ("question", "q")],
    );
    assert_eq!(
        w.step(&talk, Step::Conclude("Adopt for new forms".into()), "Ana")
            .expect("verdict")
            .status,
        Status::Closed
    );
    assert!(w.step(&talk, Step::Conclude("   ".into()), "Ana").is_err());
    let problem = w.problem("p", "");
    assert!(w.step(&problem, Step::Conclude("x".into()), "Ana").is_err());
}

#[test]
fn a_document_moves_one_state_at_a_time_and_needs_text_to_publish() {
    let mut w = World::new();
    let doc = w.record(
        ActivityKind::DocumentationProject,
        "Printer fix",
        "printing",
        &[("recurring_problem", "Driver breaks")],
    );
    assert_eq!(doc.status, Status::Proposed);
    assert_eq!(offered_moves(&doc), [Status::Drafting]);
    let drafting = w
        .step(&doc, Step::Move(Status::Drafting), "Ana")
        .expect("drafting");
    let review = w
        .step(&drafting, Step::Move(Status::InReview), "Ana")
        .expect("review");
    assert!(
        w.step(&doc, Step::Move(Status::Published), "Ana").is_err(),
        "no skipping"
    );
    let empty = w
        .step(&review, Step::Move(Status::Published), "Ana")
        .expect_err("no text yet");
    assert!(empty.for_field("document").is_some());
    let mut written = review.clone();
    if let Payload::DocumentationProject(d) = &mut written.payload {
        d.document = "## Fix\nPin the driver.".into();
    }
    assert_eq!(
        w.step(&written, Step::Move(Status::Published), "Ana")
            .expect("published")
            .status,
        Status::Published
    );
}

#[test]
fn search_ignores_case_accents_and_markdown_and_covers_contributions() {
    let mut w = World::new();
    let mut school = w.record(
        ActivityKind::SeekingExperience,
        "Rentrée à l'École",
        "education",
        &[("situation", "A **crèche** opens"), ("want_to_learn", "w")],
    );
    school = w
        .step(
            &school,
            Step::Contribute(ContributionBody::Experience {
                what_happened: "We hired a _Señor_ Muñoz".into(),
                what_worked: "".into(),
                differently: "".into(),
            }),
            "Zoë",
        )
        .expect("experience");
    let other = w.problem("Printer driver", "printing");
    let records = vec![school.clone(), other.clone()];
    let index = SearchIndex::build(&records);
    let find = |text: &str| {
        let query = Query {
            text: text.into(),
            ..Query::default()
        };
        index
            .run(&records, &query)
            .into_iter()
            .map(|i| records[i].title.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(find("ecole"), [school.title.clone()]);
    assert_eq!(
        find("RENTREE ECOLE"),
        [school.title.clone()],
        "all words, any order, any case"
    );
    assert_eq!(
        find("creche opens"),
        [school.title.clone()],
        "markdown emphasis is not in the way"
    );
    assert_eq!(
        find("munoz"),
        [school.title.clone()],
        "contributions are searched"
    );
    assert_eq!(
        find("zoe"),
        [school.title.clone()],
        "contributors are searched"
    );
    assert_eq!(find("driver"), vec![other.title.clone()]);
    assert_eq!(find("ecole driver"), Vec::<String>::new());
    assert_eq!(find("").len(), 2);
    assert_eq!(fold("Ærø ŒUVRE straße"), "aero oeuvre strasse");
}

#[test]
fn filters_and_orders_combine() {
    let mut w = World::new();
    let old_open = w.request("Old open request", "safety");
    let busy = w.problem("Busy problem", "safety, printing");
    let busy = w
        .step(
            &busy,
            Step::Contribute(ContributionBody::Idea { text: "one".into() }),
            "Lee",
        )
        .expect("idea");
    let busy = w
        .step(
            &busy,
            Step::Contribute(ContributionBody::Idea { text: "two".into() }),
            "Kim",
        )
        .expect("idea");
    let answered = w.request("Answered request", "printing");
    let answered = w
        .step(
            &answered,
            Step::Contribute(ContributionBody::Answer {
                text: "here".into(),
            }),
            "Kim",
        )
        .expect("answer");
    let answered = w
        .step(
            &answered,
            Step::AcceptAnswer(answered.contributions[0].id),
            "Ana",
        )
        .expect("accept");
    let records = vec![old_open.clone(), busy.clone(), answered.clone()];
    let index = SearchIndex::build(&records);
    let titles = |query: Query| {
        index
            .run(&records, &query)
            .into_iter()
            .map(|i| records[i].title.as_str())
            .collect::<Vec<_>>()
    };

    assert_eq!(
        titles(Query::default()),
        ["Answered request", "Busy problem", "Old open request"]
    );
    assert_eq!(
        titles(Query {
            sort: Sort::MostActive,
            ..Query::default()
        }),
        ["Busy problem", "Answered request", "Old open request"]
    );
    assert_eq!(
        titles(Query {
            sort: Sort::UnansweredFirst,
            ..Query::default()
        }),
        ["Old open request", "Busy problem", "Answered request"]
    );
    assert_eq!(
        titles(Query {
            kind: Some(ActivityKind::InformationRequest),
            ..Query::default()
        }),
        ["Answered request", "Old open request"]
    );
    assert_eq!(
        titles(Query {
            status: Some(Status::Answered),
            ..Query::default()
        }),
        ["Answered request"]
    );
    assert_eq!(
        titles(Query {
            topic: Topic::new("Safety"),
            ..Query::default()
        }),
        ["Busy problem", "Old open request"]
    );
    assert_eq!(
        titles(Query {
            member: Some("kim".into()),
            ..Query::default()
        }),
        ["Answered request", "Busy problem"]
    );
    assert_eq!(
        titles(Query {
            member: Some("Kim".into()),
            topic: Topic::new("printing"),
            kind: Some(ActivityKind::ProblemSolving),
            ..Query::default()
        }),
        ["Busy problem"]
    );
}

#[test]
fn the_index_finds_exactly_what_scanning_every_text_finds() {
    let mut w = World::new();
    let titles = [
        "Night handover checklist",
        "Κλινική ομάδα: νυχτερινή βάρδια",
        "夜勤の引き継ぎ",
        "Café au lait 🙂 und Straße",
        "x",
        "Rota for ward 3, escalation path",
    ];
    let records: Vec<Record> = titles
        .iter()
        .enumerate()
        .map(|(n, title)| w.problem(title, if n % 2 == 0 { "handover" } else { "rota" }))
        .collect();
    let index = SearchIndex::build(&records);
    let texts: Vec<String> = records.iter().map(search_text).collect();
    let queries = [
        "c",
        "ch",
        "check",
        "checklist",
        "chekclist",
        "night check",
        "βάρδια",
        "βαρδια",
        "引き",
        "継ぎ夜",
        "🙂",
        "cafe",
        "strasse",
        "x",
        "xx",
        "ward 3",
        "3",
        "path ward",
        "somewhere",
        "goal",
        "ana",
        "a",
    ];
    for text in queries {
        let query = Query {
            text: text.into(),
            ..Query::default()
        };
        let folded = fold(text);
        let mut scanned: Vec<usize> = (0..records.len())
            .filter(|&i| {
                folded
                    .split_whitespace()
                    .all(|word| texts[i].contains(word))
            })
            .collect();
        let mut found = index.run(&records, &query);
        scanned.sort_unstable();
        found.sort_unstable();
        assert_eq!(found, scanned, "{text:?}");
    }
}

#[test]
fn typing_on_narrows_what_was_found_and_finds_what_a_full_search_finds() {
    let mut w = World::new();
    let words = ["ward", "warden", "rota", "night", "handover", "war", "draw"];
    let mut records = Vec::new();
    for n in 0..250 {
        let title = format!("{} {} {n}", words[n % 7], words[(n * 3 + 1) % 7]);
        let record = if n % 2 == 0 {
            w.problem(&title, if n % 3 == 0 { "safety" } else { "rota" })
        } else {
            w.request(&title, "night shift")
        };
        records.push(record);
    }
    // Kept in no particular order, as after an import.
    records.reverse();
    records.swap(3, 40);
    let index = SearchIndex::build(&records);
    // Prepared in slices, as the page does between frames: two slices of a
    // hundred, then the rest.
    let mut slices = 0;
    let mut two_slices = || {
        slices += 1;
        slices <= 2
    };
    assert!(
        !index.prepare(&records, &mut two_slices),
        "stopped after two slices"
    );
    assert!(index.prepare(&records, || true), "finished");
    assert!(index.prepare(&records, || false), "nothing left to do");
    let kinds = [None, Some(ActivityKind::ProblemSolving)];
    for sort in Sort::ALL {
        for kind in kinds {
            let query = |text: &str| Query {
                text: text.into(),
                kind,
                sort,
                ..Query::default()
            };
            let mut previous = Found {
                positions: index.run(&records, &query("")),
                query: query(""),
            };
            // Typing on, spaces, backspaces, and a word that matches nothing.
            for text in [
                "w", "wa", "war", "ward", "ward ", "ward r", "ward ro", "ward r", "ward", "wardx",
                "ward", "d", "dr", "DRÂW", "draw 1", "",
            ] {
                let narrowed = index.narrow(&records, &query(text), &previous);
                assert_eq!(
                    narrowed,
                    index.run(&records, &query(text)),
                    "{text:?}, {sort:?}, {kind:?}"
                );
                previous = Found {
                    query: query(text),
                    positions: narrowed,
                };
            }
        }
    }
    // A filter changed between two keystrokes: a full search.
    let all = Found {
        query: Query {
            text: "wa".into(),
            kind: Some(ActivityKind::ProblemSolving),
            ..Query::default()
        },
        positions: index.run(
            &records,
            &Query {
                text: "wa".into(),
                kind: Some(ActivityKind::ProblemSolving),
                ..Query::default()
            },
        ),
    };
    let wider = Query {
        text: "war".into(),
        ..Query::default()
    };
    assert_eq!(
        index.narrow(&records, &wider, &all),
        index.run(&records, &wider)
    );
    assert!(index.run(&records, &wider).len() > all.positions.len());
}

#[test]
fn a_topic_recurs_at_three_problems_or_requests_until_a_document_covers_it() {
    let mut w = World::new();
    let mut records = vec![
        w.problem("One", "printing"),
        w.request("Two", "printing, safety"),
    ];
    assert!(
        recurring_problems(&records).is_empty(),
        "two is not yet recurring"
    );
    records.push(w.record(
        ActivityKind::SeekingExperience,
        "Not counted",
        "printing",
        &[("situation", "s"), ("want_to_learn", "w")],
    ));
    assert!(
        recurring_problems(&records).is_empty(),
        "only problems and requests count"
    );
    records.push(w.problem("Three", "Printing"));
    let found = recurring_problems(&records);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].topic, Topic::new("printing").expect("topic"));
    assert_eq!(found[0].records.len(), RECURRING_AT);
    assert_eq!(found[0].records[0], records[3].id, "newest first");

    let doc = w.record(
        ActivityKind::DocumentationProject,
        "Printing guide",
        "Printing",
        &[("recurring_problem", "p")],
    );
    records.push(doc);
    assert!(
        recurring_problems(&records).is_empty(),
        "a document on the topic covers it"
    );
}

#[test]
fn write_it_down_prefills_a_document_that_links_back() {
    let mut w = World::new();
    let problem = w.problem("Printer driver", "printing");
    let resolved = w
        .step(
            &problem,
            Step::Resolve {
                approach: "Pin 4.2".into(),
                outcome: "Stable".into(),
            },
            "Ana",
        )
        .expect("resolved");
    let form = write_it_down(&resolved, "Lee");
    assert_eq!(form.links, [resolved.id]);
    assert_eq!(form.topics, "printing");
    assert!(form.values["document"].contains("Pin 4.2"));
    let doc = Record::create(
        ActivityKind::DocumentationProject,
        &form,
        w.ids.next_id(),
        w.tick(),
    )
    .expect("valid prefilled form");
    assert_eq!(doc.links, [resolved.id]);
    let records = vec![resolved.clone(), doc.clone()];
    assert_eq!(
        linked_from(&records, resolved.id)
            .iter()
            .map(|r| r.id)
            .collect::<Vec<_>>(),
        [doc.id]
    );
}

#[test]
fn news_since_the_last_visit_leaves_out_my_own_work() {
    use repertoire::domain::links::changes_since;
    let mut w = World::new();
    let old = w.problem("Old problem", "");
    let since = w.tick();
    let mine = w.problem("My own new problem", "");
    let answered = w.idea(&old, "try this");
    let answered = w
        .step(
            &answered,
            Step::Contribute(ContributionBody::Idea {
                text: "or that".into(),
            }),
            "Kim",
        )
        .expect("idea");
    let mut theirs = w.request("Their new request", "");
    theirs.author = "Kim".into();
    let records = vec![answered.clone(), mine, theirs.clone()];
    let changes = changes_since(&records, since, "ana");
    assert_eq!(
        changes.iter().map(|c| c.title.as_str()).collect::<Vec<_>>(),
        ["Their new request", "Old problem"]
    );
    assert!(changes[0].is_new && changes[0].contributions == 0);
    assert!(!changes[1].is_new && changes[1].contributions == 2);
    assert!(
        changes_since(&records, w.tick(), "Ana").is_empty(),
        "nothing after now"
    );
}

/// The filters' choices, counted: what sorting every value and dropping
/// repeats gives, a name in several cases shown as most often written.
#[test]
fn the_filters_offer_each_topic_and_each_person_once_in_order() {
    let mut records = repertoire::domain::sample::export(400, 11).records;
    // The same person written in other cases, once each.
    records[3].author = "ANA BERG".into();
    records[7].author = "ana berg".into();
    if let Some(c) = records[1].contributions.first_mut() {
        c.author = "Ana Berg".into();
    }
    // Two ways, as often each: capitals first.
    records[9].author = "zoë ito".into();
    records[10].author = "Zoë Ito".into();

    let expected_topics: Vec<String> = records
        .iter()
        .flat_map(|r| r.topics.iter())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .map(|t| t.to_string())
        .collect();
    let choices = Choices::of(&records);
    assert_eq!(choices.topics(), expected_topics);

    let mut written: BTreeMap<String, BTreeMap<&str, usize>> = BTreeMap::new();
    for record in &records {
        for name in std::iter::once(record.author.as_str())
            .chain(record.contributions.iter().map(|c| c.author.as_str()))
        {
            *written
                .entry(name.to_lowercase())
                .or_default()
                .entry(name)
                .or_default() += 1;
        }
    }
    let expected_people: Vec<String> = written
        .values()
        .map(|ways| {
            let most = ways.values().max().copied().unwrap_or_default();
            ways.iter()
                .find(|(_, count)| **count == most)
                .map(|(name, _)| name.to_string())
                .unwrap_or_default()
        })
        .collect();
    let people = choices.people();
    assert_eq!(people, expected_people);
    assert!(people.contains(&"Zoë Ito".to_owned()) && !people.contains(&"zoë ito".to_owned()));
    assert_eq!(
        people
            .iter()
            .filter(|n| n.eq_ignore_ascii_case("ana berg"))
            .count(),
        1
    );
}

/// Counted record by record as the list changes, the choices are what
/// counting the final list gives.
#[test]
fn the_filter_choices_follow_saves_and_deletions() {
    let mut records = repertoire::domain::sample::export(300, 5).records;
    let mut choices = Choices::of(&records);
    let mut ids = SeededIds::new(9);
    for step in 0..200usize {
        let at = (step * 37) % records.len();
        match step % 4 {
            // A record deleted.
            0 => {
                choices.remove(&records[at]);
                records.remove(at);
            }
            // A record edited: a topic of its own, another author.
            1 => {
                let mut next = records[at].clone();
                next.topics = vec![Topic::new(&format!("topic {step}")).expect("topic")];
                next.author = format!("Author {}", step % 7);
                choices.remove(&records[at]);
                choices.add(&next);
                records[at] = next;
            }
            // A record added, a copy under a new id.
            2 => {
                let mut copy = records[at].clone();
                copy.id = ids.next_id();
                choices.add(&copy);
                records.push(copy);
            }
            // A contribution by someone written in lower case.
            _ => {
                let mut next = records[at].clone();
                if let Some(c) = next.contributions.first_mut() {
                    c.author = c.author.to_lowercase();
                }
                choices.remove(&records[at]);
                choices.add(&next);
                records[at] = next;
            }
        }
        let counted = Choices::of(&records);
        assert_eq!(choices.topics(), counted.topics(), "step {step}");
        assert_eq!(choices.people(), counted.people(), "step {step}");
    }
}

#[test]
fn an_index_rebuilt_after_a_few_changes_refolds_only_them_and_finds_what_a_fresh_one_finds() {
    let mut w = World::new();
    let words = ["ward", "rota", "night", "handover", "printer", "allergy"];
    let mut records: Vec<Record> = (0..450)
        .map(|n| {
            let title = format!("{} {} {n}", words[n % 6], words[(n * 5 + 2) % 6]);
            w.problem(&title, if n % 4 == 0 { "safety" } else { "rota" })
        })
        .collect();
    let before = SearchIndex::build(&records);
    // Only part of it was folded when the change came: the rest is folded
    // after the rebuild, as a fresh index would.
    let mut slices = 0;
    assert!(!before.prepare(&records, || {
        slices += 1;
        slices <= 3
    }));

    // A contribution moves a record to the front, an edit changes a title,
    // one record goes and one comes.
    let contributed = records.remove(120);
    let contributed = w.idea(&contributed, "Ask the pharmacy for a zebra label");
    records.insert(0, contributed.clone());
    records[10].title = "Quarantine checklist".into();
    let edited = records[10].id;
    let deleted = records.remove(300).id;
    let added = w.problem("Printer jams at night", "printing");
    records.push(added.clone());
    let changed = [contributed.id, edited, deleted, added.id]
        .into_iter()
        .collect();

    let rebuilt = SearchIndex::rebuild(&before, &records, &changed);
    let fresh = SearchIndex::build(&records);
    // Of the 300 texts folded before, 298 are taken over (not the
    // contributed and the edited ones): 152 are left to fold, in two slices
    // of a hundred, where a fresh index folds 450 in five.
    let mut asked = 0;
    assert!(rebuilt.prepare(&records, || {
        asked += 1;
        true
    }));
    assert_eq!(asked, 2, "texts folded in slices of a hundred");
    for text in [
        "zebra",
        "quarantine",
        "printer jams",
        "ward rota",
        "night",
        "allergy 7",
        "",
        "nothing",
    ] {
        for sort in Sort::ALL {
            let query = Query {
                text: text.into(),
                sort,
                ..Query::default()
            };
            assert_eq!(
                rebuilt.run(&records, &query),
                fresh.run(&records, &query),
                "{text:?}, {sort:?}"
            );
        }
    }
    let find = |text: &str| {
        rebuilt
            .run(
                &records,
                &Query {
                    text: text.into(),
                    ..Query::default()
                },
            )
            .len()
    };
    assert_eq!(find("zebra"), 1, "the new contribution is found");
    assert_eq!(find("quarantine"), 1, "the edited title is found");
}
