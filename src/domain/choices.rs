//! The repertoire's filter choices: every topic, and everyone who wrote a
//! record or a contribution. Kept as counts, so that a save or a deletion
//! updates them in a few steps instead of reading every record again
//! (tens of milliseconds at 100,000 records).

use super::record::Record;
use super::sorting::{sort_by, sort_by_cached_key};
use super::topic::Topic;
use rustc_hash::FxHashMap;
use std::hash::Hash;

#[derive(Clone, Debug, Default)]
pub struct Choices {
    topics: FxHashMap<Topic, u32>,
    /// Each name as written, with how many records and contributions
    /// carry it.
    names: FxHashMap<String, u32>,
}

impl Choices {
    pub fn of(records: &[Record]) -> Choices {
        let mut choices = Choices::default();
        for record in records {
            choices.add(record);
        }
        choices
    }

    pub fn add(&mut self, record: &Record) {
        for topic in &record.topics {
            count_in(&mut self.topics, topic, Topic::clone);
        }
        for name in names_of(record) {
            count_in(&mut self.names, name, str::to_owned);
        }
    }

    /// Takes back what `add` counted for this version of a record.
    pub fn remove(&mut self, record: &Record) {
        for topic in &record.topics {
            uncount_in(&mut self.topics, topic);
        }
        for name in names_of(record) {
            uncount_in(&mut self.names, name);
        }
    }

    /// Each topic once, in order.
    pub fn topics(&self) -> Vec<String> {
        let mut topics: Vec<&Topic> = self.topics.keys().collect();
        sort_by(&mut topics, |a, b| a.cmp(b));
        topics.into_iter().map(ToString::to_string).collect()
    }

    /// Each person once, in alphabetical order whatever the case. A name
    /// written in several cases is shown as it is most often written
    /// (ties: in the order of `str`, capitals first).
    pub fn people(&self) -> Vec<String> {
        let mut names: Vec<(&str, u32)> =
            self.names.iter().map(|(n, c)| (n.as_str(), *c)).collect();
        sort_by_cached_key(&mut names, |(name, _)| name.to_lowercase());
        let mut people: Vec<(String, &str, u32)> = Vec::new();
        for (name, count) in names {
            let folded = name.to_lowercase();
            match people.last_mut() {
                Some((same, shown, most)) if *same == folded => {
                    if count > *most || (count == *most && name < *shown) {
                        (*shown, *most) = (name, count);
                    }
                }
                _ => people.push((folded, name, count)),
            }
        }
        people
            .into_iter()
            .map(|(_, name, _)| name.to_owned())
            .collect()
    }
}

fn names_of(record: &Record) -> impl Iterator<Item = &str> {
    std::iter::once(record.author.as_str())
        .chain(record.contributions.iter().map(|c| c.author.as_str()))
}

/// Counts `key` once more, allocating only for a key not seen yet.
fn count_in<K, Q>(counts: &mut FxHashMap<K, u32>, key: &Q, owned: impl Fn(&Q) -> K)
where
    K: Hash + Eq + std::borrow::Borrow<Q>,
    Q: Hash + Eq + ?Sized,
{
    match counts.get_mut(key) {
        Some(count) => *count += 1,
        None => {
            counts.insert(owned(key), 1);
        }
    }
}

fn uncount_in<K, Q>(counts: &mut FxHashMap<K, u32>, key: &Q)
where
    K: Hash + Eq + std::borrow::Borrow<Q>,
    Q: Hash + Eq + ?Sized,
{
    if let Some(count) = counts.get_mut(key) {
        *count -= 1;
        if *count == 0 {
            counts.remove(key);
        }
    }
}
