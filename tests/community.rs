//! The community around the repertoire: its profile, its member directory,
//! participation as the repertoire shows it, and the knowledge map.
#![cfg(not(target_arch = "wasm32"))]

use repertoire::domain::community::{CommunityProfile, CommunityWord, ProfileForm};
use repertoire::domain::knowledge::{knowledge_map, next_step_form, GapReason, NextStep, TopicRow};
use repertoire::domain::lifecycle::{apply, Step};
use repertoire::domain::member::{find_by_name, Member, MemberForm, ParticipationLevel};
use repertoire::domain::participation::{measure, measure_all, Participation};
use repertoire::domain::{
    ActivityKind, ContributionBody, Id, IdSource, Record, RecordForm, SeededIds, Stance, Status,
    Timestamp, Topic, ValidationErrors,
};

const DAY: i64 = 24 * 60 * 60 * 1000;

struct World {
    ids: SeededIds,
    clock: i64,
}

impl World {
    fn new() -> World {
        World {
            ids: SeededIds::new(7),
            clock: 1_763_000_000_000,
        }
    }

    fn tick(&mut self) -> Timestamp {
        self.clock += 60_000;
        Timestamp(self.clock)
    }

    fn id(&mut self) -> Id {
        self.ids.next_id()
    }

    fn record(
        &mut self,
        kind: ActivityKind,
        author: &str,
        topics: &str,
        fields: &[(&str, &str)],
    ) -> Record {
        let mut form = RecordForm {
            title: format!("{} by {author}", kind.label()),
            author: author.into(),
            topics: topics.into(),
            ..Default::default()
        };
        for (key, value) in fields {
            form.values.insert((*key).into(), (*value).into());
        }
        let (id, now) = (self.id(), self.tick());
        Record::create(kind, &form, id, now).unwrap_or_else(|e| panic!("{kind:?}: {e}"))
    }

    fn request(&mut self, author: &str, topics: &str) -> Record {
        self.record(
            ActivityKind::InformationRequest,
            author,
            topics,
            &[("question", "Where?"), ("urgency", "normal")],
        )
    }

    fn problem(&mut self, author: &str, topics: &str) -> Record {
        self.record(
            ActivityKind::ProblemSolving,
            author,
            topics,
            &[("goal", "A goal"), ("stuck_on", "Somewhere")],
        )
    }

    fn asset(&mut self, author: &str, topics: &str) -> Record {
        self.record(
            ActivityKind::ReusingAssets,
            author,
            topics,
            &[
                ("asset_type", "template"),
                ("description", "A template"),
                ("location", "https://example.org/t"),
            ],
        )
    }

    fn step(&mut self, record: &Record, step: Step, author: &str) -> Record {
        let (id, now) = (self.id(), self.tick());
        apply(record, step, author, id, now).unwrap_or_else(|e| panic!("{}: {e}", record.title))
    }

    fn contribute(&mut self, record: &Record, body: ContributionBody, author: &str) -> Record {
        self.step(record, Step::Contribute(body), author)
    }

    fn member(&mut self, name: &str, knows: &str, learning: &str, others: &[Member]) -> Member {
        let form = MemberForm {
            name: name.into(),
            level: "active".into(),
            knows: knows.into(),
            learning: learning.into(),
        };
        let (id, now) = (self.id(), self.tick());
        Member::create(&form, others, id, now).unwrap_or_else(|e| panic!("{name}: {e}"))
    }

    fn directory(&mut self, entries: &[(&str, &str, &str)]) -> Vec<Member> {
        let mut members = Vec::new();
        for (name, knows, learning) in entries {
            let member = self.member(name, knows, learning, &members);
            members.push(member);
        }
        members
    }
}

fn answer(text: &str) -> ContributionBody {
    ContributionBody::Answer { text: text.into() }
}

fn reuse(text: &str) -> ContributionBody {
    ContributionBody::Reuse {
        reused_for: text.into(),
        how_it_went: String::new(),
    }
}

fn fields(errors: &ValidationErrors) -> Vec<&str> {
    errors.0.iter().map(|e| e.field.as_str()).collect()
}

fn topic(text: &str) -> Topic {
    Topic::new(text).expect("a topic")
}

// ---------------------------------------------------------------- profile

fn profile_form() -> ProfileForm {
    ProfileForm {
        name: "  Night-shift nurses ".into(),
        word: "learning-network".into(),
        own_word: String::new(),
        domain: "Safe handovers between day and night shifts.".into(),
        why_it_matters: "Missed notes hurt patients.".into(),
        competence: "Running a handover that nothing slips through.".into(),
        core_topics: "Handover, allergies; handover".into(),
    }
}

#[test]
fn a_filled_profile_form_makes_a_profile_and_round_trips() {
    let profile = CommunityProfile::from_form(&profile_form()).expect("valid");
    assert_eq!(profile.name, "Night-shift nurses");
    assert_eq!(profile.word, CommunityWord::LearningNetwork);
    assert_eq!(profile.core_topics, [topic("handover"), topic("allergies")]);
    assert!(profile.is_set_up());
    assert_eq!(
        CommunityProfile::from_form(&profile.to_form()),
        Ok(profile.clone())
    );

    let own = ProfileForm {
        word: "own".into(),
        own_word: "  Handover Circle ".into(),
        ..profile_form()
    };
    let own = CommunityProfile::from_form(&own).expect("own word");
    assert_eq!(own.word, CommunityWord::Own("Handover Circle".into()));
    assert_eq!(own.word.as_text(), "Handover Circle", "kept as typed");
    assert_eq!(own.to_form().word, "own");
    assert_eq!(own.to_form().own_word, "Handover Circle");
    assert_eq!(CommunityProfile::from_form(&own.to_form()), Ok(own));
}

#[test]
fn a_profile_without_a_domain_is_valid_but_not_set_up() {
    let form = ProfileForm {
        domain: "   ".into(),
        ..profile_form()
    };
    let profile = CommunityProfile::from_form(&form).expect("valid");
    assert!(!profile.is_set_up());
    assert!(!CommunityProfile::default().is_set_up());
}

#[test]
fn every_profile_problem_is_reported_on_its_field() {
    let form = ProfileForm {
        name: " ".into(),
        word: "club-of-friends".into(),
        own_word: String::new(),
        domain: "d".repeat(501),
        why_it_matters: "w".repeat(2001),
        competence: "c".repeat(2001),
        core_topics: (1..=13)
            .map(|n| format!("topic {n}"))
            .collect::<Vec<_>>()
            .join(", "),
    };
    let errors = CommunityProfile::from_form(&form).expect_err("invalid");
    for key in [
        "name",
        "word",
        "domain",
        "why_it_matters",
        "competence",
        "core_topics",
    ] {
        assert!(errors.for_field(key).is_some(), "{key}: {errors:?}");
    }
    assert!(
        errors.for_field("own_word").is_none(),
        "only asked for when picked"
    );

    let long_name = ProfileForm {
        name: "n".repeat(81),
        core_topics: "x".repeat(61),
        ..profile_form()
    };
    let errors = CommunityProfile::from_form(&long_name).expect_err("invalid");
    assert_eq!(fields(&errors), ["name", "core_topics"]);

    let at_limits = ProfileForm {
        name: "n".repeat(80),
        domain: "d".repeat(500),
        why_it_matters: "w".repeat(2000),
        competence: "c".repeat(2000),
        core_topics: (1..=12)
            .map(|n| format!("topic {n}"))
            .collect::<Vec<_>>()
            .join(", "),
        ..profile_form()
    };
    assert!(CommunityProfile::from_form(&at_limits).is_ok());
}

#[test]
fn an_own_word_must_be_typed_and_short() {
    let blank = ProfileForm {
        word: "own".into(),
        own_word: "  ".into(),
        ..profile_form()
    };
    let errors = CommunityProfile::from_form(&blank).expect_err("blank");
    assert_eq!(fields(&errors), ["own_word"]);
    let long = ProfileForm {
        word: "own".into(),
        own_word: "w".repeat(41),
        ..profile_form()
    };
    let errors = CommunityProfile::from_form(&long).expect_err("long");
    assert_eq!(fields(&errors), ["own_word"]);
    let leftover = ProfileForm {
        word: "guild".into(),
        own_word: "w".repeat(41),
        ..profile_form()
    };
    assert_eq!(
        CommunityProfile::from_form(&leftover).map(|p| p.word),
        Ok(CommunityWord::Guild),
        "a hidden own word is ignored"
    );
}

#[test]
fn community_words_round_trip_through_their_slugs() {
    for (slug, label) in CommunityWord::CHOICES {
        let word = CommunityWord::from_parts(slug, "ignored").expect(slug);
        assert_eq!(word.slug(), slug);
        assert_eq!(word.as_text(), label.to_lowercase());
    }
    assert_eq!(
        CommunityWord::from_parts("own", " Circle "),
        Some(CommunityWord::Own("Circle".into()))
    );
    assert_eq!(CommunityWord::Own("Circle".into()).slug(), "own");
    assert_eq!(CommunityWord::from_parts("own", ""), None);
    assert_eq!(CommunityWord::from_parts("tribe", "x"), None);
}

// ---------------------------------------------------------------- members

#[test]
fn participation_levels_round_trip_and_describe_without_ranking() {
    for level in ParticipationLevel::ALL {
        assert_eq!(ParticipationLevel::from_slug(level.slug()), Some(level));
        assert!(level.describe().ends_with('.'));
        let json = serde_json::to_string(&level).expect("json");
        assert_eq!(
            json,
            format!("\"{}\"", level.slug()),
            "slug is the stored name"
        );
    }
    assert_eq!(ParticipationLevel::from_slug("boss"), None);
}

#[test]
fn a_member_is_created_from_a_trimmed_form() {
    let mut w = World::new();
    let form = MemberForm {
        name: "  Ana Lopez ".into(),
        level: "newcomer".into(),
        knows: "Invoicing, refunds".into(),
        learning: "tax rules".into(),
    };
    let now = w.tick();
    let id = w.id();
    let ana = Member::create(&form, &[], id, now).expect("valid");
    assert_eq!(ana.name, "Ana Lopez");
    assert_eq!(ana.level, ParticipationLevel::Newcomer);
    assert_eq!(ana.knows, [topic("invoicing"), topic("refunds")]);
    assert_eq!(ana.learning, [topic("tax rules")]);
    assert_eq!((ana.id, ana.joined), (id, now));
    assert_eq!(
        Member::create(&ana.to_form(), &[], id, now),
        Ok(ana.clone())
    );
    assert!(ana.is_named(" ana lopez"));
    assert!(!ana.is_named("Ana"));
    assert!(!ana.is_named(""));
}

#[test]
fn member_names_are_unique_case_insensitively() {
    let mut w = World::new();
    let members = w.directory(&[("Ana", "", ""), ("Lee", "", "")]);
    let twin = MemberForm {
        name: " ANA ".into(),
        level: "core".into(),
        ..MemberForm::default()
    };
    let errors = Member::create(&twin, &members, w.id(), w.tick()).expect_err("taken");
    assert_eq!(fields(&errors), ["name"]);
    assert!(errors
        .for_field("name")
        .is_some_and(|m| m.contains("initial")));

    let ana = &members[0];
    let renamed = MemberForm {
        name: "ana".into(),
        level: "core".into(),
        knows: "invoicing".into(),
        ..MemberForm::default()
    };
    let edited = ana
        .edited(&renamed, &members)
        .expect("own name stays allowed");
    assert_eq!(edited.name, "ana");
    assert_eq!(edited.level, ParticipationLevel::Core);
    assert_eq!((edited.id, edited.joined), (ana.id, ana.joined));

    let taken = MemberForm {
        name: "lee".into(),
        ..renamed
    };
    assert_eq!(
        fields(&ana.edited(&taken, &members).expect_err("Lee's")),
        ["name"]
    );
    assert_eq!(
        find_by_name(&members, " LEE").map(|m| m.id),
        Some(members[1].id)
    );
    assert_eq!(find_by_name(&members, "Kim"), None);
}

#[test]
fn every_member_problem_is_reported_on_its_field() {
    let mut w = World::new();
    let many: String = (1..=31)
        .map(|n| format!("t{n}"))
        .collect::<Vec<_>>()
        .join(",");
    let form = MemberForm {
        name: "".into(),
        level: "boss".into(),
        knows: many,
        learning: "x".repeat(61),
    };
    let errors = Member::create(&form, &[], w.id(), w.tick()).expect_err("invalid");
    assert_eq!(fields(&errors), ["name", "level", "knows", "learning"]);
    let long = MemberForm {
        name: "n".repeat(81),
        level: "active".into(),
        ..MemberForm::default()
    };
    assert_eq!(
        fields(&Member::create(&long, &[], w.id(), w.tick()).expect_err("long")),
        ["name"]
    );
    let blank_level = MemberForm {
        name: "Kim".into(),
        ..MemberForm::default()
    };
    assert_eq!(
        fields(&Member::create(&blank_level, &[], w.id(), w.tick()).expect_err("level")),
        ["level"]
    );
}

// ---------------------------------------------------------- participation

#[test]
fn participation_counts_records_contributions_accepted_answers_and_reuse_by_others() {
    let mut w = World::new();
    let request = w.request("Ana", "safety");
    let request = w.contribute(&request, answer("Shared drive"), "Lee");
    let request = w.contribute(&request, answer("Ask Sam"), " kim ");
    let lees = request.contributions[0].id;
    let request = w.step(&request, Step::AcceptAnswer(lees), "Ana");
    let asset = w.asset("ana", "templates");
    let asset = w.contribute(&asset, reuse("Volunteer day"), "Lee");
    let asset = w.contribute(&asset, reuse("My own reuse"), " ANA");
    let asset = w.contribute(
        &asset,
        ContributionBody::Comment {
            text: "Nice".into(),
        },
        "Kim",
    );
    let lees_asset = w.asset("Lee", "templates");
    let lees_asset = w.contribute(&lees_asset, reuse("Again"), "Lee");
    let records = [request.clone(), asset.clone(), lees_asset];

    let ana = measure(&records, "  ANA ");
    assert_eq!(
        ana,
        Participation {
            records: 2,
            contributions: 1,
            accepted_answers: 0,
            reused_by_others: 1,
            last_active: Some(asset.contributions[1].created),
        }
    );
    let lee = measure(&records, "lee");
    assert_eq!((lee.records, lee.contributions), (1, 3));
    assert_eq!(lee.accepted_answers, 1);
    assert_eq!(
        lee.reused_by_others, 0,
        "reusing one's own asset is not counted"
    );
    let kim = measure(&records, "Kim");
    assert_eq!(
        (kim.records, kim.contributions, kim.accepted_answers),
        (0, 2, 0)
    );
    assert_eq!(kim.last_active, Some(asset.contributions[2].created));

    let all = measure_all(&records, &["Kim", "Nobody", "ana", "", "KIM"]);
    assert_eq!(
        all,
        [
            kim.clone(),
            Participation::default(),
            ana,
            Participation::default(),
            kim
        ]
    );
    assert!(all[1].is_empty() && !all[0].is_empty());
}

#[test]
fn an_empty_repertoire_measures_nothing() {
    let nothing = measure(&[], "Ana");
    assert!(nothing.is_empty());
    assert_eq!(nothing, Participation::default());
    assert!(measure_all(&[], &[]).is_empty());
    assert_eq!(
        nothing.observed_level(Timestamp(0)),
        ParticipationLevel::Newcomer
    );
}

#[test]
fn observed_level_reads_recent_activity_without_ranking() {
    let now = Timestamp(1_763_000_000_000);
    let seen = |items: usize, days_ago: i64| Participation {
        records: items / 2,
        contributions: items - items / 2,
        last_active: Some(Timestamp(now.0 - days_ago * DAY)),
        ..Participation::default()
    };
    assert_eq!(
        seen(1, 0).observed_level(now),
        ParticipationLevel::Occasional
    );
    assert_eq!(
        seen(2, 3).observed_level(now),
        ParticipationLevel::Occasional
    );
    assert_eq!(seen(3, 3).observed_level(now), ParticipationLevel::Active);
    assert_eq!(seen(9, 90).observed_level(now), ParticipationLevel::Active);
    assert_eq!(seen(10, 10).observed_level(now), ParticipationLevel::Core);
    assert_eq!(
        seen(40, 91).observed_level(now),
        ParticipationLevel::Occasional
    );
    assert_eq!(
        seen(5, -1).observed_level(now),
        ParticipationLevel::Active,
        "a clock running behind still counts as recent"
    );
    assert_eq!(
        Participation::default().observed_level(now),
        ParticipationLevel::Newcomer
    );
}

// ---------------------------------------------------------- knowledge map

struct Scene {
    records: Vec<Record>,
    members: Vec<Member>,
    open_request: Record,
}

/// Ana knows invoicing and wants tax rules; Lee wants tax rules; Kim knows
/// refunds. Lee answered a refunds request; payroll is asked about with no
/// answer; a mapping names experts, gaps and groups; Pat published a
/// document on onboarding, where Jo only commented.
fn scene(w: &mut World) -> Scene {
    let members = w.directory(&[
        ("Ana", "invoicing", "tax rules"),
        ("Lee", "", "Tax Rules"),
        ("Kim", "refunds", ""),
    ]);
    let refunds = w.request("Ana", "refunds");
    let refunds = w.contribute(&refunds, answer("Form R2"), "lee");
    let open_request = w.request("Ana", "payroll");
    let payroll_problem = w.problem("Lee", "payroll");
    let mapping = w.record(
        ActivityKind::Mapping,
        "Kim",
        "",
        &[
            ("area", "Billing"),
            ("experts", "Invoicing: ana, Sam"),
            ("gaps", "Tax  rules\ncustoms"),
            ("groups", "Finance guild\nfinance guild \nLegal team"),
        ],
    );
    let doc = w.record(
        ActivityKind::DocumentationProject,
        "Pat",
        "onboarding",
        &[
            ("recurring_problem", "New people get lost"),
            ("document", "## Day one"),
        ],
    );
    let doc = w.step(&doc, Step::Move(Status::Drafting), "Pat");
    let doc = w.step(&doc, Step::Move(Status::InReview), "Pat");
    let doc = w.step(&doc, Step::Move(Status::Published), "Pat");
    let draft = w.record(
        ActivityKind::DocumentationProject,
        "Robin",
        "onboarding",
        &[("recurring_problem", "Still a draft")],
    );
    let draft = w.contribute(
        &draft,
        ContributionBody::Comment {
            text: "Me too".into(),
        },
        "Jo",
    );
    let talk = w.record(
        ActivityKind::DiscussingDevelopments,
        "Ana",
        "e-invoicing",
        &[("development", "A new law"), ("question", "What changes?")],
    );
    let talk = w.contribute(
        &talk,
        ContributionBody::Opinion {
            stance: Stance::Assess,
            text: "Read it first".into(),
        },
        "Quinn",
    );
    Scene {
        records: vec![
            refunds,
            open_request.clone(),
            payroll_problem,
            mapping,
            doc,
            draft,
            talk,
        ],
        members,
        open_request,
    }
}

fn row<'a>(rows: &'a [TopicRow], name: &str) -> &'a TopicRow {
    rows.iter()
        .find(|r| r.topic.as_str() == name)
        .unwrap_or_else(|| panic!("no row {name}"))
}

fn position(rows: &[TopicRow], name: &str) -> usize {
    rows.iter()
        .position(|r| r.topic.as_str() == name)
        .unwrap_or_else(|| panic!("no row {name}"))
}

#[test]
fn the_map_joins_declared_demonstrated_and_mapped_knowledge() {
    let mut w = World::new();
    let s = scene(&mut w);
    let map = knowledge_map(&s.records, &s.members);

    let invoicing = row(&map.topics, "invoicing");
    assert_eq!(invoicing.declared, ["Ana"]);
    assert_eq!(
        invoicing.mapped,
        ["Ana", "Sam"],
        "directory spelling for members"
    );
    assert_eq!(invoicing.knowers(), ["Ana", "Sam"]);
    assert!(!invoicing.is_gap());

    let refunds = row(&map.topics, "refunds");
    assert_eq!(refunds.declared, ["Kim"]);
    assert_eq!(refunds.demonstrated, ["Lee"], "an answer shows knowledge");
    assert_eq!(refunds.demand.requests, 1);
    assert_eq!(refunds.demand.open, 1);
    assert!(refunds.unanswered.is_empty(), "it has an answer");
    assert!(refunds.gaps.is_empty());

    let onboarding = row(&map.topics, "onboarding");
    assert_eq!(
        onboarding.demonstrated,
        ["Pat"],
        "a published document counts; a draft and a comment do not"
    );
    assert_eq!(row(&map.topics, "e-invoicing").demonstrated, ["Quinn"]);

    assert_eq!(map.groups, ["Finance guild", "Legal team"]);
}

#[test]
fn the_map_counts_demand_and_finds_gaps() {
    let mut w = World::new();
    let s = scene(&mut w);
    let map = knowledge_map(&s.records, &s.members);

    let payroll = row(&map.topics, "payroll");
    assert_eq!(
        payroll.demand,
        repertoire::domain::knowledge::Demand {
            requests: 1,
            problems: 1,
            seeking: 0,
            open: 2,
            learners: 0,
        }
    );
    assert_eq!(payroll.unanswered, [s.open_request.id]);
    assert_eq!(
        payroll.gaps,
        [GapReason::NoOneKnows, GapReason::Unanswered(1)]
    );

    let tax = row(&map.topics, "tax rules");
    assert_eq!(tax.learners, ["Ana", "Lee"]);
    assert_eq!(tax.demand.learners, 2);
    assert_eq!(tax.gaps, [GapReason::NoOneKnows, GapReason::Mapped]);
    assert_eq!(row(&map.topics, "customs").gaps, [GapReason::Mapped]);

    let gaps: Vec<&str> = map.gaps().map(|r| r.topic.as_str()).collect();
    assert_eq!(
        gaps,
        ["payroll", "tax rules", "customs"],
        "busiest gaps first"
    );
    let order: Vec<&str> = map.topics.iter().map(|r| r.topic.as_str()).collect();
    assert_eq!(
        order,
        [
            "payroll",
            "tax rules",
            "customs",
            "refunds",
            "invoicing",
            "e-invoicing",
            "onboarding"
        ]
    );
}

#[test]
fn an_unanswered_gap_closes_once_an_answer_comes_or_is_accepted() {
    let mut w = World::new();
    let mut s = scene(&mut w);
    let answered = w.contribute(&s.open_request, answer("Ask payroll desk"), "Sam");
    s.records[1] = answered.clone();
    let map = knowledge_map(&s.records, &s.members);
    let payroll = row(&map.topics, "payroll");
    assert!(payroll.unanswered.is_empty());
    assert_eq!(payroll.demonstrated, ["Sam"]);
    assert!(!payroll.is_gap(), "{:?}", payroll.gaps);

    let accepted = w.step(
        &answered,
        Step::AcceptAnswer(answered.contributions[0].id),
        "Ana",
    );
    s.records[1] = accepted;
    let map = knowledge_map(&s.records, &s.members);
    let payroll = row(&map.topics, "payroll");
    assert_eq!(payroll.demand.open, 1, "only the problem still waits");
    assert!(!payroll.is_gap());
}

#[test]
fn people_run_directory_first_and_cells_say_how_they_relate() {
    let mut w = World::new();
    let s = scene(&mut w);
    let map = knowledge_map(&s.records, &s.members);
    assert_eq!(map.people, ["Ana", "Lee", "Kim", "Sam", "Quinn", "Pat"]);
    let refunds = position(&map.topics, "refunds");
    assert_eq!(
        map.cell(refunds, "LEE "),
        repertoire::domain::knowledge::Cell {
            demonstrated: true,
            ..Default::default()
        }
    );
    assert!(map.cell(refunds, "Kim").declared);
    let invoicing = position(&map.topics, "invoicing");
    let ana = map.cell(invoicing, "ana");
    assert!(ana.declared && ana.mapped && !ana.demonstrated && !ana.learning);
    assert!(map.cell(position(&map.topics, "tax rules"), "Lee").learning);
    assert_eq!(map.cell(99, "Ana"), Default::default());
    assert_eq!(knowledge_map(&[], &[]), Default::default());
}

#[test]
fn next_steps_prefill_forms_that_save_as_they_are() {
    let mut w = World::new();
    let mut s = scene(&mut w);
    let long_gap =
        "a gap so long that it could never be typed as a topic, with commas, and more words";
    s.records.push(w.record(
        ActivityKind::Mapping,
        "Kim",
        "",
        &[("area", "Everything"), ("gaps", long_gap)],
    ));
    let map = knowledge_map(&s.records, &s.members);
    assert_eq!(NextStep::AskRequest.label(), "Ask a request");
    for row in &map.topics {
        for step in [
            NextStep::AskRequest,
            NextStep::PlanVisit,
            NextStep::StartMapping,
        ] {
            let form = next_step_form(step, row, " Ana ");
            assert_eq!(form.author, "Ana");
            let record = Record::create(step.kind(), &form, w.id(), w.tick())
                .unwrap_or_else(|e| panic!("{step:?} on {}: {e}", row.topic));
            assert_eq!(record.kind(), step.kind());
            if row.topic.as_str() != long_gap {
                assert_eq!(record.topics, std::slice::from_ref(&row.topic));
            }
        }
    }
    let tax = row(&map.topics, "tax rules");
    let ask = next_step_form(NextStep::AskRequest, tax, "Ana");
    assert_eq!(ask.title, "Who knows about tax rules?");
    assert_eq!(
        ask.values.get("urgency").map(String::as_str),
        Some("normal")
    );
    let visit = next_step_form(NextStep::PlanVisit, tax, "Ana");
    assert_eq!(
        visit.values.get("who_goes").map(String::as_str),
        Some("Ana\nLee")
    );
    let mapping = next_step_form(NextStep::StartMapping, row(&map.topics, "invoicing"), "Ana");
    assert_eq!(
        mapping.values.get("experts").map(String::as_str),
        Some("invoicing: Ana, Sam")
    );
    assert_eq!(mapping.values.get("gaps"), None, "not a gap");
    let host = next_step_form(NextStep::PlanVisit, row(&map.topics, "invoicing"), "ana");
    assert_eq!(
        host.values.get("host").map(String::as_str),
        Some("Sam"),
        "one does not visit oneself"
    );
    let long = next_step_form(NextStep::StartMapping, row(&map.topics, long_gap), "Ana");
    assert_eq!(long.values.get("gaps").map(String::as_str), Some(long_gap));
}
