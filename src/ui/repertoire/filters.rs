//! The search box and the filters; every change rewrites the view's query.

use crate::domain::search::{Query, Sort};
use crate::domain::{ActivityKind, Status, Topic};
use crate::ui::route::View;
use crate::ui::state::use_app;
use leptos::prelude::*;

/// (value, label) pairs of a select.
type Options = Vec<(String, String)>;

fn fixed<T: Copy>(
    items: &[T],
    value: fn(T) -> &'static str,
    label: fn(T) -> &'static str,
) -> Options {
    items
        .iter()
        .map(|&item| (value(item).to_owned(), label(item).to_owned()))
        .collect()
}

#[component]
fn ChoiceFilter(
    id: &'static str,
    label: &'static str,
    /// The "no filter" option's label; none for a choice that is never empty.
    #[prop(optional)]
    any: Option<&'static str>,
    #[prop(into)] options: Signal<Options>,
    #[prop(into)] selected: Signal<String>,
    on_change: Callback<String>,
) -> impl IntoView {
    view! {
        <div class="filter">
            <label for=id>{label}</label>
            <select id=id on:change=move |ev| on_change.run(event_target_value(&ev))>
                {any.map(|any| view! { <option value="" prop:selected=move || selected.with(String::is_empty)>{any}</option> })}
                {move || {
                    options
                        .get()
                        .into_iter()
                        .map(|(value, text)| {
                            let current = value.clone();
                            view! { <option value=value prop:selected=move || selected.with(|s| s.to_lowercase() == current.to_lowercase())>{text}</option> }
                        })
                        .collect_view()
                }}
            </select>
        </div>
    }
}

#[component]
pub fn Filters(query: Memo<Query>) -> impl IntoView {
    let state = use_app();
    let change = move |edit: Box<dyn Fn(&mut Query)>| {
        let mut next = query.get_untracked();
        edit(&mut next);
        state.view.set(View::Repertoire(next));
    };
    let choices = |list: Memo<Vec<String>>| {
        Signal::derive(move || list.with(|l| l.iter().map(|v| (v.clone(), v.clone())).collect()))
    };
    let topics = choices(state.derived.topics);
    let members = choices(state.derived.people);
    let picked = move |read: fn(&Query) -> Option<String>| {
        Signal::derive(move || query.with(read).unwrap_or_default())
    };
    view! {
        <form class="filters" role="search" on:submit=|ev| ev.prevent_default()>
            <div class="search">
                <label for="search">"Search the repertoire"</label>
                <input
                    id="search"
                    type="search"
                    placeholder="Words from titles, fields, contributions…"
                    autocomplete="off"
                    prop:value=move || query.with(|q| q.text.clone())
                    on:input=move |ev| {
                        let text = event_target_value(&ev);
                        change(Box::new(move |q| q.text = text.clone()));
                    }
                />
            </div>
            <ChoiceFilter id="filter-kind" label="Kind" any="All kinds"
                options=fixed(&ActivityKind::ALL, ActivityKind::slug, ActivityKind::label)
                selected=picked(|q| q.kind.map(|k| k.slug().to_owned()))
                on_change=Callback::new(move |v: String| change(Box::new(move |q| q.kind = ActivityKind::from_slug(&v))))/>
            <ChoiceFilter id="filter-status" label="Status" any="Any status"
                options=fixed(&Status::ALL, Status::slug, Status::label)
                selected=picked(|q| q.status.map(|s| s.slug().to_owned()))
                on_change=Callback::new(move |v: String| change(Box::new(move |q| q.status = Status::from_slug(&v))))/>
            <ChoiceFilter id="filter-topic" label="Topic" any="Any topic"
                options=topics
                selected=picked(|q| q.topic.as_ref().map(Topic::to_string))
                on_change=Callback::new(move |v: String| change(Box::new(move |q| q.topic = Topic::new(&v))))/>
            <ChoiceFilter id="filter-member" label="Member" any="Anyone"
                options=members
                selected=picked(|q| q.member.clone())
                on_change=Callback::new(move |v: String| change(Box::new(move |q| q.member = Some(v.clone()).filter(|m| !m.is_empty()))))/>
            <ChoiceFilter id="filter-sort" label="Order"
                options=fixed(&Sort::ALL, Sort::slug, Sort::label)
                selected=picked(|q| Some(q.sort.slug().to_owned()))
                on_change=Callback::new(move |v: String| change(Box::new(move |q| q.sort = Sort::from_slug(&v).unwrap_or_default())))/>
            <Show when=move || !query.with(Query::is_empty)>
                <button type="button" class="secondary clear" on:click=move |_| {
                    let sort = query.get_untracked().sort;
                    state.view.set(View::Repertoire(Query { sort, ..Query::default() }));
                }>"Clear search and filters"</button>
            </Show>
        </form>
    }
}
