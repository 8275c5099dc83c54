//! A record's own fields, shown the way each input was meant.

use crate::domain::fields::Input;
use crate::domain::payload::Payload;
use crate::domain::{fields_of, Record};
use crate::ui::markdown::Markdown;
use leptos::prelude::*;

/// Outcomes written after the fact: shown with the fields, once written.
fn outcomes(payload: &Payload) -> Vec<(&'static str, String)> {
    let pairs = match payload {
        Payload::ProblemSolving(p) => vec![
            ("Chosen approach", p.chosen_approach.clone()),
            ("Outcome", p.outcome.clone()),
        ],
        Payload::Coordination(c) => vec![("Result", c.result.clone())],
        Payload::DiscussingDevelopments(d) => vec![("Verdict", d.verdict.clone())],
        Payload::Visit(v) => vec![("Report of learnings", v.report.clone())],
        _ => Vec::new(),
    };
    pairs
        .into_iter()
        .filter(|(_, text)| !text.trim().is_empty())
        .collect()
}

#[component]
pub fn RecordFields(record: Record) -> impl IntoView {
    let values = record.payload.to_form();
    let rows = fields_of(record.kind())
        .iter()
        .filter_map(|spec| {
            let value = values.get(spec.key).filter(|v| !v.trim().is_empty())?.clone();
            let shown = match spec.input {
                Input::Text => view! { <Markdown text=value/> }.into_any(),
                Input::Lines | Input::TopicExperts => view! {
                    <ul class="plain-list">
                        {value.lines().map(|line| view! { <li>{line.to_owned()}</li> }).collect_view()}
                    </ul>
                }
                .into_any(),
                Input::Link => view! {
                    <a href=value.clone() rel="noopener noreferrer nofollow" target="_blank">{value.clone()}</a>
                }
                .into_any(),
                Input::Choice(options) => {
                    let label = options.iter().find(|(v, _)| *v == value).map_or(value.clone(), |(_, l)| (*l).to_owned());
                    label.into_any()
                }
                Input::Line | Input::Date => value.into_any(),
            };
            Some(view! {
                <dt>{spec.label}</dt>
                <dd>{shown}</dd>
            })
        })
        .collect_view();
    let outcome_rows = outcomes(&record.payload)
        .into_iter()
        .map(|(label, text)| {
            view! {
                <dt>{label}</dt>
                <dd class="outcome"><Markdown text/></dd>
            }
        })
        .collect_view();
    view! {
        <dl class="fields">
            {outcome_rows}
            {rows}
        </dl>
    }
}
