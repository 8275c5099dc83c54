//! The periodic self-assessment of the three elements.

use super::id::Id;
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

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Round {
    pub id: Id,
    /// The day the round opened, `YYYY-MM-DD`.
    pub date: String,
    pub responses: Vec<Response>,
}
