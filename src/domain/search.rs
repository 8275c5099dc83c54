//! Finding records: search as you type (case- and accent-insensitive, over
//! every field and contribution), filters and orderings.

use super::id::Id;
use super::kind::ActivityKind;
use super::record::Record;
use super::sorting::sort_positions;
use super::status::Status;
use super::topic::Topic;
use rustc_hash::FxHashSet;
use std::sync::{Mutex, PoisonError};

/// Lower case without diacritics, Markdown punctuation turned to spaces, so
/// "Ecole", "école" and "**ÉCOLE**" all read "ecole".
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out);
    out
}

fn fold_into(text: &str, out: &mut String) {
    let mut rest = text;
    while !rest.is_empty() {
        // Runs of ASCII, most of most texts, go byte by byte.
        let ascii = rest
            .bytes()
            .position(|b| !b.is_ascii())
            .unwrap_or(rest.len());
        out.extend(rest[..ascii].bytes().map(fold_ascii));
        let mut chars = rest[ascii..].chars();
        if let Some(c) = chars.next() {
            match base_letter(c) {
                Some(base) => out.push_str(base),
                None => out.extend(c.to_lowercase()),
            }
        }
        rest = chars.as_str();
    }
}

fn fold_ascii(byte: u8) -> char {
    match byte {
        b'*' | b'_' | b'`' | b'#' | b'>' | b'[' | b']' | b'(' | b')' | b'~' => ' ',
        _ => char::from(byte.to_ascii_lowercase()),
    }
}

/// Latin letters with diacritics, mapped to their base letters.
fn base_letter(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å'
        | 'Ā' | 'Ă' | 'Ą' => "a",
        'æ' | 'Æ' => "ae",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' | 'Ç' | 'Ć' | 'Ĉ' | 'Ċ' | 'Č' => "c",
        'ď' | 'đ' | 'Ď' | 'Đ' | 'ð' | 'Ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' | 'È' | 'É' | 'Ê' | 'Ë' | 'Ē' | 'Ĕ'
        | 'Ė' | 'Ę' | 'Ě' => "e",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' | 'Ĝ' | 'Ğ' | 'Ġ' | 'Ģ' => "g",
        'ĥ' | 'ħ' | 'Ĥ' | 'Ħ' => "h",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' | 'Ì' | 'Í' | 'Î' | 'Ï' | 'Ĩ' | 'Ī'
        | 'Ĭ' | 'Į' | 'İ' => "i",
        'ĵ' | 'Ĵ' => "j",
        'ķ' | 'Ķ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' | 'Ĺ' | 'Ļ' | 'Ľ' | 'Ŀ' | 'Ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' | 'Ñ' | 'Ń' | 'Ņ' | 'Ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø'
        | 'Ō' | 'Ŏ' | 'Ő' => "o",
        'œ' | 'Œ' => "oe",
        'ŕ' | 'ŗ' | 'ř' | 'Ŕ' | 'Ŗ' | 'Ř' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' | 'Ś' | 'Ŝ' | 'Ş' | 'Š' | 'Ș' => "s",
        'ß' => "ss",
        'ţ' | 'ť' | 'ŧ' | 'ț' | 'Ţ' | 'Ť' | 'Ŧ' | 'Ț' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' | 'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ũ'
        | 'Ū' | 'Ŭ' | 'Ů' | 'Ű' | 'Ų' => "u",
        'ŵ' | 'Ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' | 'Ý' | 'Ÿ' | 'Ŷ' => "y",
        'ź' | 'ż' | 'ž' | 'Ź' | 'Ż' | 'Ž' => "z",
        'þ' | 'Þ' => "th",
        _ => return None,
    })
}

/// Everything a record says, folded once so each keystroke only scans.
/// Markdown needs no parsing here: folding turns its punctuation into
/// spaces, which is all a search for words needs.
pub fn search_text(record: &Record) -> String {
    let mut out = String::new();
    let mut add = |text: &str| {
        fold_into(text, &mut out);
        out.push('\n');
    };
    add(&record.title);
    add(&record.author);
    record.topics.iter().for_each(|t| add(t.as_str()));
    record.payload.texts().iter().for_each(|t| add(t));
    for contribution in &record.contributions {
        add(&contribution.author);
        contribution.body.texts().into_iter().for_each(&mut add);
    }
    out
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Sort {
    /// Most recent activity first.
    #[default]
    Recent,
    /// Most contributions first.
    MostActive,
    /// Records still waiting with no contribution yet, then other waiting ones.
    UnansweredFirst,
}

impl Sort {
    pub const ALL: [Sort; 3] = [Sort::Recent, Sort::MostActive, Sort::UnansweredFirst];

    pub fn slug(self) -> &'static str {
        match self {
            Sort::Recent => "recent",
            Sort::MostActive => "active",
            Sort::UnansweredFirst => "unanswered",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Sort> {
        Sort::ALL.into_iter().find(|s| s.slug() == slug)
    }

    pub fn label(self) -> &'static str {
        match self {
            Sort::Recent => "Recent activity",
            Sort::MostActive => "Most active",
            Sort::UnansweredFirst => "Unanswered first",
        }
    }
}

/// What the member asked the repertoire for.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    pub text: String,
    pub kind: Option<ActivityKind>,
    pub status: Option<Status>,
    pub topic: Option<Topic>,
    /// A member's name: records they wrote or contributed to.
    pub member: Option<String>,
    pub sort: Sort,
}

impl Query {
    pub fn is_empty(&self) -> bool {
        *self
            == Query {
                sort: self.sort,
                ..Query::default()
            }
    }
}

/// Records prepared for searching: each with its folded text, and the
/// order of most recent activity, computed once so that a keystroke only
/// scans.
#[derive(Debug, Default)]
pub struct SearchIndex {
    /// Each record's id, in record order: what `rebuild` finds texts by.
    ids: Vec<Id>,
    /// Folding every text takes long in a large repertoire, so `prepare`
    /// does it a slice at a time; the first search for words finishes it if
    /// needed.
    texts: Mutex<Texts>,
    /// Positions in `records`, most recent activity first.
    recent: Vec<usize>,
}

#[derive(Debug, Default)]
struct Texts {
    /// In record order; `None` until folded.
    folded: Vec<Option<String>>,
    /// Every text before this position is folded.
    ready_up_to: usize,
}

/// What a query found, kept so that the next keystroke can narrow it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Found {
    pub query: Query,
    /// Positions in the indexed records, in the query's order.
    pub positions: Vec<usize>,
}

impl SearchIndex {
    pub fn build(records: &[Record]) -> SearchIndex {
        let activity: Vec<_> = records.iter().map(Record::last_activity).collect();
        let mut recent: Vec<usize> = (0..records.len()).collect();
        sort_positions(&mut recent, &mut |a, b| activity[b].cmp(&activity[a]));
        SearchIndex {
            ids: records.iter().map(|r| r.id).collect(),
            texts: Mutex::new(Texts {
                folded: vec![None; records.len()],
                ready_up_to: 0,
            }),
            recent,
        }
    }

    /// The index of `records` after a few of them changed: the texts
    /// `previous` folded are taken over (and taken from it) for every
    /// record not in `changed`, so a save refolds one text, not all.
    /// `changed` must hold every record saved, replaced or deleted since
    /// `previous` was built.
    pub fn rebuild(
        previous: &SearchIndex,
        records: &[Record],
        changed: &FxHashSet<Id>,
    ) -> SearchIndex {
        let index = SearchIndex::build(records);
        let taken = std::mem::take(&mut previous.lock_texts().folded);
        // Records that did not change keep their order relative to each
        // other, so one pass over both lists pairs them. A record found out
        // of that order is only folded again.
        let mut before = previous.ids.iter().zip(taken);
        {
            let mut texts = index.lock_texts();
            for (slot, id) in texts.folded.iter_mut().zip(&index.ids) {
                if changed.contains(id) {
                    continue;
                }
                *slot = before
                    .by_ref()
                    .find(|(was, _)| *was == id)
                    .and_then(|(_, text)| text);
            }
        }
        index
    }

    fn lock_texts(&self) -> std::sync::MutexGuard<'_, Texts> {
        self.texts.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Folds more texts while `more` answers true (asked every 100 texts
    /// folded); true once every record's text is ready.
    pub fn prepare(&self, records: &[Record], mut more: impl FnMut() -> bool) -> bool {
        let mut texts = self.lock_texts();
        let Texts {
            folded,
            ready_up_to,
        } = &mut *texts;
        if folded.len() < records.len() {
            folded.resize(records.len(), None);
        }
        let mut done = 0usize;
        while let Some(record) = records.get(*ready_up_to) {
            let slot = &mut folded[*ready_up_to];
            if slot.is_none() {
                if done.is_multiple_of(100) && !more() {
                    return false;
                }
                *slot = Some(search_text(record));
                done += 1;
            }
            *ready_up_to += 1;
        }
        true
    }

    /// Positions in `records` (the slice the index was built from) that
    /// match, in the query's order.
    pub fn run(&self, records: &[Record], query: &Query) -> Vec<usize> {
        let found = self.matching(records, query, self.recent.iter().copied());
        order(records, query.sort, found)
    }

    /// Like `run`, but when `query` only adds letters to the text of
    /// `previous` (typing on), only what `previous` found is scanned: each
    /// word of the longer text contains a word of the shorter one, so
    /// nothing else can match. `previous` must come from this index.
    pub fn narrow(&self, records: &[Record], query: &Query, previous: &Found) -> Vec<usize> {
        let typed_on = Query {
            text: previous.query.text.clone(),
            ..query.clone()
        } == previous.query
            && fold(&query.text).starts_with(&fold(&previous.query.text));
        if typed_on {
            // Already in the query's order: filtering keeps it.
            self.matching(records, query, previous.positions.iter().copied())
        } else {
            self.run(records, query)
        }
    }

    fn matching(
        &self,
        records: &[Record],
        query: &Query,
        candidates: impl Iterator<Item = usize>,
    ) -> Vec<usize> {
        let folded = fold(&query.text);
        let words: Vec<&str> = folded.split_whitespace().collect();
        let member = query.member.as_deref().map(fold);
        if !words.is_empty() {
            self.prepare(records, || true);
        }
        let texts = self.lock_texts();
        candidates
            .filter(|&i| {
                let Some(record) = records.get(i) else {
                    return false;
                };
                query.kind.is_none_or(|k| record.kind() == k)
                    && query.status.is_none_or(|s| record.status == s)
                    && query
                        .topic
                        .as_ref()
                        .is_none_or(|t| record.topics.contains(t))
                    && member.as_deref().is_none_or(|m| involves(record, m))
                    && (words.is_empty()
                        || texts
                            .folded
                            .get(i)
                            .and_then(Option::as_deref)
                            .is_some_and(|text| words.iter().all(|w| text.contains(w))))
            })
            .collect()
    }
}

/// `found` comes in order of recent activity; the other orders sort it
/// (stably, so ties stay most recent first).
fn order(records: &[Record], sort: Sort, mut found: Vec<usize>) -> Vec<usize> {
    match sort {
        Sort::Recent => {}
        Sort::MostActive => sort_positions(&mut found, &mut |a, b| {
            records[b]
                .contributions
                .len()
                .cmp(&records[a].contributions.len())
        }),
        Sort::UnansweredFirst => {
            let rank = |i: usize| {
                let r = &records[i];
                match (r.status.is_waiting(), r.contributions.is_empty()) {
                    (true, true) => 0,
                    (true, false) => 1,
                    _ => 2,
                }
            };
            sort_positions(&mut found, &mut |a, b| rank(a).cmp(&rank(b)))
        }
    }
    found
}

fn involves(record: &Record, folded_member: &str) -> bool {
    fold(&record.author) == folded_member
        || record
            .contributions
            .iter()
            .any(|c| fold(&c.author) == folded_member)
}
