//! From answers to per-element results (docs/assessment.md, "Scoring").
//! Everything is integer arithmetic, so a score never depends on float
//! rounding and the same answers always give the same figures.

use super::assessment::{Element, Rating, Response, Round};
use super::id::Id;
use super::instrument::{item, items_of};
use super::sorting::sort_by_key;

/// Items a member must answer (don't know excluded) for an element score.
pub const MIN_ANSWERED: usize = 4;
/// Respondents a round needs before its aggregates may be shown, so that no
/// one's answers can be read back from them.
pub const MIN_RESPONDENTS: usize = 3;
/// Interquartile range, in points of the 1–5 scale, from which an item is a
/// topic to talk about.
pub const DISAGREEMENT_IQR: u8 = 2;
/// One rating has no spread to judge.
pub const MIN_RATINGS_FOR_SPREAD: usize = 2;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Band {
    Emergent,
    Developing,
    Strong,
}

impl Band {
    pub fn of(score: u8) -> Band {
        match score {
            0..=39 => Band::Emergent,
            40..=69 => Band::Developing,
            _ => Band::Strong,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Band::Emergent => "Emergent",
            Band::Developing => "Developing",
            Band::Strong => "Strong",
        }
    }
}

/// Stored data may come from an import, so a value off the scale is
/// treated as no answer rather than trusted.
fn agreement(rating: Rating) -> Option<u8> {
    match rating {
        Rating::Agreement(value @ 1..=5) => Some(value),
        _ => None,
    }
}

/// The rating a response gives an item; the first one counts if an import
/// left repeats.
fn rating_of(response: &Response, item_id: &str) -> Option<Rating> {
    response
        .answers
        .iter()
        .find(|(id, _)| id == item_id)
        .map(|(_, rating)| *rating)
}

/// Integer division rounded half up.
fn div_round(numerator: u32, denominator: u32) -> u32 {
    (2 * numerator + denominator) / (2 * denominator)
}

pub fn member_score(response: &Response, element: Element) -> Option<u8> {
    let ratings: Vec<u32> = items_of(element)
        .filter_map(|item| rating_of(response, item.id).and_then(agreement))
        .map(u32::from)
        .collect();
    let answered = ratings.len();
    if answered < MIN_ANSWERED {
        return None;
    }
    let count = u32::try_from(answered).ok()?;
    let above_floor: u32 = ratings.iter().map(|r| r - 1).sum();
    // (mean − 1) / 4 × 100, kept as one fraction so it rounds only once.
    u8::try_from(div_round(above_floor * 100, 4 * count)).ok()
}

/// Middle of sorted scores; an even count takes the two middle ones'
/// mean, rounded half up.
fn median(sorted: &[u8]) -> Option<u8> {
    let n = sorted.len();
    if n == 0 {
        return None;
    }
    if n % 2 == 1 {
        return Some(sorted[n / 2]);
    }
    let sum = u16::from(sorted[n / 2 - 1]) + u16::from(sorted[n / 2]);
    u8::try_from(sum.div_ceil(2)).ok()
}

/// Quartile `q` (1 or 3) of sorted ratings by linear interpolation between
/// order statistics (R's type 7, numpy's default), times four: the
/// interpolation weights are quarters, so this stays exact in integers.
fn quartile_x4(sorted: &[u8], q: usize) -> usize {
    let position_x4 = q * (sorted.len() - 1);
    let (at, weight) = (position_x4 / 4, position_x4 % 4);
    let low = usize::from(sorted[at]);
    let high = sorted.get(at + 1).map_or(low, |v| usize::from(*v));
    4 * low + weight * (high - low)
}

/// Whether ratings of one item spread widely enough to talk about.
pub fn disagree_widely(ratings: &[u8]) -> bool {
    if ratings.len() < MIN_RATINGS_FOR_SPREAD {
        return false;
    }
    let mut sorted = ratings.to_vec();
    sort_by_key(&mut sorted, |r| *r);
    quartile_x4(&sorted, 3) - quartile_x4(&sorted, 1) >= 4 * usize::from(DISAGREEMENT_IQR)
}

#[derive(Clone, Debug, PartialEq)]
pub struct ElementResult {
    pub element: Element,
    pub median: Option<u8>,
    pub lowest: Option<u8>,
    pub highest: Option<u8>,
    /// Members with a score for this element.
    pub scored: usize,
    pub band: Option<Band>,
    /// Item ids members disagree on widely, in questionnaire order.
    pub disagreements: Vec<&'static str>,
}

/// A round's figures. They are computed even when `shown` is false, but
/// then they must not be displayed: with fewer than `MIN_RESPONDENTS`
/// respondents they would give away individual answers.
#[derive(Clone, Debug, PartialEq)]
pub struct RoundResult {
    pub round: Id,
    pub date: String,
    pub respondents: usize,
    /// At least `MIN_RESPONDENTS` respondents.
    pub shown: bool,
    /// In `Element::ALL` order.
    pub elements: [ElementResult; 3],
}

/// Each member's latest response: an import could repeat a member, who
/// must still count once.
fn latest_responses(round: &Round) -> Vec<&Response> {
    let mut latest: Vec<&Response> = Vec::new();
    for response in round.responses.iter().rev() {
        if !latest.iter().any(|r| r.member == response.member) {
            latest.push(response);
        }
    }
    latest.reverse();
    latest
}

/// Answered at least one statement, don't know included: saying "I cannot
/// judge" is still taking part.
fn has_answered(response: &Response) -> bool {
    response.answers.iter().any(|(id, rating)| {
        item(id).is_some() && (*rating == Rating::DontKnow || agreement(*rating).is_some())
    })
}

fn element_result(responses: &[&Response], element: Element) -> ElementResult {
    let mut scores: Vec<u8> = responses
        .iter()
        .filter_map(|r| member_score(r, element))
        .collect();
    sort_by_key(&mut scores, |s| *s);
    let median = median(&scores);
    let disagreements = items_of(element)
        .filter(|item| {
            let ratings: Vec<u8> = responses
                .iter()
                .filter_map(|r| rating_of(r, item.id).and_then(agreement))
                .collect();
            disagree_widely(&ratings)
        })
        .map(|item| item.id)
        .collect();
    ElementResult {
        element,
        median,
        lowest: scores.first().copied(),
        highest: scores.last().copied(),
        scored: scores.len(),
        band: median.map(Band::of),
        disagreements,
    }
}

pub fn round_result(round: &Round) -> RoundResult {
    let responses: Vec<&Response> = latest_responses(round)
        .into_iter()
        .filter(|r| has_answered(r))
        .collect();
    let respondents = responses.len();
    RoundResult {
        round: round.id,
        date: round.date.clone(),
        respondents,
        shown: respondents >= MIN_RESPONDENTS,
        elements: Element::ALL.map(|element| element_result(&responses, element)),
    }
}

/// Results of every round, oldest first.
pub fn trend(rounds: &[Round]) -> Vec<RoundResult> {
    let mut ordered = rounds.to_vec();
    super::assessment::sort_rounds(&mut ordered);
    ordered.iter().map(round_result).collect()
}

/// The element with the lowest median, only for a round that may be shown:
/// a hidden round must not steer suggestions that would hint at its figures.
pub fn weakest(result: &RoundResult) -> Option<Element> {
    if !result.shown {
        return None;
    }
    let mut weakest: Option<(Element, u8)> = None;
    for element in &result.elements {
        if let Some(median) = element.median {
            if weakest.is_none_or(|(_, lowest)| median < lowest) {
                weakest = Some((element.element, median));
            }
        }
    }
    weakest.map(|(element, _)| element)
}
