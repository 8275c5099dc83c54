//! Repertoire: search first, filters beside it, a compact list, counts per
//! kind. The query lives in the view (and so in the URL hash).

mod filters;
mod suggestions;

pub use suggestions::RecurringSuggestions;

use super::browser::format_time;
use super::home::FirstSteps;
use super::icon::KindIcon;
use super::layout::ViewLink;
use super::route::View;
use super::state::use_app;
use crate::domain::search::{Found, Query};
use crate::domain::words::{figure, plural};
use crate::domain::{ActivityKind, Record};
use crate::store::idb::next_task;
use filters::Filters;
use leptos::prelude::*;

/// Rows rendered at first and added by "Show more": the list stays light
/// however large the repertoire grows.
pub const PAGE: usize = 50;

/// How long one slice of background work may hold the page.
const SLICE_MS: f64 = 30.0;

#[component]
pub fn RepertoireList() -> impl IntoView {
    let state = use_app();
    let query = Memo::new(move |_| match state.view.get() {
        View::Repertoire(query) => query,
        _ => Query::default(),
    });
    let index = state.derived.search_index;
    // Folding every record's text takes long in a large repertoire: it is
    // done in slices while the list is shown, so the first keystroke finds
    // it ready and the page stays responsive meanwhile. What is folded is
    // kept with the index; leaving the list stops the slicing.
    let shown_here = StoredValue::new(());
    Effect::new(move |_| {
        let generation = index.with(|(generation, _)| *generation);
        leptos::task::spawn_local(async move {
            loop {
                if shown_here.is_disposed() {
                    break;
                }
                let ready = index.try_with_untracked(|(current, index)| {
                    let started = js_sys::Date::now();
                    *current != generation
                        || state.records.with_untracked(|records| {
                            index.prepare(records, || js_sys::Date::now() - started < SLICE_MS)
                        })
                });
                match ready {
                    Some(false) => next_task().await,
                    _ => break,
                }
            }
        });
    });
    // Each keystroke typed on scans only what the previous one found.
    let search = Memo::new_with_compare(
        move |previous: Option<&(u64, Found)>| {
            let query = query.get();
            index.with(|(generation, index)| {
                state.records.with(|records| {
                    let positions = match previous {
                        Some((g, found)) if g == generation => index.narrow(records, &query, found),
                        _ => index.run(records, &query),
                    };
                    (*generation, Found { query, positions })
                })
            })
        },
        |_, _| true,
    );
    let found_count = move || search.with(|(_, found)| found.positions.len());
    let shown = RwSignal::new(PAGE);
    Effect::new(move |_| {
        query.track();
        shown.set(PAGE);
    });
    let total = move || state.records.with(Vec::len);
    let counts = move || {
        state.records.with(|records| {
            let mut counts = [0; ActivityKind::ALL.len()];
            for record in records {
                if let Some(i) = ActivityKind::ALL.iter().position(|&k| k == record.kind()) {
                    counts[i] += 1;
                }
            }
            ActivityKind::ALL
                .into_iter()
                .zip(counts)
                .filter(|(_, count)| *count > 0)
                .collect::<Vec<_>>()
        })
    };
    let rows = move || {
        let limit = shown.get();
        search.with(|(_, found)| {
            state.records.with(|records| {
                found
                    .positions
                    .iter()
                    .take(limit)
                    .map(|&i| records[i].clone())
                    .collect::<Vec<_>>()
            })
        })
    };
    let summary = move || {
        let (found, total) = (found_count(), total());
        match (query.with(Query::is_empty), found) {
            (true, 1) => "1 record".to_owned(),
            (true, n) => format!("{} records", figure(n)),
            (false, 0) => format!(
                "Nothing matches among {}. Try fewer words or clear a filter.",
                plural(total, "record", "records")
            ),
            (false, n) => format!(
                "{} of {} {}",
                figure(n),
                plural(total, "record", "records"),
                if n == 1 { "matches" } else { "match" }
            ),
        }
    };
    view! {
        <section aria-labelledby="view-title">
            <h1 id="view-title" tabindex="-1">"Repertoire"</h1>
            <Show when=move || { total() > 0 } fallback=|| view! { <FirstSteps/> }>
                <Filters query/>
                <p class="quiet result-count" role="status">{summary}</p>
                <ul class="counts" aria-label="Records per kind">
                    {move || {
                        counts()
                            .into_iter()
                            .map(|(kind, count)| {
                                view! {
                                    <li>
                                        <KindIcon kind/>
                                        {format!(" {}: {}", kind.label(), figure(count))}
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
                <RecurringSuggestions/>
                <ul class="rows">
                    <For each=rows key=|record| (record.id, record.updated, record.contributions.len(), record.status) let(record)>
                        <RecordRow record/>
                    </For>
                </ul>
                <Show when=move || { found_count() > shown.get() }>
                    <p>
                        <button type="button" class="secondary" on:click=move |_| shown.update(|n| *n += PAGE)>
                            {move || format!("Show {} more", (found_count() - shown.get()).min(PAGE))}
                        </button>
                    </p>
                </Show>
            </Show>
        </section>
    }
}

/// The latest records while the repertoire loads: the list a member came
/// for, readable and clickable at once; searching and filtering wait for
/// the whole repertoire.
#[component]
pub fn RecentRows(records: Vec<Record>) -> impl IntoView {
    view! {
        <section aria-labelledby="view-title">
            <h1 id="view-title" tabindex="-1">"Repertoire"</h1>
            <p class="quiet result-count" role="status">"The latest records; loading the whole repertoire…"</p>
            <ul class="rows">
                {records.into_iter().map(|record| view! { <RecordRow record/> }).collect_view()}
            </ul>
        </section>
    }
}

/// A record in a list: kind, title, author, status, topics, last change.
#[component]
pub fn RecordRow(record: Record) -> impl IntoView {
    let kind = record.kind();
    let topics = record
        .topics
        .iter()
        .map(|t| t.as_str().to_owned())
        .collect::<Vec<_>>()
        .join(", ");
    let last = record.last_activity();
    let count = record.contributions.len();
    let (id, title, author, status) = (record.id, record.title, record.author, record.status);
    view! {
        <li class="row">
            <KindBadge kind/>
            <div class="row-main">
                <ViewLink to=View::Record(id) class="row-title">{title}</ViewLink>
                <p class="row-meta">
                    <span>{author}</span>
                    " · "
                    <span class="status">{status.label()}</span>
                    " · "
                    <time>{format_time(last)}</time>
                    {(count > 0).then(|| view! { <span>" · " {plural(count, "contribution", "contributions")}</span> })}
                    {(!topics.is_empty()).then(|| view! { <span class="topics">" · " {topics}</span> })}
                    {move || versions_in_conflict(id).map(|n| view! { <span class="in-conflict">" · " {n} " versions to reconcile"</span> })}
                </p>
            </div>
        </li>
    }
}

/// How many versions of a record wait for a member to reconcile them
/// (the one shown and its conflicts); `None` when there is one.
pub fn versions_in_conflict(id: crate::domain::Id) -> Option<u32> {
    crate::ui::state::use_app()
        .versions
        .with(|versions| versions.get(&id).map(|v| v.conflicts))
        .filter(|n| *n > 0)
        .map(|n| n + 1)
}

/// The kind as an icon and a word: never colour alone.
#[component]
pub fn KindBadge(kind: ActivityKind) -> impl IntoView {
    view! {
        <span class="kind" data-kind=kind.slug()>
            <KindIcon kind/>
            " "
            {kind.short_label()}
        </span>
    }
}
