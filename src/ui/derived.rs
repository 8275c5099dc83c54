//! What views derive from the whole repertoire: computed when a view first
//! reads it, again only after what it is made from changes, and shared
//! by every view. Going back to a view does not redo it; with 100,000
//! records each of these takes tens of milliseconds.

use crate::domain::choices::Choices;
use crate::domain::community::CommunityProfile;
use crate::domain::facts::{facts, ElementFacts};
use crate::domain::knowledge::{knowledge_map, KnowledgeMap};
use crate::domain::links::{recurring_problems, Recurring};
use crate::domain::member::Member;
use crate::domain::participation::{measure_all, Participation};
use crate::domain::search::SearchIndex;
use crate::domain::{Id, Record};
use crate::ui::browser;
use leptos::prelude::*;
use rustc_hash::FxHashSet;

#[derive(Clone, Copy)]
pub struct Derived {
    records: ReadSignal<Vec<Record>>,
    /// Records saved, deleted or taken from another tab since the search
    /// index was last built, or `None` for all of them (a load, an import).
    changed: StoredValue<Option<FxHashSet<Id>>>,
    /// The filter choices as counts, kept up to date record by record once
    /// a view asked for them; `None` until then and after a load.
    choices: StoredValue<Option<Choices>>,
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
    /// The repertoire's figures per element, for Home and the
    /// self-assessment.
    pub facts: Memo<[ElementFacts; 3]>,
    /// Today, in days since the epoch: "the last 90 days" of the facts
    /// move on with it even when nothing is written.
    day: RwSignal<i64>,
}

const DAY_MS: i64 = 24 * 3_600_000;

fn today() -> i64 {
    browser::now().0.div_euclid(DAY_MS)
}

/// A memo that never compares a new value with the old one: comparing
/// would cost about as much as computing it, and it is computed only when
/// what it is made from changed.
fn computed<T: Send + Sync + 'static>(compute: impl Fn() -> T + Send + Sync + 'static) -> Memo<T> {
    Memo::new_with_compare(move |_| compute(), |_, _| true)
}

impl Derived {
    pub fn new(
        records: ReadSignal<Vec<Record>>,
        members: RwSignal<Vec<Member>>,
        profile: RwSignal<Option<CommunityProfile>>,
    ) -> Derived {
        let changed = StoredValue::new(None);
        let choices = StoredValue::new(None);
        let day = RwSignal::new(today());
        // Counted from every record only the first time, and after a load.
        let read_choices = move |read: fn(&Choices) -> Vec<String>| {
            records.track();
            if choices.with_value(Option::is_none) {
                let counted = records.with_untracked(|r| Choices::of(r));
                choices.set_value(Some(counted));
            }
            choices
                .with_value(|c| c.as_ref().map(read))
                .unwrap_or_default()
        };
        Derived {
            records,
            changed,
            choices,
            // A save refolds one record's text instead of every record's.
            search_index: Memo::new_with_compare(
                move |previous: Option<&(u64, SearchIndex)>| {
                    let generation = previous.map_or(0, |(g, _)| g + 1);
                    let since = changed
                        .try_update_value(|c| c.replace(FxHashSet::default()))
                        .flatten();
                    let index = records.with(|r| match (previous, since) {
                        (Some((_, previous)), Some(ids)) => SearchIndex::rebuild(previous, r, &ids),
                        _ => SearchIndex::build(r),
                    });
                    (generation, index)
                },
                |_, _| true,
            ),
            // Short lists: compared, so that a save leaves the filters as
            // they are unless a topic or a name came or went.
            topics: Memo::new(move |_| read_choices(Choices::topics)),
            people: Memo::new(move |_| read_choices(Choices::people)),
            knowledge: computed(move || members.with(|m| records.with(|r| knowledge_map(r, m)))),
            recurring: Memo::new(move |_| records.with(|r| recurring_problems(r))),
            participation: computed(move || {
                members.with(|m| {
                    let names: Vec<&str> = m.iter().map(|m| m.name.as_str()).collect();
                    records.with(|r| measure_all(r, &names))
                })
            }),
            facts: Memo::new(move |_| {
                day.track();
                records.with(|r| {
                    members.with(|m| profile.with(|p| facts(r, m, p.as_ref(), browser::now())))
                })
            }),
            day,
        }
    }

    /// On a view change: a page left open overnight computes its facts
    /// again for the new day.
    pub fn follow_the_day(&self) {
        let today = today();
        if self.day.get_untracked() != today {
            self.day.set(today);
        }
    }

    /// Before `record` takes the place of its earlier version in
    /// `records`, or joins it.
    pub fn will_put(&self, record: &Record) {
        self.will_change(
            &FxHashSet::from_iter([record.id]),
            std::slice::from_ref(record),
        );
    }

    /// Before the record `id` leaves `records`.
    pub fn will_drop(&self, id: Id) {
        self.will_change(&FxHashSet::from_iter([id]), &[]);
    }

    /// Before the records `ids` leave `records` and `new` take their
    /// place: one pass over the records, however many changed.
    pub fn will_change(&self, ids: &FxHashSet<Id>, new: &[Record]) {
        self.changed.update_value(|c| {
            if let Some(changed) = c {
                changed.extend(ids);
            }
        });
        self.choices.update_value(|c| {
            if let Some(choices) = c {
                self.records.with_untracked(|records| {
                    for old in records.iter().filter(|r| ids.contains(&r.id)) {
                        choices.remove(old);
                    }
                });
                for record in new {
                    choices.add(record);
                }
            }
        });
    }

    /// Before `records` is replaced as a whole.
    pub fn will_replace(&self) {
        self.changed.set_value(None);
        self.choices.set_value(None);
    }
}
