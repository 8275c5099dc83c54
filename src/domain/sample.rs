//! A realistic community, the same for the same seed: records of all nine
//! kinds, made through the same constructors and life-cycle steps as the
//! forms (so every one imports), with Markdown in the long texts, topics,
//! authors among the members, and contributions. It is the benchmark's data
//! set (`bench/data.rs`), and the import worker reads a small one while it
//! waits for a file, so that the browser has compiled the import's code to
//! its optimized form before the member's file arrives.

use super::exchange::ExportFile;
use super::lifecycle::{apply, Step};
use super::member::{Member, MemberForm, ParticipationLevel};
use super::{
    fields_of, ActivityKind, ContributionBody, IdSource, Input, Record, RecordForm, SeededIds,
    Stance, Timestamp, ValidationErrors,
};

/// The export of a community of `count` records and 60 members.
pub fn export(count: usize, seed: u64) -> ExportFile {
    let mut rng = Rng(seed | 1);
    let mut ids = SeededIds::new(seed);
    // 2024-01-01: records spread over the following years, one every 10 minutes.
    let start = Timestamp(1_704_067_200_000);
    let members = members(&mut rng, &mut ids, start);
    let names: Vec<String> = members.iter().map(|m| m.name.clone()).collect();
    let records = (0..count)
        .filter_map(|n| {
            let at = Timestamp(start.millis() + 600_000 * n as i64);
            record(&mut rng, &mut ids, &names, n, at).ok()
        })
        .collect();
    let mut file = ExportFile::new("bench", Timestamp(1_790_000_000_000), records);
    file.members = members;
    file
}

/// xorshift64*: small, fast and the same on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const FIRST: &[&str] = &[
    "Ana", "Lee", "Kim", "Noor", "Sam", "Robin", "Jules", "Mira", "Tomás", "Aiko", "Femi", "Olga",
    "Ravi", "Zoë", "Piet", "Sven", "Leila", "Chen", "Marta", "Yusuf",
];
const LAST: &[&str] = &[
    "Berg", "Costa", "Dubois", "Eriksen", "Fischer", "García", "Haddad", "Ito", "Jansen",
    "Kowalski",
];
const TOPICS: &[&str] = &[
    "handover",
    "night shift",
    "audit",
    "safety",
    "onboarding",
    "rota",
    "infusion pumps",
    "wound care",
    "documentation",
    "training",
    "discharge",
    "medication",
    "falls",
    "hygiene",
    "patient transport",
    "escalation",
    "family talks",
    "sepsis",
    "ventilation",
    "palliative care",
];
const NOUNS: &[&str] = &[
    "checklist",
    "handover sheet",
    "rota",
    "procedure",
    "template",
    "training plan",
    "audit form",
    "escalation path",
    "drill",
    "care plan",
    "briefing",
    "dashboard",
];
const VERBS: &[&str] = &[
    "update",
    "simplify",
    "share",
    "review",
    "test",
    "translate",
    "shorten",
    "automate",
];
const PLACES: &[&str] = &[
    "ward 3",
    "the north wing",
    "the day clinic",
    "intensive care",
    "the east site",
    "outpatients",
];

fn phrase(rng: &mut Rng) -> String {
    format!(
        "{} the {} for {}",
        rng.pick(VERBS),
        rng.pick(NOUNS),
        rng.pick(PLACES)
    )
}

fn sentence(rng: &mut Rng) -> String {
    let mut text = phrase(rng);
    // The verbs are ASCII: no Unicode case table for this.
    if let Some(first) = text.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    format!("{text}, because the {} keeps changing.", rng.pick(NOUNS))
}

/// A paragraph of Markdown: emphasis, sometimes a list or code between
/// backticks.
fn markdown(rng: &mut Rng) -> String {
    let mut text = format!("{} Ask about the **{}**.", sentence(rng), rng.pick(NOUNS));
    if rng.below(3) == 0 {
        text.push_str("\n\n");
        for _ in 0..1 + rng.below(2) {
            text.push_str(&format!("- {}\n", phrase(rng)));
        }
    }
    if rng.below(5) == 0 {
        text.push_str(&format!(
            "\nSee `{}-v{}.pdf` on the shared drive.",
            rng.pick(NOUNS).replace(' ', "-"),
            rng.below(9) + 1
        ));
    }
    text
}

fn date(rng: &mut Rng) -> String {
    format!("2026-{:02}-{:02}", 1 + rng.below(12), 1 + rng.below(28))
}

fn value(rng: &mut Rng, input: Input, names: &[String]) -> String {
    match input {
        Input::Line => phrase(rng),
        Input::Text => markdown(rng),
        Input::Link => format!("https://intranet.example.org/docs/{}", rng.below(100_000)),
        Input::Date => date(rng),
        Input::Choice(options) => rng.pick(options).0.to_owned(),
        Input::Lines => format!("{}\n{}", rng.pick(names), rng.pick(names)),
        Input::TopicExperts => format!(
            "{}: {}, {}\n{}: {}",
            rng.pick(TOPICS),
            rng.pick(names),
            rng.pick(names),
            rng.pick(TOPICS),
            rng.pick(names)
        ),
    }
}

fn contribution(rng: &mut Rng, kind: ActivityKind) -> ContributionBody {
    let text = markdown(rng);
    let body = match kind {
        ActivityKind::ProblemSolving => ContributionBody::Idea { text },
        ActivityKind::InformationRequest => ContributionBody::Answer { text },
        ActivityKind::SeekingExperience => ContributionBody::Experience {
            what_happened: text,
            what_worked: sentence(rng),
            differently: sentence(rng),
        },
        ActivityKind::ReusingAssets => ContributionBody::Reuse {
            reused_for: phrase(rng),
            how_it_went: text,
        },
        ActivityKind::Coordination | ActivityKind::Visit => ContributionBody::Join {
            note: sentence(rng),
        },
        ActivityKind::DiscussingDevelopments => ContributionBody::Opinion {
            stance: *rng.pick(&[Stance::Adopt, Stance::Trial, Stance::Assess, Stance::Hold]),
            text,
        },
        _ => ContributionBody::Comment { text },
    };
    if rng.below(4) == 0 {
        ContributionBody::Comment {
            text: sentence(rng),
        }
    } else {
        body
    }
}

fn members(rng: &mut Rng, ids: &mut SeededIds, start: Timestamp) -> Vec<Member> {
    let mut members: Vec<Member> = Vec::new();
    for first in FIRST {
        for last in LAST.iter().take(3) {
            let form = MemberForm {
                name: format!("{first} {last}"),
                level: rng.pick(&ParticipationLevel::ALL).slug().to_owned(),
                knows: format!("{}, {}", rng.pick(TOPICS), rng.pick(TOPICS)),
                learning: rng.pick(TOPICS).to_string(),
            };
            if let Ok(member) = Member::create(&form, &members, ids.next_id(), start) {
                members.push(member);
            }
        }
    }
    members
}

/// A record as a member would write it; refused only if the forms' rules
/// change and the generator no longer follows them (a test says so).
fn record(
    rng: &mut Rng,
    ids: &mut SeededIds,
    names: &[String],
    n: usize,
    at: Timestamp,
) -> Result<Record, ValidationErrors> {
    let kind = ActivityKind::ALL[n % ActivityKind::ALL.len()];
    // Required fields always, a third of the optional ones: as members fill
    // the forms.
    let mut values = std::collections::BTreeMap::new();
    for spec in fields_of(kind) {
        if spec.required || rng.below(3) == 0 {
            values.insert(spec.key.to_owned(), value(rng, spec.input, names));
        }
    }
    let form = RecordForm {
        title: format!("{} ({})", sentence(rng).trim_end_matches('.'), n + 1)
            .chars()
            .take(140)
            .collect(),
        author: rng.pick(names).clone(),
        topics: format!("{}, {}", rng.pick(TOPICS), rng.pick(TOPICS)),
        values,
        links: Vec::new(),
    };
    let mut record = Record::create(kind, &form, ids.next_id(), at)?;
    // Most records draw a few contributions; some draw many.
    let count = match rng.below(10) {
        0..=3 => 0,
        4..=8 => 1 + rng.below(2),
        _ => 3 + rng.below(6),
    };
    for c in 0..count {
        let step = Step::Contribute(contribution(rng, kind));
        let when = Timestamp(at.millis() + 60_000 * (c as i64 + 1));
        let author = rng.pick(names).clone();
        record = apply(&record, step, &author, ids.next_id(), when)?;
    }
    Ok(record)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::import::read_export;

    #[test]
    fn every_record_is_made_and_imports() {
        let file = export(900, 7);
        assert_eq!(file.records.len(), 900);
        assert_eq!(file.members.len(), 60);
        let kinds: std::collections::BTreeSet<_> = file.records.iter().map(Record::kind).collect();
        assert_eq!(kinds.len(), ActivityKind::ALL.len());
        assert!(file.records.iter().any(|r| !r.contributions.is_empty()));
        let read = read_export(&file.to_json()).map(|read| read.records.len());
        assert_eq!(read, Ok(900));
    }

    #[test]
    fn the_same_seed_gives_the_same_text() {
        assert_eq!(export(50, 3).to_json(), export(50, 3).to_json());
        assert_ne!(export(50, 3).to_json(), export(50, 4).to_json());
    }
}
