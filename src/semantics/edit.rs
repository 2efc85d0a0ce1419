//! "One edit apart" (docs/bot-runtime.md, "Matching"): the Levenshtein distance — one letter
//! inserted, deleted or replaced counts one edit — checked against a small bound, so a typo
//! such as «жалабу» still reads as «жалобу». A swap of two neighbouring letters is two edits:
//! the simplest distance to implement identically in any runtime.

/// Whether `a` and `b` are at most `max` edits apart. Works on chars, never bytes: a
/// Cyrillic letter is one letter, not two.
pub fn within(a: &[char], b: &[char], max: usize) -> bool {
    if a.len().abs_diff(b.len()) > max {
        return false;
    }
    if a == b {
        return true;
    }
    if max == 0 {
        return false;
    }
    // Two rows of the classic table; any row whose least value exceeds `max` ends the search.
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut row = vec![0; b.len() + 1];
    for (i, &ca) in a.iter().enumerate() {
        row[0] = i + 1;
        let mut least = row[0];
        for (j, &cb) in b.iter().enumerate() {
            let replace = prev[j] + usize::from(ca != cb);
            row[j + 1] = replace.min(prev[j + 1] + 1).min(row[j] + 1);
            least = least.min(row[j + 1]);
        }
        if least > max {
            return false;
        }
        std::mem::swap(&mut prev, &mut row);
    }
    prev[b.len()] <= max
}

#[cfg(test)]
mod tests {
    use super::within;

    fn w(a: &str, b: &str, max: usize) -> bool {
        let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
        within(&a, &b, max)
    }

    #[test]
    fn counts_inserts_deletes_and_replacements() {
        assert!(w("жалоб", "жалаб", 1));
        assert!(w("запись", "записи", 1));
        assert!(w("срочн", "срочно", 1));
        assert!(w("cancel", "cancl", 1));
        assert!(!w("несрочн", "срочн", 1));
        assert!(w("несрочн", "срочн", 2));
        assert!(w("same", "same", 0));
        assert!(!w("same", "sane", 0));
    }

    #[test]
    fn a_swap_of_neighbours_is_two_edits() {
        assert!(!w("срочно", "сорчно", 1));
        assert!(w("срочно", "сорчно", 2));
    }

    #[test]
    fn counts_letters_not_bytes() {
        // «е» and «ё» are two bytes each; one replacement.
        assert!(w("отек", "отёк", 1));
        assert!(!w("аб", "абвг", 1));
    }
}
