//! Pictures of the results: bars for one round, lines across rounds. Each
//! has a caption and a table that say the same in words.

use crate::domain::assessment::Element;
use crate::domain::scoring::{trend, RoundResult};
use crate::ui::state::use_app;
use leptos::prelude::*;

const BAR_LABEL_W: usize = 110;
const BAR_W: usize = 400;
const BAR_ROW: usize = 44;

fn x_of(score: u8) -> usize {
    BAR_LABEL_W + usize::from(score) * BAR_W / 100
}

/// Median bars with a whisker from the lowest to the highest member score,
/// on a 0–100 axis with the band limits (40, 70) marked.
#[component]
pub fn RoundBars(result: RoundResult) -> impl IntoView {
    let height = 30 + BAR_ROW * 3;
    let width = BAR_LABEL_W + BAR_W + 50;
    let caption = result
        .elements
        .iter()
        .map(|e| match e.median {
            Some(m) => format!("{} {m}", e.element.label()),
            None => format!("{} no score", e.element.label()),
        })
        .collect::<Vec<_>>()
        .join(", ");
    let grid = [0u8, 40, 70, 100]
        .into_iter()
        .map(|tick| {
            let x = x_of(tick);
            view! {
                <line x1=x x2=x y1=6 y2=height - 20 class="axis"/>
                <text x=x y=height - 4 text-anchor="middle" class="tick">{tick.to_string()}</text>
            }
        })
        .collect_view();
    let bars = result
        .elements
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let y = 10 + i * BAR_ROW;
            let bar = e.median.map(|m| {
                let whisker = match (e.lowest, e.highest) {
                    (Some(low), Some(high)) => Some(view! {
                        <line x1=x_of(low) x2=x_of(high) y1=y + 14 y2=y + 14 class="whisker"/>
                    }),
                    _ => None,
                };
                view! {
                    <rect x=BAR_LABEL_W y=y + 4 width=x_of(m) - BAR_LABEL_W height=20 class=format!("bar bar-{}", e.element.slug())/>
                    {whisker}
                    <text x=x_of(m) + 6 y=y + 19 class="bar-value">{m.to_string()}</text>
                }
            });
            view! {
                <text x=BAR_LABEL_W - 8 y=y + 19 text-anchor="end" class="bar-label">{e.element.label()}</text>
                {bar}
            }
        })
        .collect_view();
    view! {
        <figure class="chart">
            <svg viewBox=format!("0 0 {width} {height}") role="img" aria-labelledby="bars-caption" class="chart-svg">
                {grid}
                {bars}
            </svg>
            <figcaption id="bars-caption">
                {format!("Median score per element, 0 to 100, with the range of member scores as a line: {caption}. Below 40 is emergent, 40 to 69 developing, 70 and above strong.")}
            </figcaption>
        </figure>
    }
}

const T_LEFT: usize = 40;
const T_W: usize = 460;
const T_H: usize = 200;
const T_TOP: usize = 10;

fn marker(element: Element, x: usize, y: usize) -> AnyView {
    // Shapes as well as colours tell the lines apart.
    match element {
        Element::Domain => view! { <circle cx=x cy=y r=5 class="point point-domain"/> }.into_any(),
        Element::Community => {
            view! { <rect x=x - 5 y=y - 5 width=10 height=10 class="point point-community"/> }
                .into_any()
        }
        Element::Practice => {
            let points = format!(
                "{},{} {},{} {},{}",
                x,
                y - 6,
                x + 6,
                y + 5,
                x.saturating_sub(6),
                y + 5
            );
            view! { <polygon points=points class="point point-practice"/> }.into_any()
        }
    }
}

/// The three elements across every round whose results can be shown.
#[component]
pub fn Trend() -> impl IntoView {
    let state = use_app();
    let results = Memo::new(move |_| {
        state.rounds.with(|rounds| {
            trend(rounds)
                .into_iter()
                .filter(|r| r.shown)
                .collect::<Vec<_>>()
        })
    });
    move || {
        let results = results.get();
        if results.len() < 2 {
            return view! {
                <section aria-labelledby="trend-title">
                    <h2 id="trend-title">"Trend across rounds"</h2>
                    <p class="quiet">"The trend appears once two rounds have results to compare."</p>
                </section>
            }
            .into_any();
        }
        let n = results.len();
        let x_at = |i: usize| T_LEFT + i * T_W / (n - 1).max(1);
        let y_at = |score: u8| T_TOP + T_H - usize::from(score) * T_H / 100;
        let lines = Element::ALL
            .into_iter()
            .enumerate()
            .map(|(k, element)| {
                let points: Vec<(usize, usize)> = results
                    .iter()
                    .enumerate()
                    .filter_map(|(i, r)| r.elements[k].median.map(|m| (x_at(i), y_at(m))))
                    .collect();
                let path = points.iter().map(|(x, y)| format!("{x},{y}")).collect::<Vec<_>>().join(" ");
                let last = points.last().copied();
                view! {
                    <polyline points=path class=format!("line line-{}", element.slug())/>
                    {points.into_iter().map(|(x, y)| marker(element, x, y)).collect_view()}
                    {last.map(|(x, y)| view! { <text x=x + 9 y=y + 4 class="line-label">{element.label()}</text> })}
                }
            })
            .collect_view();
        let dates = results
            .iter()
            .enumerate()
            .map(|(i, r)| view! { <text x=x_at(i) y=T_TOP + T_H + 18 text-anchor="middle" class="tick">{r.date.clone()}</text> })
            .collect_view();
        let rows = results
            .iter()
            .map(|r| {
                let cell = |k: usize| r.elements[k].median.map_or("—".to_owned(), |m| m.to_string());
                view! {
                    <tr><th scope="row">{r.date.clone()}</th><td>{cell(0)}</td><td>{cell(1)}</td><td>{cell(2)}</td><td>{r.respondents.to_string()}</td></tr>
                }
            })
            .collect_view();
        view! {
            <section aria-labelledby="trend-title">
                <h2 id="trend-title">"Trend across rounds"</h2>
                <figure class="chart">
                    <svg viewBox=format!("0 0 {} {}", T_LEFT + T_W + 90, T_TOP + T_H + 26) role="img" aria-labelledby="trend-caption" class="chart-svg">
                        {[0u8, 40, 70, 100].into_iter().map(|t| view! {
                            <line x1=T_LEFT x2=T_LEFT + T_W y1=y_at(t) y2=y_at(t) class="axis"/>
                            <text x=T_LEFT - 6 y=y_at(t) + 4 text-anchor="end" class="tick">{t.to_string()}</text>
                        }).collect_view()}
                        {lines}
                        {dates}
                    </svg>
                    <figcaption id="trend-caption">"Median score of each element per round (circle: domain, square: community, triangle: practice). The table gives the figures."</figcaption>
                </figure>
                <div class="table-scroll" tabindex="0" role="region" aria-label="Trend figures">
                    <table>
                        <thead><tr><th scope="col">"Round"</th><th scope="col">"Domain"</th><th scope="col">"Community"</th><th scope="col">"Practice"</th><th scope="col">"Members who answered"</th></tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            </section>
        }
        .into_any()
    }
}
