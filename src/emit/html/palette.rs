//! Colours for risk levels. Levels are the project's own (any
//! number, any names), so their colour comes from their position: the lowest green, the
//! highest red, the ones between spread over yellow and orange.

/// Five stops from green to red: (CSS class, cell fill, ink).
const STOPS: [(&str, &str, &str); 5] = [
    ("lvl lvl-0", "#d9eed6", "#1e5424"),
    ("lvl lvl-1", "#ecf2c6", "#4a5a12"),
    ("lvl lvl-2", "#fdeeb9", "#6e4f00"),
    ("lvl lvl-3", "#fbd6b0", "#7c3a05"),
    ("lvl lvl-4", "#f5c1bc", "#7f1711"),
];

/// The stop of level `rank` (0 = lowest) out of `count` levels.
fn stop(rank: usize, count: usize) -> usize {
    match (count, rank) {
        (0 | 1, _) => 0,
        (2, r) => [0, 4].get(r).copied().unwrap_or(4),
        (3, r) => [0, 2, 4].get(r).copied().unwrap_or(4),
        (4, r) => [0, 2, 3, 4].get(r).copied().unwrap_or(4),
        (n, r) => (r.min(n - 1) * 4 + (n - 1) / 2) / (n - 1),
    }
}

fn pick(rank: Option<usize>, count: usize) -> Option<(&'static str, &'static str, &'static str)> {
    rank.and_then(|r| STOPS.get(stop(r, count)).copied())
}

/// The pill class of a level; plain grey when the level is unknown.
pub fn level_class(rank: Option<usize>, count: usize) -> &'static str {
    pick(rank, count).map_or("lvl", |(c, _, _)| c)
}

/// (fill, ink) of a heat map cell.
pub fn level_fill(rank: Option<usize>, count: usize) -> (&'static str, &'static str) {
    pick(rank, count).map_or(("#eef0f3", "#3b4350"), |(_, f, i)| (f, i))
}

#[cfg(test)]
mod tests {
    use super::stop;

    #[test]
    fn lowest_is_green_and_highest_red() {
        for n in 2..9 {
            assert_eq!(stop(0, n), 0);
            assert_eq!(stop(n - 1, n), 4, "{n} levels");
        }
        assert_eq!((0..4).map(|r| stop(r, 4)).collect::<Vec<_>>(), [0, 2, 3, 4]);
    }
}
