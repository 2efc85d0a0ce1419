//! `word/numbering.xml`: one numbering per list of the body, decimal or bulleted,
//! with its indents, through docx-rs. The list paragraphs in `word/document.xml`
//! refer to these by id, so the ids and indents are defined here for both.

use docx_rs::{
    AbstractNumbering, Level, LevelJc, LevelOverride, LevelText, NumberFormat, Numbering,
    SpecialIndentType, Start,
};

/// docx-rs always writes numbering 1 itself.
pub(super) const FIRST_NUMBERING_ID: usize = 2;
/// Indentation per list level and the hanging indent of the number or bullet.
pub(super) const LIST_INDENT: i32 = 567;
const LIST_HANGING: i32 = 357;

pub(super) fn list_indent(depth: usize) -> i32 {
    LIST_INDENT * (i32::try_from(depth).unwrap_or(8) + 1)
}

/// One abstract numbering per list, so every list counts on its own in Word
/// and `LibreOffice` alike; the start override makes the restart explicit.
pub(super) fn numbering(
    id: usize,
    ordered: bool,
    start: usize,
    depth: usize,
) -> (AbstractNumbering, Numbering) {
    const BULLETS: [&str; 3] = ["•", "◦", "▪"];
    let mut abstract_num = AbstractNumbering::new(id);
    // Levels above the list's own are never referenced.
    for level in 0..=depth {
        let (format, text) = if ordered {
            ("decimal", format!("%{}.", level + 1))
        } else {
            ("bullet", BULLETS[level % BULLETS.len()].to_owned())
        };
        let level_start = if level == depth { start } else { 1 };
        abstract_num = abstract_num.add_level(
            Level::new(
                level,
                Start::new(level_start),
                NumberFormat::new(format),
                LevelText::new(text),
                LevelJc::new("left"),
            )
            .indent(
                Some(list_indent(level)),
                Some(SpecialIndentType::Hanging(LIST_HANGING)),
                None,
                None,
            ),
        );
    }
    let mut num = Numbering::new(id, id);
    if ordered {
        num = num.add_override(LevelOverride::new(depth).start(start));
    }
    (abstract_num, num)
}
