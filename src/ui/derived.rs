//! What views derive from the whole repertoire: computed when a view first
//! reads it, again only after the records (or members) change, and shared
//! by every view. Going back to a view does not redo it; with 100,000
//! records each of these takes tens of milliseconds.

use crate::domain::knowledge::{knowledge_map, KnowledgeMap};
use crate::domain::links::{recurring_problems, Recurring};
use crate::domain::member::Member;
use crate::domain::participation::{measure_all, Participation};
use crate::domain::search::{people_in, topics_in, SearchIndex};
use crate::domain::Record;
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct Derived {
    /// The search index, with a generation that tells a search whether
    /// what it found last came from this index.
    pub search_index: Memo<(u64, SearchIndex)>,
    /// The topic filter's choices.
    pub topics: Memo<Vec<String>>,
    /// The member filter's choices.
    pub people: Memo<Vec<String>>,
    pub knowledge: Memo<KnowledgeMap>,
    pub recurring: Memo<Vec<Recurring>>,
    /// What each member did, in the directory's order.
    pub participation: Memo<Vec<Participation>>,
}

/// A memo that never compares a new value with the old one: comparing
/// would cost about as much as computing it, and it is computed only when
/// what it is made from changed.
fn computed<T: Send + Sync + 'static>(compute: impl Fn() -> T + Send + Sync + 'static) -> Memo<T> {
    Memo::new_with_compare(move |_| compute(), |_, _| true)
}

impl Derived {
    pub fn new(records: RwSignal<Vec<Record>>, members: RwSignal<Vec<Member>>) -> Derived {
        Derived {
            search_index: Memo::new_with_compare(
                move |previous: Option<&(u64, SearchIndex)>| {
                    let generation = previous.map_or(0, |(g, _)| g + 1);
                    (generation, records.with(|r| SearchIndex::build(r)))
                },
                |_, _| true,
            ),
            // Short lists: compared, so that a save leaves the filters as
            // they are unless a topic or a name came or went.
            topics: Memo::new(move |_| {
                records.with(|r| topics_in(r).into_iter().map(ToString::to_string).collect())
            }),
            people: Memo::new(move |_| {
                records.with(|r| people_in(r).into_iter().map(str::to_owned).collect())
            }),
            knowledge: computed(move || members.with(|m| records.with(|r| knowledge_map(r, m)))),
            recurring: Memo::new(move |_| records.with(|r| recurring_problems(r))),
            participation: computed(move || {
                members.with(|m| {
                    let names: Vec<&str> = m.iter().map(|m| m.name.as_str()).collect();
                    records.with(|r| measure_all(r, &names))
                })
            }),
        }
    }
}
