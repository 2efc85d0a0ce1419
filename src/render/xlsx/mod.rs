//! The SLA workbook of one location (`sla-response-times-<loc>.xlsx`): response times per
//! channel with document control, the KPI targets and how to measure them in Bitrix24, and
//! the location's working hours with night mode and the duty contact.
//!
//! A spreadsheet rather than a Word document because managers filter and sort it and paste
//! figures next to it; it is still a controlled document, so it carries the same document
//! control as the others and prints on one page wide. It is written from the
//! [`SlaSheet`] view alone, as a template is from its view. The operator's register of
//! processing is a workbook too, written by [`register`].

pub mod acknowledgement;
pub mod checklist;
mod grid;
mod hours_sheet;
mod kpi_sheet;
mod labels;
mod print;
mod register;
mod sla_sheet;
pub mod test_plan;
pub mod test_plan_rows;
mod working_copy;

use anyhow::Context;
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Workbook};

use self::grid::{Formats, header_text};
use self::labels::labels;
pub use self::register::write_pd_register;
use super::kind::DocKind;
use super::views::SlaSheet;

/// Writes the SLA workbook of the view's location.
pub fn write_sla_sheet(view: &SlaSheet<'_>) -> anyhow::Result<Vec<u8>> {
    let common = view.common;
    let (business, location, control) = (&common.business, &common.location, &common.document);
    let words = labels(common.lang);
    let fmts = Formats::new();
    let title = view.title;
    let created = control.effective_on;
    let date = {
        use chrono::Datelike;
        let year = u16::try_from(created.year()).context("effective_date before year 0")?;
        let month = u8::try_from(created.month()).unwrap_or(1);
        let day = u8::try_from(created.day()).unwrap_or(1);
        ExcelDateTime::from_ymd(year, month, day)
            .context("effective_date is outside what a spreadsheet can hold")?
    };
    let props = DocProperties::new()
        .set_title(title)
        .set_subject(format!("{title}: {}, {}", business.name, location.city))
        .set_author(control.owner)
        .set_manager(control.approved_by)
        .set_company(business.legal_name)
        .set_keywords(format!(
            "regl; {}; {}",
            DocKind::SlaSheet.stem(),
            location.id
        ))
        .set_comment(format!("{} {}", words.version, control.version))
        .set_creation_datetime(&date);

    let mut wb = Workbook::new();
    wb.set_properties(&props);

    let header = format!(
        "&L&\"Arial\"&9{}&R&\"Arial\"&9{}",
        header_text(title, 60),
        header_text(&format!("{}, {}", business.name, location.city), 100)
    );
    let footer = format!(
        "&L&\"Arial\"&9{}&R&\"Arial\"&9{} &P {} &N",
        header_text(
            &format!(
                "{} {} · {}",
                words.version, control.version, control.effective_date
            ),
            100
        ),
        words.page,
        words.of
    );

    sla_sheet::write(wb.add_worksheet(), view, words, &fmts)?;
    kpi_sheet::write(wb.add_worksheet(), view, words, &fmts)?;
    hours_sheet::write(wb.add_worksheet(), view, words, &fmts)?;
    for ws in wb.worksheets_mut() {
        ws.set_paper_size(9) // A4
            .set_print_fit_to_pages(1, 0)
            .set_header(&header)
            .set_footer(&footer);
    }
    wb.save_to_buffer().context("writing the SLA workbook")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::FileId;
    use crate::model::business::{Business, Location};
    use crate::model::load::parse;
    use crate::render::views::{Shared, sla_sheet};

    fn workbook(b: &Business, loc: &Location) -> Vec<u8> {
        let shared = Shared::new(b, loc);
        write_sla_sheet(&sla_sheet::build(&shared)).unwrap()
    }

    #[test]
    fn the_same_business_gives_the_same_bytes() {
        let text = include_str!("../../../examples/salon-ufa-omsk/business.toml");
        let b = parse(text, FileId(0)).expect("the example loads");
        let ufa = b.location("ufa").unwrap();
        let first = workbook(&b, ufa);
        assert_eq!(first, workbook(&b, ufa));
        assert_ne!(first, workbook(&b, b.location("omsk").unwrap()));
    }
}
