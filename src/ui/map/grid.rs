//! The knowledge map as a picture: topics down, people across, one mark a
//! cell. The table beside it carries the same content in words.

use crate::domain::knowledge::KnowledgeMap;
use crate::ui::dom::{el, svg, Node};

/// Beyond this the picture stops being readable; the table has the rest.
const MAX_TOPICS: usize = 30;
const MAX_PEOPLE: usize = 24;
const CELL: usize = 28;
const LABEL_W: usize = 190;
/// Room for the slanted names; shorter names need less.
const MAX_HEAD_H: usize = 110;

pub fn short(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        let mut cut: String = text.chars().take(max - 1).collect();
        cut.push('…');
        cut
    }
}

fn circle(cx: usize, cy: usize, r: usize, class: &'static str) -> Node {
    svg("circle")
        .attr("cx", cx)
        .attr("cy", cy)
        .attr("r", r)
        .class(class)
}

pub fn grid(map: &KnowledgeMap) -> Node {
    let people: Vec<&String> = map.people.iter().take(MAX_PEOPLE).collect();
    let topics = map.topics.len().min(MAX_TOPICS);
    let longest = people
        .iter()
        .map(|p| p.chars().count().min(16))
        .max()
        .unwrap_or(0);
    let head_h = (24 + longest * 6).min(MAX_HEAD_H);
    let width = LABEL_W + people.len().max(1) * CELL + 8;
    let height = head_h + topics * CELL + 8;
    let clipped = map.topics.len() > MAX_TOPICS || map.people.len() > MAX_PEOPLE;
    let mut picture = svg("svg")
        .attr("viewBox", format!("0 0 {width} {height}"))
        .attr("width", width)
        .attr("height", height)
        .attr("role", "img")
        .attr("aria-labelledby", "map-figure-caption")
        .class("map-grid");
    for (i, name) in people.iter().enumerate() {
        let (x, y) = (LABEL_W + i * CELL + CELL / 2, head_h - 8);
        picture = picture.child(
            svg("text")
                .attr("x", x)
                .attr("y", y)
                .attr("transform", format!("rotate(-50 {x} {y})"))
                .class("grid-head")
                .text(short(name, 16)),
        );
    }
    for (r, row) in map.topics.iter().take(MAX_TOPICS).enumerate() {
        let y = head_h + r * CELL;
        let label = if row.is_gap() {
            format!("{} (gap)", short(row.topic.as_str(), 18))
        } else {
            short(row.topic.as_str(), 24)
        };
        picture = picture.child(
            svg("text")
                .attr("x", LABEL_W - 8)
                .attr("y", y + CELL / 2 + 5)
                .attr("text-anchor", "end")
                .class(if row.is_gap() {
                    "grid-topic grid-gap"
                } else {
                    "grid-topic"
                })
                .text(label),
        );
        for (c, person) in people.iter().enumerate() {
            let cell = map.cell(r, person);
            let (cx, cy) = (LABEL_W + c * CELL + CELL / 2, y + CELL / 2);
            let knows = cell.declared || cell.demonstrated || cell.mapped;
            picture = picture.child(
                svg("rect")
                    .attr("x", LABEL_W + c * CELL)
                    .attr("y", y)
                    .attr("width", CELL)
                    .attr("height", CELL)
                    .class("grid-cell"),
            );
            if knows {
                picture = picture.child(circle(cx, cy, 8, "mark-knows"));
            }
            if cell.demonstrated {
                picture = picture.child(circle(cx, cy, 11, "mark-shown"));
            }
            if cell.learning && !knows {
                picture = picture.child(circle(cx, cy, 6, "mark-learning"));
            }
        }
    }
    let mut caption = "Topics down, people across. A filled dot: knows the topic (said so, showed it, or named by a mapping); \
        a ring around it: showed it in the repertoire; a small hollow dot: wants to learn it. \
        Topics marked (gap) need someone. The table below says the same in words."
        .to_owned();
    if clipped {
        caption.push_str(&format!(
            " The picture shows the first {MAX_TOPICS} topics and {MAX_PEOPLE} people."
        ));
    }
    el("figure")
        .class("map-figure")
        .child(el("div").class("figure-scroll").child(picture))
        .child(
            el("figcaption")
                .attr("id", "map-figure-caption")
                .text(caption),
        )
}
