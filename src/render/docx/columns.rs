//! Column widths of the tables in `word/document.xml`, from their content: the
//! widest unbreakable word of each column, measured with Times New Roman's advance
//! widths, and the length of its longest cell. Apart from the table writer
//! because it is arithmetic over text, with no XML in it, and tested as such.

/// Approximate width of one character of table text (11 pt serif, Cyrillic), for how
/// much a column wants; plus the cell's left and right margins. In twips.
const CHAR_WIDTH: u32 = 105;
const CELL_PADDING: u32 = 2 * 115;
const MIN_COLUMN: u32 = 850;
/// Cells longer than this wrap anyway; more length should not take more width.
const MAX_WEIGHT_CHARS: usize = 60;

/// Advance width of `c` in thousandths of an em, after Times New Roman (and the
/// metric-compatible Liberation Serif that `LibreOffice` uses): capitals and a few Cyrillic
/// letters are far wider than the average, which is what breaks a code such as
/// `UF_CRM_REGL_CHANNEL` when every character is counted alike.
fn char_em(c: char) -> u32 {
    match c {
        'i' | 'j' | 'l' | 't' | '\'' | '.' | ',' | ':' | ';' | '!' | '|' | '/' => 278,
        'f' | 'r' | 'I' | '-' | '(' | ')' | '[' | ']' => 333,
        's' | 'J' => 389,
        'a' | 'c' | 'e' | 'z' => 444,
        'm' => 778,
        'w' => 722,
        'a'..='z' | '0'..='9' | '_' | '«' | '»' | '"' | '#' | '$' | '*' | '+' | '=' => 500,
        'F' | 'P' | 'S' => 556,
        'E' | 'L' | 'T' | 'Z' => 611,
        'B' | 'C' | 'R' => 667,
        'M' => 889,
        'W' => 944,
        'A'..='Z' => 722,
        'Ж' | 'Ш' | 'Щ' | 'Ю' | 'Ы' | 'М' | 'Ф' | '№' | '—' | '%' | '@' => 950,
        'ж' | 'ш' | 'щ' | 'ы' | 'ю' | 'ф' | 'м' | '\u{410}'..='\u{42F}' | 'Ё' => 700,
        '\u{430}'..='\u{44F}' | 'ё' => 490,
        _ => 600,
    }
}

/// Width of the widest unbreakable word of `text` set in table text, in twips. Words
/// break at spaces and after hyphens, never at the non-breaking spaces the typograph
/// put in.
pub(super) fn widest_word(text: &str, bold: bool) -> u32 {
    /// 11 pt (`TABLE_SIZE`) in twips; bold type runs about 8 % wider, and a little slack
    /// covers the difference between the fonts a reader may substitute.
    const EM: u32 = 220;
    text.split([' ', '\t', '\n'])
        .flat_map(|w| w.split_inclusive('-'))
        .map(|w| {
            let ems: u32 = w.chars().map(char_em).sum();
            let pct = if bold { 112 } else { 104 };
            ems * EM / 1000 * pct / 100
        })
        .max()
        .unwrap_or(0)
}

/// Column widths proportional to content, adding up to `total` exactly. Every column
/// gets the width of its widest word (`word_widths`, twips) when they all fit, and the
/// rest of the width goes by the length of its longest cell. When they do not all fit,
/// the widest words get their width first, as long as the other columns keep a usable
/// minimum; the columns left over share what remains in proportion to their words.
pub(super) fn column_widths(lengths: &[Vec<usize>], word_widths: &[u32], total: u32) -> Vec<u32> {
    let columns = word_widths.len();
    if columns == 0 {
        return Vec::new();
    }
    let chars = |n: usize| u32::try_from(n.min(MAX_WEIGHT_CHARS)).unwrap_or(0);
    let need: Vec<u32> = word_widths
        .iter()
        .map(|w| (w + CELL_PADDING).max(MIN_COLUMN))
        .collect();
    let desired: Vec<u32> = (0..columns)
        .map(|i| {
            let longest = lengths.iter().map(|row| row[i]).max().unwrap_or(0);
            chars(longest) * CHAR_WIDTH + CELL_PADDING
        })
        .collect();
    let need_sum: u32 = need.iter().sum();
    let mut widths: Vec<u32> = if need_sum <= total {
        // Spread what is left over the minimums by how much more each column wants.
        let extra: Vec<u32> = desired
            .iter()
            .zip(&need)
            .map(|(d, m)| d.saturating_sub(*m) + 1)
            .collect();
        let spread = scale(&extra, total - need_sum);
        need.iter().zip(spread).map(|(m, s)| m + s).collect()
    } else {
        let mut order: Vec<usize> = (0..columns).collect();
        order.sort_by_key(|&i| (std::cmp::Reverse(need[i]), i));
        let mut widths = vec![0; columns];
        let mut left = total;
        for (k, &i) in order.iter().enumerate() {
            let others = u32::try_from(columns - k - 1).unwrap_or(u32::MAX);
            if need[i].saturating_add(MIN_COLUMN.saturating_mul(others)) <= left {
                widths[i] = need[i];
                left -= need[i];
            }
        }
        let rest: Vec<usize> = (0..columns).filter(|&i| widths[i] == 0).collect();
        let weights: Vec<u32> = rest.iter().map(|&i| need[i]).collect();
        for (i, w) in rest.iter().zip(scale(&weights, left)) {
            widths[*i] = w;
        }
        widths
    };
    let sum: u32 = widths.iter().sum();
    if let Some(last) = widths.last_mut() {
        *last = (*last + total).saturating_sub(sum);
    }
    widths
}

fn scale(weights: &[u32], total: u32) -> Vec<u32> {
    let sum: u64 = weights.iter().map(|w| u64::from(*w)).sum::<u64>().max(1);
    weights
        .iter()
        .map(|w| u32::try_from(u64::from(*w) * u64::from(total) / sum).unwrap_or(0))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::docx::TEXT_WIDTH;

    #[test]
    fn column_widths_sum_to_text_width_and_respect_minimums() {
        let lengths = vec![vec![3, 120, 10], vec![2, 300, 12]];
        let words = vec![400, 2000, 1350];
        let w = column_widths(&lengths, &words, TEXT_WIDTH);
        assert_eq!(w.iter().sum::<u32>(), TEXT_WIDTH);
        assert!(w.iter().all(|c| *c >= MIN_COLUMN), "{w:?}");
        assert!(w[1] > w[2] && w[2] > w[0], "{w:?}");
        assert!(w[1] >= 2000 + CELL_PADDING, "{w:?}");

        let many = vec![vec![40; 12]];
        let w = column_widths(&many, &[4000; 12], TEXT_WIDTH);
        assert_eq!(w.iter().sum::<u32>(), TEXT_WIDTH);

        let short = vec![vec![1, 2]];
        let w = column_widths(&short, &[100, 200], TEXT_WIDTH);
        assert_eq!(w.iter().sum::<u32>(), TEXT_WIDTH);
    }

    #[test]
    fn widest_words_get_their_width_first_when_not_all_fit() {
        // Four columns whose words want 4,000 + 3,000 + 2,500 + 2,000 twips of 9,355.
        let lengths = vec![vec![30, 30, 30, 30]];
        let words = [4000, 3000, 2500, 2000];
        let w = column_widths(&lengths, &words, TEXT_WIDTH);
        assert_eq!(w.iter().sum::<u32>(), TEXT_WIDTH);
        assert_eq!(w[0], 4000 + CELL_PADDING, "{w:?}");
        assert_eq!(w[1], 3000 + CELL_PADDING, "{w:?}");
        assert!(w[2] >= MIN_COLUMN && w[3] >= MIN_COLUMN, "{w:?}");
        assert!(w[2] > w[3], "{w:?}");
    }

    #[test]
    fn capitals_and_codes_are_measured_wider_than_text() {
        let code = widest_word("UF_CRM_REGL_CHANNEL", false);
        let text = widest_word("согласование", false);
        // 19 characters, as many Latin capitals: about 2,700 twips in Times at 11 pt.
        assert!(code >= 2_700, "{code}");
        assert!(code > text);
        // Non-breaking spaces hold words together; hyphens let them break.
        assert!(widest_word("24\u{a0}часа", false) > widest_word("24 часа", false));
        assert!(widest_word("ИИ-ассистент", false) < widest_word("ИИассистент", false));
        assert!(widest_word("Код", true) > widest_word("Код", false));
    }
}
