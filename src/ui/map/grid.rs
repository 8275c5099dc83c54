//! The knowledge map as a picture: topics down, people across, one mark a
//! cell. The table beside it carries the same content in words.

use crate::domain::knowledge::KnowledgeMap;
use leptos::prelude::*;

/// Beyond this the picture stops being readable; the table has the rest.
const MAX_TOPICS: usize = 30;
const MAX_PEOPLE: usize = 24;
const CELL: usize = 28;
const LABEL_W: usize = 190;
const HEAD_H: usize = 110;

fn short(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        let mut cut: String = text.chars().take(max - 1).collect();
        cut.push('…');
        cut
    }
}

#[component]
pub fn Grid(map: Memo<KnowledgeMap>) -> impl IntoView {
    move || {
        map.with(|map| {
            let topics: Vec<_> = map.topics.iter().take(MAX_TOPICS).collect();
            let people: Vec<&String> = map.people.iter().take(MAX_PEOPLE).collect();
            let width = LABEL_W + people.len().max(1) * CELL + 8;
            let height = HEAD_H + topics.len() * CELL + 8;
            let clipped = map.topics.len() > MAX_TOPICS || map.people.len() > MAX_PEOPLE;
            let heads = people
                .iter()
                .enumerate()
                .map(|(i, name)| {
                    let x = LABEL_W + i * CELL + CELL / 2;
                    let y = HEAD_H - 8;
                    view! {
                        <text x=x y=y class="grid-head" transform=format!("rotate(-50 {x} {y})")>{short(name, 16)}</text>
                    }
                })
                .collect_view();
            let rows = topics
                .iter()
                .enumerate()
                .map(|(r, row)| {
                    let y = HEAD_H + r * CELL;
                    let label = if row.is_gap() {
                        format!("{} (gap)", short(row.topic.as_str(), 18))
                    } else {
                        short(row.topic.as_str(), 24)
                    };
                    let cells = people
                        .iter()
                        .enumerate()
                        .map(|(c, person)| {
                            let cell = map.cell(r, person);
                            let (cx, cy) = (LABEL_W + c * CELL + CELL / 2, y + CELL / 2);
                            let knows = cell.declared || cell.demonstrated || cell.mapped;
                            view! {
                                <rect x=LABEL_W + c * CELL y=y width=CELL height=CELL class="grid-cell"/>
                                {knows.then(|| view! { <circle cx=cx cy=cy r=8 class="mark-knows"/> })}
                                {cell.demonstrated.then(|| view! { <circle cx=cx cy=cy r=11 class="mark-shown"/> })}
                                {(cell.learning && !knows).then(|| view! { <circle cx=cx cy=cy r=6 class="mark-learning"/> })}
                            }
                        })
                        .collect_view();
                    view! {
                        <text x=LABEL_W - 8 y=y + CELL / 2 + 5 class="grid-topic" class:grid-gap=row.is_gap() text-anchor="end">{label}</text>
                        {cells}
                    }
                })
                .collect_view();
            view! {
                <figure class="map-figure">
                    <div class="figure-scroll">
                        <svg
                            viewBox=format!("0 0 {width} {height}")
                            width=width
                            height=height
                            role="img"
                            aria-labelledby="map-figure-caption"
                            class="map-grid"
                        >
                            {heads}
                            {rows}
                        </svg>
                    </div>
                    <figcaption id="map-figure-caption">
                        "Topics down, people across. A filled dot: knows the topic (said so, showed it, or named by a mapping); "
                        "a ring around it: showed it in the repertoire; a small hollow dot: wants to learn it. "
                        "Topics marked (gap) need someone. The table below says the same in words."
                        {clipped.then(|| format!(" The picture shows the first {MAX_TOPICS} topics and {MAX_PEOPLE} people."))}
                    </figcaption>
                </figure>
            }
        })
    }
}
