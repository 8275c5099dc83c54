//! The self-assessment: questionnaire, scoring, facts from the repertoire
//! and the next steps they lead to.
#![cfg(not(target_arch = "wasm32"))]

use repertoire::domain::assessment::{
    response_from, validate_date, Element, Rating, Response, Round,
};
use repertoire::domain::community::CommunityProfile;
use repertoire::domain::facts::{facts, weakest_by_facts, ElementFacts, Fact};
use repertoire::domain::instrument::{item, items_of, ITEMS, SCALE, STAGES, VALUE_CYCLES};
use repertoire::domain::lifecycle::{apply, Step};
use repertoire::domain::member::{Member, ParticipationLevel};
use repertoire::domain::recommend::{recommendations, Recommendation, Target};
use repertoire::domain::scoring::{
    disagree_widely, member_score, round_result, trend, weakest, Band, RoundResult,
};
use repertoire::domain::{
    fields_of, ActivityKind, ContributionBody, Id, IdSource, Record, RecordForm, SeededIds, Status,
    Timestamp, Topic,
};

const HOUR: i64 = 3_600_000;
const DAY: i64 = 24 * HOUR;

fn ids() -> SeededIds {
    SeededIds::new(2026)
}

/// Answers to every item of `element`, each with `rating`.
fn all(element: Element, rating: Rating) -> Vec<(String, Rating)> {
    items_of(element)
        .map(|item| (item.id.to_owned(), rating))
        .collect()
}

fn agree(value: u8) -> Rating {
    Rating::Agreement(value)
}

fn response(member: Id, answers: Vec<(String, Rating)>) -> Response {
    Response { member, answers }
}

fn round(date: &str, responses: Vec<Response>, ids: &mut SeededIds) -> Round {
    Round {
        id: ids.next_id(),
        date: date.into(),
        responses,
    }
}

/// A round where each member rates every domain item with one value.
fn domain_round(values: &[u8], ids: &mut SeededIds) -> Round {
    let responses = values
        .iter()
        .map(|v| response(ids.next_id(), all(Element::Domain, agree(*v))))
        .collect();
    round("2026-03-01", responses, ids)
}

#[test]
fn the_questionnaire_has_six_distinct_items_per_element() {
    assert_eq!(ITEMS.len(), 18);
    for element in Element::ALL {
        let of: Vec<_> = items_of(element).collect();
        assert_eq!(of.len(), 6, "{element:?}");
        let prefix = &element.slug()[..1];
        for (n, item) in of.iter().enumerate() {
            assert_eq!(item.id, format!("{prefix}{}", n + 1));
            assert!(!item.statement.is_empty() && !item.theme.is_empty());
        }
    }
    let mut ids: Vec<&str> = ITEMS.iter().map(|i| i.id).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), 18);
    let mut statements: Vec<&str> = ITEMS.iter().map(|i| i.statement).collect();
    statements.sort_unstable();
    statements.dedup();
    assert_eq!(statements.len(), 18);
    assert_eq!(item("p4").map(|i| i.element), Some(Element::Practice));
    assert_eq!(item("x1"), None);
    assert_eq!(SCALE.map(|(v, _)| v), [1, 2, 3, 4, 5]);
    assert_eq!(STAGES[2].name, "Maturing");
    assert_eq!(VALUE_CYCLES[2].name, "Applied value");
    assert_eq!(
        Element::ALL.map(Element::label),
        ["Domain", "Community", "Practice"]
    );
    for element in Element::ALL {
        assert_eq!(Element::from_slug(element.slug()), Some(element));
        assert!(element.question().ends_with('?'));
    }
}

#[test]
fn a_member_score_rescales_the_mean_and_skips_dont_know() {
    let id = ids().next_id();
    let score =
        |answers: Vec<(String, Rating)>| member_score(&response(id, answers), Element::Domain);
    assert_eq!(score(all(Element::Domain, agree(5))), Some(100));
    assert_eq!(score(all(Element::Domain, agree(1))), Some(0));
    assert_eq!(score(all(Element::Domain, agree(3))), Some(50));

    let mut four_agree: Vec<(String, Rating)> = all(Element::Domain, agree(4));
    let four_only = score(four_agree[..4].to_vec());
    assert_eq!(four_only, Some(75));
    four_agree[4].1 = Rating::DontKnow;
    four_agree[5].1 = Rating::DontKnow;
    assert_eq!(
        score(four_agree.clone()),
        four_only,
        "don't know never lowers a score"
    );

    four_agree[3].1 = Rating::DontKnow;
    assert_eq!(score(four_agree), None, "three answered of six");

    let mixed = |values: [u8; 4]| {
        values
            .iter()
            .zip(items_of(Element::Domain))
            .map(|(v, item)| (item.id.to_owned(), agree(*v)))
            .collect::<Vec<_>>()
    };
    assert_eq!(score(mixed([1, 1, 2, 2])), Some(13), "12.5 rounds half up");
    assert_eq!(score(mixed([1, 1, 1, 2])), Some(6), "6.25 rounds down");
    assert_eq!(score(mixed([1, 2, 2, 2])), Some(19), "18.75 rounds up");

    let mut noise = mixed([5, 5, 5, 5]);
    noise.push(("x9".into(), agree(1)));
    noise.extend(all(Element::Practice, agree(1)));
    assert_eq!(
        score(noise),
        Some(100),
        "unknown and other items are ignored"
    );
    assert_eq!(
        member_score(
            &response(id, all(Element::Domain, agree(5))),
            Element::Practice
        ),
        None
    );
}

#[test]
fn a_round_without_answers_shows_nothing() {
    let mut ids = ids();
    let member = ids.next_id();
    let empty = round("2026-01-10", vec![response(member, Vec::new())], &mut ids);
    let result = round_result(&empty);
    assert_eq!(result.respondents, 0);
    assert!(!result.shown);
    for (element, result) in Element::ALL.iter().zip(&result.elements) {
        assert_eq!(result.element, *element);
        assert_eq!(
            (result.median, result.lowest, result.highest, result.band),
            (None, None, None, None)
        );
        assert_eq!(result.scored, 0);
        assert!(result.disagreements.is_empty());
    }
    assert_eq!(weakest(&result), None);
}

#[test]
fn one_answered_item_counts_a_respondent_but_gives_no_score() {
    let mut ids = ids();
    let responses = [1, 3, 5]
        .iter()
        .map(|v| response(ids.next_id(), vec![("d1".into(), agree(*v))]))
        .collect();
    let result = round_result(&round("2026-01-10", responses, &mut ids));
    assert_eq!(result.respondents, 3);
    assert!(result.shown);
    assert_eq!(result.elements[0].median, None);
    assert_eq!(result.elements[0].scored, 0);
    assert_eq!(result.elements[0].disagreements, ["d1"], "1, 3, 5: IQR 2");
    assert_eq!(weakest(&result), None, "no element has a median");
}

#[test]
fn medians_spread_and_bands_across_many_members() {
    let mut ids = ids();
    let odd = round_result(&domain_round(&[5, 1, 3, 4, 2], &mut ids));
    let domain = &odd.elements[0];
    assert_eq!(odd.respondents, 5);
    assert!(odd.shown);
    assert_eq!(
        (domain.median, domain.lowest, domain.highest, domain.scored),
        (Some(50), Some(0), Some(100), 5)
    );
    assert_eq!(domain.band, Some(Band::Developing));
    assert_eq!(odd.elements[1].median, None);

    let even = round_result(&domain_round(&[1, 4, 2, 3], &mut ids));
    assert_eq!(
        even.elements[0].median,
        Some(38),
        "(25 + 50) / 2 rounds half up"
    );
    assert_eq!(even.elements[0].band, Some(Band::Emergent));

    let two = round_result(&domain_round(&[5, 5], &mut ids));
    assert!(!two.shown, "two respondents are not enough to show");
    assert_eq!(
        two.elements[0].median,
        Some(100),
        "figures still computed, only hidden"
    );
}

#[test]
fn a_member_who_answers_again_counts_once() {
    let mut ids = ids();
    let (ana, lee) = (ids.next_id(), ids.next_id());
    let first = round(
        "2026-02-01",
        vec![
            response(ana, all(Element::Domain, agree(1))),
            response(lee, all(Element::Domain, agree(5))),
        ],
        &mut ids,
    );
    let again = first.with_response(response(ana, all(Element::Domain, agree(3))));
    assert_eq!(again.responses.len(), 2);
    assert_eq!(again.responses[0].member, ana, "keeps its place");
    assert_eq!(
        again.response_of(ana).map(|r| r.answers[0].1),
        Some(agree(3))
    );
    assert_eq!(again.response_of(ids.next_id()), None);
    let third = again.with_response(response(ids.next_id(), all(Element::Domain, agree(4))));
    assert_eq!(third.responses.len(), 3);

    let mut repeated = third.clone();
    repeated
        .responses
        .push(response(ana, all(Element::Domain, agree(5))));
    let result = round_result(&repeated);
    assert_eq!(result.respondents, 3, "a repeated member counts once");
    assert_eq!(
        result.elements[0].lowest,
        Some(75),
        "the latest answers count"
    );
}

#[test]
fn wide_disagreement_uses_interpolated_quartiles() {
    assert!(disagree_widely(&[1, 1, 5, 5]));
    assert!(!disagree_widely(&[3, 3, 4, 4]));
    assert!(disagree_widely(&[5, 1]));
    assert!(!disagree_widely(&[1, 3]), "quartiles 1.5 and 2.5");
    assert!(disagree_widely(&[1, 2, 3, 4, 5]));
    assert!(!disagree_widely(&[2, 3, 3, 3, 4]));
    assert!(!disagree_widely(&[1]), "one rating has no spread");
    assert!(!disagree_widely(&[]));

    let mut ids = ids();
    let rows: [(u8, u8); 4] = [(1, 3), (1, 3), (5, 4), (5, 4)];
    let responses = rows
        .iter()
        .map(|(d2, d1)| {
            response(
                ids.next_id(),
                vec![("d1".into(), agree(*d1)), ("d2".into(), agree(*d2))],
            )
        })
        .collect();
    let result = round_result(&round("2026-04-01", responses, &mut ids));
    assert_eq!(result.elements[0].disagreements, ["d2"]);
}

#[test]
fn bands_change_at_forty_and_seventy() {
    assert_eq!(Band::of(0), Band::Emergent);
    assert_eq!(Band::of(39), Band::Emergent);
    assert_eq!(Band::of(40), Band::Developing);
    assert_eq!(Band::of(69), Band::Developing);
    assert_eq!(Band::of(70), Band::Strong);
    assert_eq!(Band::of(100), Band::Strong);
    assert_eq!(Band::Developing.label(), "Developing");
}

#[test]
fn the_trend_runs_from_the_oldest_round() {
    let mut ids = ids();
    let late = round("2026-09-01", Vec::new(), &mut ids);
    let early = round("2025-09-01", Vec::new(), &mut ids);
    let mut same_day = [
        round("2026-03-01", Vec::new(), &mut ids),
        round("2026-03-01", Vec::new(), &mut ids),
    ];
    same_day.sort_by_key(|r| r.id);
    let rounds = vec![
        late.clone(),
        same_day[1].clone(),
        early.clone(),
        same_day[0].clone(),
    ];
    let order: Vec<Id> = trend(&rounds).iter().map(|r| r.round).collect();
    assert_eq!(order, [early.id, same_day[0].id, same_day[1].id, late.id]);
    assert_eq!(trend(&rounds)[0].date, "2025-09-01");
}

#[test]
fn the_weakest_element_has_the_lowest_median() {
    let mut ids = ids();
    let responses = (0..3)
        .map(|_| {
            let mut answers = all(Element::Domain, agree(4));
            answers.extend(all(Element::Community, agree(2)));
            answers.extend(all(Element::Practice, agree(3)));
            response(ids.next_id(), answers)
        })
        .collect();
    let result = round_result(&round("2026-05-01", responses, &mut ids));
    assert_eq!(weakest(&result), Some(Element::Community));

    let mut tie: RoundResult = result.clone();
    tie.elements[2].median = Some(25);
    assert_eq!(
        weakest(&tie),
        Some(Element::Community),
        "ties go to the first"
    );
    tie.elements[0].median = Some(25);
    assert_eq!(weakest(&tie), Some(Element::Domain));
    tie.shown = false;
    assert_eq!(weakest(&tie), None, "a hidden round steers nothing");
}

#[test]
fn responses_are_checked_and_put_in_questionnaire_order() {
    let member = ids().next_id();
    let given = vec![
        ("p1".to_owned(), agree(2)),
        ("d1".to_owned(), Rating::DontKnow),
        ("c3".to_owned(), agree(5)),
    ];
    let response = response_from(member, &given).expect("valid");
    assert_eq!(response.member, member);
    let order: Vec<&str> = response.answers.iter().map(|(id, _)| id.as_str()).collect();
    assert_eq!(order, ["d1", "c3", "p1"]);
    assert_eq!(response.answers[0].1, Rating::DontKnow);

    let refused = |answers: &[(&str, Rating)]| {
        let answers: Vec<(String, Rating)> = answers
            .iter()
            .map(|(id, r)| ((*id).to_owned(), *r))
            .collect();
        response_from(member, &answers).expect_err("refused")
    };
    assert!(refused(&[("d7", agree(3))]).contains("d7"));
    assert!(refused(&[("d1", agree(0))]).contains('0'));
    assert!(refused(&[("d1", agree(6))]).contains('6'));
    assert!(refused(&[("d1", agree(3)), ("d1", Rating::DontKnow)]).contains("twice"));
    assert_eq!(response_from(member, &[]).map(|r| r.answers.len()), Ok(0));
}

#[test]
fn a_round_date_is_a_calendar_day() {
    assert_eq!(validate_date(" 2026-03-31 "), Ok("2026-03-31".to_owned()));
    assert!(validate_date("2026-02-30").is_err());
    assert!(validate_date("31/03/2026").is_err());
    assert!(validate_date("").is_err_and(|e| e.contains("year-month-day")));
}

// ---- Facts and recommendations ------------------------------------------

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

    fn wait(&mut self, millis: i64) -> Timestamp {
        self.clock += millis;
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
        let (id, now) = (self.ids.next_id(), self.wait(60_000));
        Record::create(kind, &form, id, now).unwrap_or_else(|e| panic!("{title}: {e}"))
    }

    fn step(&mut self, record: &Record, step: Step, author: &str, after: i64) -> Record {
        let (id, now) = (self.ids.next_id(), self.wait(after));
        apply(record, step, author, id, now).unwrap_or_else(|e| panic!("{}: {e}", record.title))
    }

    fn answered(&mut self, title: &str, topics: &str, by: &str, after: i64) -> Record {
        let request = self.record(
            ActivityKind::InformationRequest,
            title,
            topics,
            &[("question", "Where is it?"), ("urgency", "low")],
        );
        let body = ContributionBody::Answer {
            text: format!("{by} knows: on the shared drive"),
        };
        let answered = self.step(&request, Step::Contribute(body), by, after);
        let answer = answered.contributions[0].id;
        self.step(&answered, Step::AcceptAnswer(answer), "Ana", 60_000)
    }

    fn member(&mut self, name: &str, level: ParticipationLevel, joined: i64) -> Member {
        Member {
            id: self.ids.next_id(),
            name: name.into(),
            level,
            knows: Vec::new(),
            learning: Vec::new(),
            joined: Timestamp(joined),
        }
    }
}

fn profile() -> CommunityProfile {
    CommunityProfile {
        domain: "Keeping the clinics' equipment running".into(),
        core_topics: ["printing", "safety"]
            .iter()
            .filter_map(|t| Topic::new(t))
            .collect(),
        ..CommunityProfile::default()
    }
}

fn fact<'a>(all: &'a [ElementFacts; 3], element: Element, label: &str) -> &'a Fact {
    all.iter()
        .find(|group| group.element == element)
        .and_then(|group| group.facts.iter().find(|f| f.label.contains(label)))
        .unwrap_or_else(|| panic!("no fact “{label}”"))
}

#[test]
fn facts_are_defined_on_an_empty_repertoire() {
    let now = Timestamp(1_763_000_000_000);
    let empty = facts(&[], &[], None, now);
    assert_eq!(empty.clone().map(|g| g.element), Element::ALL);
    let value = |element, label| fact(&empty, element, label).value.clone();
    assert_eq!(value(Element::Domain, "core topics"), "no core topics set");
    assert!(fact(&empty, Element::Domain, "core topics").concern);
    assert_eq!(
        value(Element::Domain, "Open questions"),
        "no knowledge map yet"
    );
    assert_eq!(value(Element::Community, "last 90 days"), "0");
    assert!(fact(&empty, Element::Community, "last 90 days").concern);
    assert_eq!(value(Element::Community, "answered"), "no requests yet");
    assert!(!fact(&empty, Element::Community, "answered").concern);
    assert_eq!(value(Element::Community, "first answer"), "no answers yet");
    assert_eq!(value(Element::Community, "Newcomers"), "no newcomers");
    assert_eq!(value(Element::Practice, "Documents published"), "none yet");
    assert!(fact(&empty, Element::Practice, "Documents published").concern);
    assert_eq!(value(Element::Practice, "Reuses"), "no assets offered yet");
    assert_eq!(value(Element::Practice, "Recurring"), "none");
    assert_eq!(
        weakest_by_facts(&empty),
        Some(Element::Domain),
        "every domain fact is a concern"
    );

    let with_profile = facts(&[], &[], Some(&profile()), now);
    assert_eq!(
        fact(&with_profile, Element::Domain, "core topics").value,
        "no records yet"
    );
    assert!(!fact(&with_profile, Element::Domain, "statement").concern);
}

/// A small but lived-in repertoire.
struct Repertoire {
    records: Vec<Record>,
    members: Vec<Member>,
    now: Timestamp,
    /// Answered, accepted, and no document grew from it yet.
    unwritten: Record,
}

fn repertoire() -> Repertoire {
    let mut w = World::new();
    let old = w.record(
        ActivityKind::ProblemSolving,
        "Old fax",
        "fax",
        &[("goal", "g"), ("stuck_on", "s")],
    );
    let old = w.step(
        &old,
        Step::Contribute(ContributionBody::Idea {
            text: "Unplug it".into(),
        }),
        "Old Timer",
        0,
    );
    w.wait(200 * DAY);
    let mut records = vec![old];
    for title in ["Driver breaks", "Tray jams", "Toner smears"] {
        let problem = w.record(
            ActivityKind::ProblemSolving,
            title,
            "Printing",
            &[("goal", "g"), ("stuck_on", "s")],
        );
        let idea = ContributionBody::Idea {
            text: "Restart the spooler".into(),
        };
        records.push(w.step(&problem, Step::Contribute(idea), "Lee", HOUR));
    }
    let documented = w.answered("Drill checklist", "safety", "Lee", 2 * HOUR);
    let unwritten = w.answered("Fire door keys", "safety, keys", "Kim", 3 * DAY);
    records.push(w.record(
        ActivityKind::InformationRequest,
        "Budget code",
        "billing",
        &[("question", "Which code?"), ("urgency", "normal")],
    ));
    let doc = w.record(
        ActivityKind::DocumentationProject,
        "Drill checklist, for good",
        "safety",
        &[
            ("recurring_problem", "Where the checklist is"),
            ("document", "## Steps\nRing the bell."),
        ],
    );
    let mut doc = doc;
    doc.links = vec![documented.id];
    for status in [Status::Drafting, Status::InReview, Status::Published] {
        doc = w.step(&doc, Step::Move(status), "Ana", HOUR);
    }
    records.extend([documented, unwritten.clone(), doc]);
    records.push(w.record(
        ActivityKind::ReusingAssets,
        "Onboarding deck",
        "onboarding",
        &[
            ("asset_type", "slides"),
            ("description", "Deck"),
            ("location", "Shared drive"),
        ],
    ));
    records.push(w.record(
        ActivityKind::Mapping,
        "Billing map",
        "billing",
        &[
            ("area", "Billing"),
            ("gaps", "Tax rules abroad\ntax  rules ABROAD\nrefunds"),
        ],
    ));
    let now = w.wait(DAY);
    let members = vec![
        w.member("lee", ParticipationLevel::Newcomer, now.0 - 400 * DAY),
        w.member("Zoë", ParticipationLevel::Active, now.0 - 10 * DAY),
        w.member("Kim", ParticipationLevel::Core, now.0 - 400 * DAY),
    ];
    Repertoire {
        records,
        members,
        now,
        unwritten,
    }
}

#[test]
fn a_name_written_several_ways_is_one_contributor_recent_if_any_writing_is() {
    let mut w = World::new();
    // Ana's record and Ben's idea are old; " ANA " and Dee come back recently.
    let problem = w.record(
        ActivityKind::ProblemSolving,
        "Tray jams",
        "printing",
        &[("goal", "g"), ("stuck_on", "s")],
    );
    let idea = |text: &str| Step::Contribute(ContributionBody::Idea { text: text.into() });
    let problem = w.step(&problem, idea("Restart it"), "Ben", HOUR);
    let problem = w.step(&problem, idea("Check the paper"), "Dee", HOUR);
    w.wait(200 * DAY);
    let problem = w.step(&problem, idea("Clean the rollers"), "  ANA ", HOUR);
    let problem = w.step(&problem, idea("Order new rollers"), "Dee", HOUR);
    let now = w.wait(DAY);
    let members = vec![
        w.member("ana", ParticipationLevel::Newcomer, now.0 - 400 * DAY),
        w.member("Ben", ParticipationLevel::Newcomer, now.0 - 400 * DAY),
        w.member("Cy", ParticipationLevel::Newcomer, now.0 - 400 * DAY),
    ];
    let all = facts(&[problem], &members, None, now);
    let value = |label| fact(&all, Element::Community, label).value.clone();
    assert_eq!(
        value("last 90 days"),
        "2",
        "Ana once, Dee by her latest idea, Ben too long ago"
    );
    assert_eq!(
        value("Newcomers"),
        "2 of 3",
        "Ana and Ben ever wrote, Cy never did"
    );
}

#[test]
fn facts_describe_a_lived_in_repertoire() {
    let r = repertoire();
    let all = facts(&r.records, &r.members, Some(&profile()), r.now);
    let value = |element, label| fact(&all, element, label).value.clone();
    let concern = |element, label| fact(&all, element, label).concern;

    // 6 of the 10 records carry "printing" or "safety".
    assert_eq!(value(Element::Domain, "core topics"), "60 %");
    assert!(!concern(Element::Domain, "core topics"));
    assert_eq!(
        value(Element::Domain, "Open questions"),
        "2",
        "repeated gaps count once"
    );

    assert_eq!(
        value(Element::Community, "last 90 days"),
        "3",
        "Ana, Lee, Kim; not the old one"
    );
    assert!(!concern(Element::Community, "last 90 days"));
    assert_eq!(value(Element::Community, "answered"), "67 % (2 of 3)");
    assert_eq!(
        value(Element::Community, "first answer"),
        "37 hours",
        "median of 2 hours and 3 days"
    );
    assert!(!concern(Element::Community, "first answer"));
    assert_eq!(
        value(Element::Community, "Newcomers"),
        "1 of 2",
        "lee by level, Zoë by date"
    );
    assert!(
        !concern(Element::Community, "Newcomers"),
        "half is not below half"
    );

    assert_eq!(value(Element::Practice, "Documents published"), "1");
    assert_eq!(value(Element::Practice, "Reuses"), "0 (1 asset)");
    assert!(concern(Element::Practice, "Reuses"));
    assert_eq!(
        value(Element::Practice, "Recurring"),
        "1",
        "printing, three times"
    );
    assert!(concern(Element::Practice, "Recurring"));
    assert_eq!(weakest_by_facts(&all), Some(Element::Practice));
}

#[test]
fn the_weakest_by_facts_has_the_highest_share_of_concerns() {
    let group = |element, flags: &[bool]| ElementFacts {
        element,
        facts: flags
            .iter()
            .map(|concern| Fact {
                label: "x".into(),
                value: "1".into(),
                concern: *concern,
            })
            .collect(),
    };
    let none = [
        group(Element::Domain, &[false]),
        group(Element::Community, &[false, false]),
        group(Element::Practice, &[]),
    ];
    assert_eq!(weakest_by_facts(&none), None);
    let share = [
        group(Element::Domain, &[true, false, false]),
        group(Element::Community, &[true, false]),
        group(Element::Practice, &[true, true, false, false]),
    ];
    assert_eq!(
        weakest_by_facts(&share),
        Some(Element::Community),
        "1/2 ties 2/4, first wins"
    );
}

fn forms(steps: &[Recommendation]) -> Vec<(ActivityKind, &RecordForm)> {
    steps
        .iter()
        .filter_map(|s| match &s.target {
            Target::Activity(kind, form) => Some((*kind, form)),
            Target::Profile => None,
        })
        .collect()
}

#[test]
fn nothing_is_recommended_when_nothing_is_weak() {
    let r = repertoire();
    assert!(recommendations(None, None, &r.records, Some(&profile()), "Robin").is_empty());
}

#[test]
fn prefilled_forms_use_the_kinds_own_fields_and_the_author() {
    let r = repertoire();
    let steps = recommendations(
        Some(Element::Domain),
        Some(Element::Practice),
        &r.records,
        Some(&profile()),
        "Robin",
    );
    let steps_all = [
        steps,
        recommendations(Some(Element::Community), None, &r.records, None, "Robin"),
    ]
    .concat();
    for (kind, form) in forms(&steps_all) {
        assert_eq!(form.author, "Robin", "{kind:?}");
        for key in form.values.keys() {
            assert!(
                fields_of(kind).iter().any(|spec| spec.key == key),
                "{kind:?} has no field {key}"
            );
        }
    }
}

#[test]
fn a_weak_domain_suggests_a_map_a_discussion_and_a_fresh_statement() {
    let r = repertoire();
    let steps = recommendations(
        Some(Element::Domain),
        None,
        &r.records,
        Some(&profile()),
        "Robin",
    );
    assert!(steps.iter().all(|s| s.element == Element::Domain));
    let kinds: Vec<_> = forms(&steps).iter().map(|(k, _)| *k).collect();
    assert_eq!(
        kinds,
        [ActivityKind::Mapping, ActivityKind::DiscussingDevelopments]
    );
    assert_eq!(steps.last().map(|s| &s.target), Some(&Target::Profile));
    let (_, map) = forms(&steps)[0];
    assert_eq!(map.values["area"], "Keeping the clinics' equipment running");
    assert_eq!(map.topics, "printing, safety");
    let created = Record::create(ActivityKind::Mapping, map, ids().next_id(), r.now);
    assert!(
        created.is_ok(),
        "the prefill is a valid record: {created:?}"
    );
    assert!(!forms(&steps)[1].1.values["question"].is_empty());
}

#[test]
fn a_weak_community_asks_about_the_latest_gap() {
    let r = repertoire();
    let steps = recommendations(None, Some(Element::Community), &r.records, None, "Robin");
    let kinds: Vec<_> = forms(&steps).iter().map(|(k, _)| *k).collect();
    assert_eq!(
        kinds,
        [
            ActivityKind::Visit,
            ActivityKind::SeekingExperience,
            ActivityKind::InformationRequest
        ]
    );
    let (_, visit) = forms(&steps)[0];
    assert_eq!(visit.values["who_goes"], "Robin");
    let (_, request) = forms(&steps)[2];
    assert_eq!(
        request.values["question"],
        "Who among us knows about Tax rules abroad?"
    );
    assert_eq!(request.values["urgency"], "low");
    let created = Record::create(
        ActivityKind::InformationRequest,
        request,
        ids().next_id(),
        r.now,
    );
    assert!(
        created.is_ok(),
        "the prefill is a valid record: {created:?}"
    );
}

#[test]
fn a_weak_practice_documents_the_recurring_problem_and_unwritten_answers() {
    let r = repertoire();
    let steps = recommendations(
        Some(Element::Practice),
        Some(Element::Practice),
        &r.records,
        Some(&profile()),
        "Robin",
    );
    assert!(steps.iter().all(|s| s.element == Element::Practice));
    let found = forms(&steps);
    let (kind, document) = found[0];
    assert_eq!(kind, ActivityKind::DocumentationProject);
    assert_eq!(document.title, "Reference: printing");
    assert_eq!(document.links.len(), 3);
    assert_eq!(document.values["owner"], "Robin");
    assert_eq!(found[1].0, ActivityKind::ReusingAssets);

    let written: Vec<&Recommendation> = steps
        .iter()
        .filter(|s| s.title.contains("accepted answer"))
        .collect();
    assert_eq!(written.len(), 1, "the documented request is left out");
    assert!(written[0].title.contains("Fire door keys"));
    let Target::Activity(ActivityKind::DocumentationProject, form) = &written[0].target else {
        panic!("a documentation project");
    };
    assert_eq!(form.links, [r.unwritten.id]);
    assert!(form.values["document"].contains("Kim knows"));

    assert!(
        steps.iter().any(|s| s.title.contains("story")),
        "six answers and ideas, no reuse"
    );
}

#[test]
fn much_help_but_no_reuse_prompts_reuse_logs_and_stories() {
    let mut r = repertoire();
    let mut w = World::new();
    let steps = recommendations(Some(Element::Practice), None, &r.records, None, "Robin");
    let prompt = steps
        .iter()
        .find(|s| s.title.contains("story"))
        .expect("the value prompt");
    assert!(matches!(
        prompt.target,
        Target::Activity(ActivityKind::ReusingAssets, _)
    ));

    let asset = r
        .records
        .iter()
        .position(|x| x.kind() == ActivityKind::ReusingAssets)
        .expect("an asset");
    let reuse = ContributionBody::Reuse {
        reused_for: "Volunteer day".into(),
        how_it_went: "Saved a day".into(),
    };
    r.records[asset] = w.step(&r.records[asset], Step::Contribute(reuse), "Lee", HOUR);
    let steps = recommendations(Some(Element::Practice), None, &r.records, None, "Robin");
    assert!(
        !steps.iter().any(|s| s.title.contains("story")),
        "reuse is logged"
    );
}

#[test]
fn at_most_two_answers_are_suggested_for_writing_down_and_elements_keep_their_order() {
    let mut w = World::new();
    let records: Vec<Record> = ["One", "Two", "Three"]
        .iter()
        .map(|t| w.answered(t, "misc", "Lee", HOUR))
        .collect();
    let steps = recommendations(
        Some(Element::Community),
        Some(Element::Practice),
        &records,
        None,
        "Robin",
    );
    let written: Vec<&str> = steps
        .iter()
        .filter(|s| s.title.contains("accepted answer"))
        .map(|s| s.title.as_str())
        .collect();
    assert_eq!(written.len(), 2);
    assert!(written[0].contains("Three"), "most recent first");
    assert_eq!(
        steps[0].element,
        Element::Community,
        "the ratings' choice comes first"
    );
    assert_eq!(steps.last().map(|s| s.element), Some(Element::Practice));
    assert!(
        matches!(&steps[0].target, Target::Activity(ActivityKind::Visit, f) if f.values["want_to_learn"].is_empty())
    );
    assert!(
        !steps.iter().any(|s| s.title.contains("story")),
        "three answers are not yet many"
    );
}

#[test]
fn slow_or_missing_answers_are_concerns() {
    let mut w = World::new();
    let slow = w.answered("Spare keys", "keys", "Lee", 10 * DAY);
    let waiting: Vec<Record> = ["Budget code", "Vendor list"]
        .iter()
        .map(|t| {
            w.record(
                ActivityKind::InformationRequest,
                t,
                "",
                &[("question", "Which?"), ("urgency", "high")],
            )
        })
        .collect();
    let records = [vec![slow], waiting].concat();
    let all = facts(&records, &[], None, w.wait(HOUR));
    let answered = fact(&all, Element::Community, "answered");
    assert_eq!(answered.value, "33 % (1 of 3)");
    assert!(answered.concern);
    let delay = fact(&all, Element::Community, "first answer");
    assert_eq!(delay.value, "10 days");
    assert!(delay.concern, "more than a week");
    assert_eq!(
        fact(&all, Element::Community, "last 90 days").value,
        "2",
        "Ana and Lee"
    );
}

#[test]
fn durations_are_said_in_hours_or_days() {
    use repertoire::domain::facts::duration_words;
    assert_eq!(duration_words(0), "under an hour");
    assert_eq!(duration_words(-5 * HOUR), "under an hour");
    assert_eq!(duration_words(HOUR + 20 * 60_000), "1 hour");
    assert_eq!(duration_words(47 * HOUR), "47 hours");
    assert_eq!(
        duration_words(60 * HOUR),
        "3 days",
        "2.5 days round half up"
    );
    assert!(duration_words(i64::MAX).ends_with("days"));
}
