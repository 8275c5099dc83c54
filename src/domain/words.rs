//! Small helpers for writing figures in sentences members read.

/// "1 record", "3 records", "12,000 records": the count with the word that
/// fits it.
pub fn plural(count: usize, one: &str, many: &str) -> String {
    format!("{} {}", figure(count), if count == 1 { one } else { many })
}

/// 100000 as "100,000": a count members take in at a glance.
pub fn figure(count: usize) -> String {
    let digits = count.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (at, digit) in digits.char_indices() {
        if at > 0 && (digits.len() - at).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn one_and_many() {
        assert_eq!(super::plural(1, "record", "records"), "1 record");
        assert_eq!(super::plural(0, "record", "records"), "0 records");
        assert_eq!(super::plural(20_000, "record", "records"), "20,000 records");
    }

    #[test]
    fn figures_are_grouped_by_thousands() {
        let cases = [
            (0, "0"),
            (7, "7"),
            (999, "999"),
            (1_000, "1,000"),
            (12_345, "12,345"),
            (100_000, "100,000"),
            (1_234_567, "1,234,567"),
            (4_294_967_295, "4,294,967,295"),
        ];
        for (count, written) in cases {
            assert_eq!(super::figure(count), written);
        }
    }
}
