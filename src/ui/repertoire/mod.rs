//! Repertoire: every record, with counts per kind.

use super::browser::format_time;
use super::home::FirstSteps;
use super::icon::KindIcon;
use super::layout::ViewLink;
use super::route::View;
use super::state::use_app;
use crate::domain::{ActivityKind, Record};
use leptos::prelude::*;

#[component]
pub fn RepertoireList() -> impl IntoView {
    let state = use_app();
    let counts = move || {
        state.records.with(|records| {
            ActivityKind::ALL
                .into_iter()
                .map(|kind| (kind, records.iter().filter(|r| r.kind() == kind).count()))
                .filter(|(_, count)| *count > 0)
                .collect::<Vec<_>>()
        })
    };
    let total = move || state.records.with(Vec::len);
    view! {
        <section aria-labelledby="view-title">
            <h1 id="view-title" tabindex="-1">"Repertoire"</h1>
            <Show when=move || { total() > 0 } fallback=|| view! { <FirstSteps/> }>
                <p class="quiet">
                    {move || match total() {
                        1 => "1 record".to_owned(),
                        n => format!("{n} records"),
                    }}
                </p>
                <ul class="counts" aria-label="Records per kind">
                    {move || {
                        counts()
                            .into_iter()
                            .map(|(kind, count)| {
                                view! {
                                    <li>
                                        <KindIcon kind/>
                                        {format!(" {}: {count}", kind.label())}
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
                <ul class="rows">
                    <For each=move || state.records.get() key=|record| (record.id, record.updated) let(record)>
                        <RecordRow record/>
                    </For>
                </ul>
            </Show>
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
                    {(!topics.is_empty()).then(|| view! { <span class="topics">" · " {topics}</span> })}
                </p>
            </div>
        </li>
    }
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
