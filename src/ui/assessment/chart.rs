//! Pictures of the results: bars for one round, lines across rounds. Each
//! has a caption, and the trend a table, that say the same in words.

use crate::domain::assessment::Element;
use crate::domain::scoring::RoundResult;
use crate::ui::dom::{el, none, svg, Node};

const BAR_LABEL_W: usize = 110;
const BAR_W: usize = 400;
const BAR_ROW: usize = 44;

fn x_of(score: u8) -> usize {
    BAR_LABEL_W + usize::from(score) * BAR_W / 100
}

fn line(x1: usize, x2: usize, y1: usize, y2: usize, class: &'static str) -> Node {
    svg("line")
        .attr("x1", x1)
        .attr("x2", x2)
        .attr("y1", y1)
        .attr("y2", y2)
        .class(class)
}

fn label(x: usize, y: usize, anchor: &'static str, class: &'static str, content: String) -> Node {
    svg("text")
        .attr("x", x)
        .attr("y", y)
        .attr("text-anchor", anchor)
        .class(class)
        .text(content)
}

/// Median bars with a whisker from the lowest to the highest member score,
/// on a 0–100 axis with the band limits (40, 70) marked.
pub fn round_bars(result: &RoundResult) -> Node {
    let height = 30 + BAR_ROW * 3;
    let width = BAR_LABEL_W + BAR_W + 50;
    let summary = result
        .elements
        .iter()
        .map(|e| match e.median {
            Some(m) => format!("{} {m}", e.element.label()),
            None => format!("{} no score", e.element.label()),
        })
        .collect::<Vec<_>>()
        .join(", ");
    let mut picture = svg("svg")
        .attr("viewBox", format!("0 0 {width} {height}"))
        .attr("role", "img")
        .attr("aria-labelledby", "bars-caption")
        .class("chart-svg");
    for tick in [0u8, 40, 70, 100] {
        let x = x_of(tick);
        picture = picture
            .child(line(x, x, 6, height - 20, "axis"))
            .child(label(x, height - 4, "middle", "tick", tick.to_string()));
    }
    for (i, e) in result.elements.iter().enumerate() {
        let y = 10 + i * BAR_ROW;
        picture = picture.child(label(
            BAR_LABEL_W - 8,
            y + 19,
            "end",
            "bar-label",
            e.element.label().to_owned(),
        ));
        if let Some(m) = e.median {
            picture = picture.child(
                svg("rect")
                    .attr("x", BAR_LABEL_W)
                    .attr("y", y + 4)
                    .attr("width", x_of(m) - BAR_LABEL_W)
                    .attr("height", 20)
                    .attr("class", format!("bar bar-{}", e.element.slug())),
            );
            if let (Some(low), Some(high)) = (e.lowest, e.highest) {
                picture = picture.child(line(x_of(low), x_of(high), y + 14, y + 14, "whisker"));
            }
            // The value sits past the whisker, so the line never crosses it.
            let end = e.highest.map_or(m, |high| high.max(m));
            picture = picture.child(label(
                x_of(end) + 6,
                y + 19,
                "start",
                "bar-value",
                m.to_string(),
            ));
        }
    }
    el("figure").class("chart").child(picture).child(
        el("figcaption").attr("id", "bars-caption").text(format!(
            "Median score per element, 0 to 100, with the range of member scores as a line: {summary}. \
             Below 40 is emergent, 40 to 69 developing, 70 and above strong."
        )),
    )
}

const T_LEFT: usize = 40;
const T_W: usize = 460;
const T_H: usize = 200;
const T_TOP: usize = 10;

fn marker(element: Element, x: usize, y: usize) -> Node {
    // Shapes as well as colours tell the lines apart.
    match element {
        Element::Domain => svg("circle")
            .attr("cx", x)
            .attr("cy", y)
            .attr("r", 5)
            .class("point point-domain"),
        Element::Community => svg("rect")
            .attr("x", x.saturating_sub(5))
            .attr("y", y.saturating_sub(5))
            .attr("width", 10)
            .attr("height", 10)
            .class("point point-community"),
        Element::Practice => svg("polygon")
            .attr(
                "points",
                format!(
                    "{},{} {},{} {},{}",
                    x,
                    y.saturating_sub(6),
                    x + 6,
                    y + 5,
                    x.saturating_sub(6),
                    y + 5
                ),
            )
            .class("point point-practice"),
    }
}

/// The three elements across the rounds whose results can be shown.
pub fn trend(results: &[RoundResult]) -> Node {
    let heading = el("h2")
        .attr("id", "trend-title")
        .text("Trend across rounds");
    let section = el("section")
        .attr("aria-labelledby", "trend-title")
        .child(heading);
    if results.len() < 2 {
        return section.child(
            el("p")
                .class("quiet")
                .text("The trend appears once two rounds have results to compare."),
        );
    }
    let n = results.len();
    let x_at = |i: usize| T_LEFT + i * T_W / (n - 1);
    let y_at = |score: u8| T_TOP + T_H - usize::from(score) * T_H / 100;
    let mut picture = svg("svg")
        .attr(
            "viewBox",
            format!("0 0 {} {}", T_LEFT + T_W + 90, T_TOP + T_H + 26),
        )
        .attr("role", "img")
        .attr("aria-labelledby", "trend-caption")
        .class("chart-svg");
    for t in [0u8, 40, 70, 100] {
        picture = picture
            .child(line(T_LEFT, T_LEFT + T_W, y_at(t), y_at(t), "axis"))
            .child(label(T_LEFT - 6, y_at(t) + 4, "end", "tick", t.to_string()));
    }
    for (k, element) in Element::ALL.into_iter().enumerate() {
        let points: Vec<(usize, usize)> = results
            .iter()
            .enumerate()
            .filter_map(|(i, r)| r.elements[k].median.map(|m| (x_at(i), y_at(m))))
            .collect();
        let path = points
            .iter()
            .map(|(x, y)| format!("{x},{y}"))
            .collect::<Vec<_>>()
            .join(" ");
        picture = picture.child(
            svg("polyline")
                .attr("points", path)
                .attr("class", format!("line line-{}", element.slug())),
        );
        for (x, y) in &points {
            picture = picture.child(marker(element, *x, *y));
        }
        picture = picture.child(match points.last() {
            Some((x, y)) => label(
                x + 9,
                y + 4,
                "start",
                "line-label",
                element.label().to_owned(),
            ),
            None => none(),
        });
    }
    for (i, r) in results.iter().enumerate() {
        picture = picture.child(label(
            x_at(i),
            T_TOP + T_H + 18,
            "middle",
            "tick",
            r.date.clone(),
        ));
    }
    let head = [
        "Round",
        "Domain",
        "Community",
        "Practice",
        "Members who answered",
    ]
    .into_iter()
    .map(|h| el("th").attr("scope", "col").text(h));
    let rows = results.iter().map(|r| {
        let cells = r
            .elements
            .iter()
            .map(|e| e.median.map_or("—".to_owned(), |m| m.to_string()))
            .chain([r.respondents.to_string()])
            .map(|cell| el("td").text(cell));
        el("tr")
            .child(el("th").attr("scope", "row").text(r.date.clone()))
            .children(cells)
    });
    section
        .child(
            el("figure").class("chart").child(picture).child(
                el("figcaption").attr("id", "trend-caption").text(
                    "Median score of each element per round (circle: domain, square: community, triangle: practice). \
                     The table gives the figures.",
                ),
            ),
        )
        .child(
            el("div")
                .class("table-scroll")
                .attr("tabindex", "0")
                .attr("role", "region")
                .attr("aria-label", "Trend figures")
                .child(
                    el("table")
                        .child(el("thead").child(el("tr").children(head)))
                        .child(el("tbody").children(rows)),
                ),
        )
}
