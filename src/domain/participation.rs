//! Participation as the repertoire shows it: what a member authored,
//! contributed, had accepted and saw reused. It sits beside the level a
//! member declares, so movement toward the core becomes visible.

use super::contribution::ContributionBody;
use super::member::{name_key, ParticipationLevel};
use super::payload::Payload;
use super::record::Record;
use super::time::Timestamp;
use rustc_hash::FxHashMap;

/// How far back "recent" reaches for `observed_level`.
pub const RECENT_DAYS: i64 = 90;
/// Records and contributions that look like carrying the group.
pub const CORE_LIKE_ITEMS: usize = 10;
/// Records and contributions that look like taking part regularly.
pub const ACTIVE_ITEMS: usize = 3;

const DAY_MILLIS: i64 = 24 * 60 * 60 * 1000;

#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
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
    let mut slots = Slots::new(names);
    let mut found = vec![Participation::default(); slots.count];
    for record in records {
        let author = slots.of(&record.author);
        if let Some(p) = author.map(|i| &mut found[i]) {
            p.records += 1;
            p.saw(record.created);
        }
        let accepted = match &record.payload {
            Payload::InformationRequest(request) => request.accepted_answer,
            _ => None,
        };
        let is_asset = matches!(record.payload, Payload::ReusingAssets(_));
        for contribution in &record.contributions {
            let by = slots.of(&contribution.author);
            if let Some(p) = by.map(|i| &mut found[i]) {
                p.contributions += 1;
                p.saw(contribution.created);
                if accepted == Some(contribution.id) {
                    p.accepted_answers += 1;
                }
            }
            let reused_by_other = is_asset
                && by != author
                && matches!(contribution.body, ContributionBody::Reuse { .. });
            if let Some(p) = author.filter(|_| reused_by_other).map(|i| &mut found[i]) {
                p.reused_by_others += 1;
            }
        }
    }
    names
        .iter()
        .map(|name| slots.of(name).map(|i| found[i].clone()).unwrap_or_default())
        .collect()
}

/// Where each name's figures go: one slot per `name_key`. A repertoire
/// repeats a few dozen names thousands of times, so each name as written
/// is keyed once and then found as it is.
struct Slots<'a> {
    by_key: FxHashMap<String, usize>,
    by_name: FxHashMap<&'a str, Option<usize>>,
    count: usize,
}

impl<'a> Slots<'a> {
    fn new(names: &[&str]) -> Slots<'a> {
        let mut by_key = FxHashMap::default();
        for key in names.iter().map(|name| name_key(name)) {
            let next = by_key.len();
            if !key.is_empty() {
                by_key.entry(key).or_insert(next);
            }
        }
        Slots {
            count: by_key.len(),
            by_key,
            by_name: FxHashMap::default(),
        }
    }

    fn of(&mut self, name: &'a str) -> Option<usize> {
        if let Some(slot) = self.by_name.get(name) {
            return *slot;
        }
        let slot = self.by_key.get(&name_key(name)).copied();
        self.by_name.insert(name, slot);
        slot
    }
}
