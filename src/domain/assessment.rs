//! The periodic self-assessment of the three elements.

use super::id::Id;
use super::instrument::{item, Item, ITEMS};
use super::sorting::sort_by;
use super::validation::is_valid_date;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Element {
    Domain,
    Community,
    Practice,
}

/// One answer on the 1–5 agreement scale; "don't know" is never a low score.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Rating {
    Agreement(u8),
    DontKnow,
}

/// One member's answers in one round, item id → rating.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Response {
    pub member: Id,
    pub answers: Vec<(String, Rating)>,
}

/// Oldest round first (by date, then id). One shared ordering, also to keep
/// a single sort in the wasm bundle.
pub fn round_order(a: &Round, b: &Round) -> std::cmp::Ordering {
    a.date.cmp(&b.date).then_with(|| a.id.cmp(&b.id))
}

pub fn sort_rounds(rounds: &mut [Round]) {
    sort_by(rounds, round_order);
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Round {
    pub id: Id,
    /// The day the round opened, `YYYY-MM-DD`.
    pub date: String,
    pub responses: Vec<Response>,
}

/// One member's response to one round, kept as a document of its own so
/// that members answering on different copies never conflict.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answer {
    pub round: Id,
    pub response: Response,
}

/// A round as kept: its head (the round without responses) and each
/// member's answer.
pub fn split_round(round: &Round) -> (Round, Vec<Answer>) {
    let head = Round {
        responses: Vec::new(),
        ..round.clone()
    };
    let answers = round
        .responses
        .iter()
        .map(|response| Answer {
            round: round.id,
            response: response.clone(),
        })
        .collect();
    (head, answers)
}

/// Rounds from their heads and answers, oldest first; each round's
/// responses in the order of the members' ids (the same on every copy).
/// Answers to a round with no head are left out.
pub fn assemble_rounds(heads: Vec<Round>, answers: Vec<Answer>) -> Vec<Round> {
    let mut rounds: Vec<Round> = heads
        .into_iter()
        .map(|head| Round {
            responses: Vec::new(),
            ..head
        })
        .collect();
    sort_rounds(&mut rounds);
    let mut answers = answers;
    sort_by(&mut answers, |a, b| {
        a.response.member.cmp(&b.response.member)
    });
    for answer in answers {
        if let Some(round) = rounds.iter_mut().find(|r| r.id == answer.round) {
            round.responses.push(answer.response);
        }
    }
    rounds
}

impl Element {
    pub const ALL: [Element; 3] = [Element::Domain, Element::Community, Element::Practice];

    pub fn label(self) -> &'static str {
        match self {
            Element::Domain => "Domain",
            Element::Community => "Community",
            Element::Practice => "Practice",
        }
    }

    /// Stable name used in storage and URLs; matches the serde name.
    pub fn slug(self) -> &'static str {
        match self {
            Element::Domain => "domain",
            Element::Community => "community",
            Element::Practice => "practice",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Element> {
        Element::ALL.into_iter().find(|e| e.slug() == slug)
    }

    /// What the element asks of a community, as one plain question.
    pub fn question(self) -> &'static str {
        match self {
            Element::Domain => "Do we share a clear area of interest that matters to our work?",
            Element::Community => "Do we ask, help and learn from one another?",
            Element::Practice => "Do we build and reuse a shared stock of ways to do our work?",
        }
    }
}

impl Round {
    pub fn response_of(&self, member: Id) -> Option<&Response> {
        self.responses.iter().find(|r| r.member == member)
    }

    /// This round with `response` in place of the member's earlier one, so a
    /// member who answers again changes their answers instead of counting twice.
    pub fn with_response(&self, response: Response) -> Round {
        let mut responses: Vec<Response> = self
            .responses
            .iter()
            .filter(|r| r.member != response.member)
            .cloned()
            .collect();
        match self
            .responses
            .iter()
            .position(|r| r.member == response.member)
        {
            // Every response before `at` is kept, so `at` is still in range.
            Some(at) => responses.insert(at, response),
            None => responses.push(response),
        }
        Round {
            responses,
            ..self.clone()
        }
    }
}

/// A round's date as stored, or why it cannot be used.
pub fn validate_date(text: &str) -> Result<String, String> {
    let text = text.trim();
    if text.is_empty() {
        Err("Give the day the round opens, as year-month-day, for example 2026-03-31.".to_owned())
    } else if is_valid_date(text) {
        Ok(text.to_owned())
    } else {
        Err(format!(
            "“{text}” is not a day we can read: write it as year-month-day, for example 2026-03-31, between 1900 and 2200."
        ))
    }
}

/// A member's answers checked against the questionnaire, in its order.
/// Items left out are simply unanswered.
pub fn response_from(member: Id, answers: &[(String, Rating)]) -> Result<Response, String> {
    let mut found: Vec<(&'static Item, Rating)> = Vec::new();
    for (id, rating) in answers {
        let Some(item) = item(id) else {
            return Err(format!(
                "“{id}” is not one of the questionnaire's statements."
            ));
        };
        if found.iter().any(|(seen, _)| seen.id == item.id) {
            return Err(format!(
                "Statement {} was answered twice; keep one answer.",
                item.id
            ));
        }
        if let Rating::Agreement(value) = rating {
            if !(1..=5).contains(value) {
                return Err(format!(
                    "Answers go from 1 (strongly disagree) to 5 (strongly agree); {value} is outside that range."
                ));
            }
        }
        found.push((item, *rating));
    }
    let answers = ITEMS
        .iter()
        .filter_map(|item| {
            found
                .iter()
                .find(|(seen, _)| seen.id == item.id)
                .map(|(_, rating)| (item.id.to_owned(), *rating))
        })
        .collect();
    Ok(Response { member, answers })
}
