//! Facts beside opinions: figures from the repertoire shown next to the
//! self-assessment, so a group can check its impressions against what it
//! actually did. Each fact says whether it points to weakness; the
//! thresholds are documented in docs/assessment.md.

use super::assessment::Element;
use super::community::CommunityProfile;
use super::contribution::ContributionBody;
use super::kind::ActivityKind;
use super::links::recurring_problems;
use super::member::{Member, ParticipationLevel};
use super::payload::Payload;
use super::record::Record;
use super::sorting::{set_of, sort_by_key};
use super::status::Status;
use super::time::Timestamp;
use super::words::plural;
use rustc_hash::FxHashMap;

const HOUR_MS: i64 = 3_600_000;
const DAY_MS: i64 = 24 * HOUR_MS;

/// How far back "recent" reaches, for contributors and newcomers.
pub const RECENT_DAYS: i64 = 90;
/// Below this share of records on core topics, the domain is drifting.
pub const MIN_CORE_SHARE: u32 = 50;
/// Fewer recent contributors than this means a few people carry everything.
pub const MIN_RECENT_CONTRIBUTORS: usize = 3;
/// Below this share of requests with an answer, asking does not pay off.
pub const MIN_ANSWERED_SHARE: u32 = 50;
/// A first answer slower than this comes too late to help most askers.
pub const MAX_FIRST_ANSWER_DAYS: i64 = 7;
/// Below this share of newcomers who contributed, they stay at the edge.
pub const MIN_NEWCOMER_SHARE: u32 = 50;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fact {
    pub label: String,
    /// Ready to show: "62 %", "3", "2 days", "none yet".
    pub value: String,
    /// This figure points to weakness.
    pub concern: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ElementFacts {
    pub element: Element,
    pub facts: Vec<Fact>,
}

fn fact(label: &str, value: impl Into<String>, concern: bool) -> Fact {
    Fact {
        label: label.to_owned(),
        value: value.into(),
        concern,
    }
}

/// Share in whole percent, rounded half up; `None` for an empty whole.
fn percent(part: usize, whole: usize) -> Option<u32> {
    let (part, whole) = (u64::try_from(part).ok()?, u64::try_from(whole).ok()?);
    (whole > 0).then(|| u32::try_from((200 * part + whole) / (2 * whole)).unwrap_or(u32::MAX))
}

/// Below `min` percent, compared exactly rather than on the rounded share
/// shown, so 49.6 % is still below half.
fn below(part: usize, whole: usize, min: u32) -> bool {
    let min = usize::try_from(min).unwrap_or(usize::MAX);
    part.saturating_mul(100) < whole.saturating_mul(min)
}

fn count_or(count: usize, zero: &str) -> String {
    if count == 0 {
        zero.to_owned()
    } else {
        count.to_string()
    }
}

/// A duration in the unit a member would use for it.
pub fn duration_words(millis: i64) -> String {
    let hours = millis.saturating_add(HOUR_MS / 2) / HOUR_MS;
    if millis < HOUR_MS {
        "under an hour".to_owned()
    } else if hours < 48 {
        plural(usize::try_from(hours).unwrap_or(0), "hour", "hours")
    } else {
        let days = millis.saturating_add(DAY_MS / 2) / DAY_MS;
        plural(usize::try_from(days).unwrap_or(0), "day", "days")
    }
}

/// Names and gaps compare as members mean them: case and spacing do not
/// matter.
fn folded(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn of_kind(records: &[Record], kind: ActivityKind) -> impl Iterator<Item = &Record> {
    records.iter().filter(move |r| r.kind() == kind)
}

fn domain_facts(records: &[Record], profile: Option<&CommunityProfile>) -> Vec<Fact> {
    let statement = profile.map_or("", |p| p.domain.trim());
    let written = if statement.is_empty() {
        fact("Domain statement", "not written yet", true)
    } else {
        fact("Domain statement", "written", false)
    };

    let label = "Records on our core topics";
    let core = profile.map_or(&[][..], |p| p.core_topics.as_slice());
    let on_core = records
        .iter()
        .filter(|r| r.topics.iter().any(|t| core.contains(t)))
        .count();
    let core_share = match percent(on_core, records.len()) {
        _ if core.is_empty() => fact(label, "no core topics set", true),
        None => fact(label, "no records yet", false),
        Some(share) => fact(
            label,
            format!("{share} %"),
            below(on_core, records.len(), MIN_CORE_SHARE),
        ),
    };

    let label = "Open questions mapped";
    let maps: Vec<&Record> = of_kind(records, ActivityKind::Mapping).collect();
    let gaps = set_of(
        maps.iter()
            .filter_map(|r| match &r.payload {
                Payload::Mapping(m) => Some(m.gaps.iter()),
                _ => None,
            })
            .flatten()
            .map(|gap| folded(gap))
            .filter(|gap| !gap.is_empty()),
    );
    let mapped = if maps.is_empty() {
        fact(label, "no knowledge map yet", true)
    } else {
        fact(label, gaps.len().to_string(), false)
    };
    vec![written, core_share, mapped]
}

/// Everyone who wrote a record or a contribution (their name folded), with
/// the time of their latest writing: one pass over every record answers
/// both "in the last days" and "ever".
fn last_written(records: &[Record]) -> FxHashMap<String, Timestamp> {
    // A few names come back thousands of times: each is folded once.
    let mut by_name: FxHashMap<&str, Timestamp> = FxHashMap::default();
    let writings = records.iter().flat_map(|r| {
        std::iter::once((r.author.as_str(), r.created)).chain(
            r.contributions
                .iter()
                .map(|c| (c.author.as_str(), c.created)),
        )
    });
    for (name, at) in writings {
        let latest = by_name.entry(name).or_insert(at);
        *latest = (*latest).max(at);
    }
    let mut by_folded = FxHashMap::default();
    for (name, at) in by_name {
        let name = folded(name);
        if !name.is_empty() {
            let latest = by_folded.entry(name).or_insert(at);
            *latest = (*latest).max(at);
        }
    }
    by_folded
}

fn is_answer(body: &ContributionBody) -> bool {
    matches!(body, ContributionBody::Answer { .. })
}

/// Median of durations; an even count takes the two middle ones' mean.
fn median_millis(mut values: Vec<i64>) -> Option<i64> {
    sort_by_key(&mut values, |v| *v);
    let n = values.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(values[n / 2]),
        // Both are at least zero, so the difference cannot overflow.
        _ => Some(values[n / 2 - 1] + (values[n / 2] - values[n / 2 - 1] + 1) / 2),
    }
}

fn community_facts(records: &[Record], members: &[Member], now: Timestamp) -> Vec<Fact> {
    let since = Timestamp(now.0.saturating_sub(RECENT_DAYS * DAY_MS));
    let written = last_written(records);
    let recent = written.values().filter(|at| **at >= since).count();
    let contributors = fact(
        &format!("Members who contributed in the last {RECENT_DAYS} days"),
        recent.to_string(),
        recent < MIN_RECENT_CONTRIBUTORS,
    );

    let requests: Vec<&Record> = of_kind(records, ActivityKind::InformationRequest).collect();
    let first_answers: Vec<i64> = requests
        .iter()
        .filter_map(|r| {
            let first = r
                .contributions
                .iter()
                .filter(|c| is_answer(&c.body))
                .map(|c| c.created.0)
                .min()?;
            // A clock set wrong on one device must not make time run backwards.
            Some(first.saturating_sub(r.created.0).max(0))
        })
        .collect();
    let answered = requests
        .iter()
        .filter(|r| {
            r.status == Status::Answered || r.contributions.iter().any(|c| is_answer(&c.body))
        })
        .count();
    let label = "Requests for information answered";
    let answered = match percent(answered, requests.len()) {
        None => fact(label, "no requests yet", false),
        Some(share) => fact(
            label,
            format!("{share} % ({answered} of {})", requests.len()),
            below(answered, requests.len(), MIN_ANSWERED_SHARE),
        ),
    };
    let label = "Median time to a first answer";
    let delay = match median_millis(first_answers) {
        None => fact(label, "no answers yet", false),
        Some(millis) => fact(
            label,
            duration_words(millis),
            millis > MAX_FIRST_ANSWER_DAYS * DAY_MS,
        ),
    };

    let newcomers: Vec<&Member> = members
        .iter()
        .filter(|m| m.level == ParticipationLevel::Newcomer || m.joined >= since)
        .collect();
    let active = newcomers
        .iter()
        .filter(|m| written.contains_key(&folded(&m.name)))
        .count();
    let label = "Newcomers who have contributed";
    let newcomers = if newcomers.is_empty() {
        fact(label, "no newcomers", false)
    } else {
        fact(
            label,
            format!("{active} of {}", newcomers.len()),
            below(active, newcomers.len(), MIN_NEWCOMER_SHARE),
        )
    };
    vec![contributors, answered, delay, newcomers]
}

fn practice_facts(records: &[Record]) -> Vec<Fact> {
    let published = of_kind(records, ActivityKind::DocumentationProject)
        .filter(|r| r.status == Status::Published)
        .count();
    let documents = fact(
        "Documents published",
        count_or(published, "none yet"),
        published == 0,
    );

    let assets: Vec<&Record> = of_kind(records, ActivityKind::ReusingAssets).collect();
    let reuses = assets
        .iter()
        .flat_map(|r| &r.contributions)
        .filter(|c| matches!(c.body, ContributionBody::Reuse { .. }))
        .count();
    let label = "Reuses logged on shared assets";
    let reused = if assets.is_empty() {
        fact(label, "no assets offered yet", false)
    } else {
        fact(
            label,
            format!("{reuses} ({})", plural(assets.len(), "asset", "assets")),
            reuses == 0,
        )
    };

    let recurring = recurring_problems(records).len();
    let undocumented = fact(
        "Recurring problems without a document",
        count_or(recurring, "none"),
        recurring > 0,
    );
    vec![documents, reused, undocumented]
}

/// The repertoire's figures per element, in `Element::ALL` order.
pub fn facts(
    records: &[Record],
    members: &[Member],
    profile: Option<&CommunityProfile>,
    now: Timestamp,
) -> [ElementFacts; 3] {
    [
        ElementFacts {
            element: Element::Domain,
            facts: domain_facts(records, profile),
        },
        ElementFacts {
            element: Element::Community,
            facts: community_facts(records, members, now),
        },
        ElementFacts {
            element: Element::Practice,
            facts: practice_facts(records),
        },
    ]
}

/// The element whose facts are most often concerning; a tie goes to the
/// first in `Element::ALL` order, and no concern at all gives `None`.
pub fn weakest_by_facts(facts: &[ElementFacts; 3]) -> Option<Element> {
    let mut weakest: Option<(Element, usize, usize)> = None;
    for group in facts {
        let concerns = group.facts.iter().filter(|f| f.concern).count();
        let total = group.facts.len();
        if concerns == 0 {
            continue;
        }
        // concerns / total > best_concerns / best_total, without division.
        let higher = weakest.is_none_or(|(_, c, t)| concerns * t > c * total);
        if higher {
            weakest = Some((group.element, concerns, total));
        }
    }
    weakest.map(|(element, _, _)| element)
}
