//! Participation as the repertoire shows it: what a member authored,
//! contributed, had accepted and saw reused. It sits beside the level a
//! member declares, so movement toward the core becomes visible.

use super::contribution::ContributionBody;
use super::member::{name_key, ParticipationLevel};
use super::payload::Payload;
use super::record::Record;
use super::time::Timestamp;
use std::collections::HashMap;

/// How far back "recent" reaches for `observed_level`.
pub const RECENT_DAYS: i64 = 90;
/// Records and contributions that look like carrying the group.
pub const CORE_LIKE_ITEMS: usize = 10;
/// Records and contributions that look like taking part regularly.
pub const ACTIVE_ITEMS: usize = 3;

const DAY_MILLIS: i64 = 24 * 60 * 60 * 1000;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Participation {
    /// Records authored.
    pub records: usize,
    /// Contributions of any sort, to others' records or their own.
    pub contributions: usize,
    /// Their answers that a request's author accepted.
    pub accepted_answers: usize,
    /// Reuses logged by someone else on assets they offered; reusing one's
    /// own asset shows nothing about its value to others.
    pub reused_by_others: usize,
    /// The latest record created or contribution added.
    pub last_active: Option<Timestamp>,
}

impl Participation {
    pub fn is_empty(&self) -> bool {
        self.records == 0 && self.contributions == 0 && self.reused_by_others == 0
    }

    /// Records and contributions together: what the member did themselves.
    pub fn items(&self) -> usize {
        self.records + self.contributions
    }

    /// A rough reading of what the repertoire shows, in the terms members use
    /// to declare their level. It is shown beside the declared level so that
    /// movement from the edge toward the core becomes visible; it describes,
    /// never ranks, and never overrides what a member says about themselves.
    ///
    /// The heuristic: nothing in the repertoire reads as a newcomer. Activity
    /// within the last `RECENT_DAYS` days with at least `CORE_LIKE_ITEMS`
    /// records and contributions in all reads as core, with at least
    /// `ACTIVE_ITEMS` as active, and with fewer as occasional. Someone whose
    /// last activity is older reads as occasional, whatever they did before.
    /// Much talk happens outside the app, so this undercounts by design.
    pub fn observed_level(&self, now: Timestamp) -> ParticipationLevel {
        let Some(last) = self.last_active else {
            return ParticipationLevel::Newcomer;
        };
        let recent = now.millis().saturating_sub(last.millis()) <= RECENT_DAYS * DAY_MILLIS;
        match self.items() {
            0 => ParticipationLevel::Newcomer,
            _ if !recent => ParticipationLevel::Occasional,
            n if n >= CORE_LIKE_ITEMS => ParticipationLevel::Core,
            n if n >= ACTIVE_ITEMS => ParticipationLevel::Active,
            _ => ParticipationLevel::Occasional,
        }
    }

    fn saw(&mut self, at: Timestamp) {
        self.last_active = Some(self.last_active.map_or(at, |last| last.max(at)));
    }
}

pub fn measure(records: &[Record], name: &str) -> Participation {
    measure_all(records, &[name]).pop().unwrap_or_default()
}

/// Participation of each name, in the order given, from one pass over the
/// records. Names are compared trimmed and case-insensitively; a blank name
/// matches nothing.
pub fn measure_all(records: &[Record], names: &[&str]) -> Vec<Participation> {
    let mut slots: HashMap<String, Participation> = names
        .iter()
        .map(|name| name_key(name))
        .filter(|key| !key.is_empty())
        .map(|key| (key, Participation::default()))
        .collect();
    for record in records {
        let author = name_key(&record.author);
        if let Some(p) = slots.get_mut(&author) {
            p.records += 1;
            p.saw(record.created);
        }
        let accepted = match &record.payload {
            Payload::InformationRequest(request) => request.accepted_answer,
            _ => None,
        };
        let is_asset = matches!(record.payload, Payload::ReusingAssets(_));
        for contribution in &record.contributions {
            let by = name_key(&contribution.author);
            if let Some(p) = slots.get_mut(&by) {
                p.contributions += 1;
                p.saw(contribution.created);
                if accepted == Some(contribution.id) {
                    p.accepted_answers += 1;
                }
            }
            let reused_by_other = is_asset
                && by != author
                && matches!(contribution.body, ContributionBody::Reuse { .. });
            if reused_by_other {
                if let Some(p) = slots.get_mut(&author) {
                    p.reused_by_others += 1;
                }
            }
        }
    }
    names
        .iter()
        .map(|name| slots.get(&name_key(name)).cloned().unwrap_or_default())
        .collect()
}
