//! The staff acknowledgement of one location (`acknowledgement-<loc>.xlsx`, SPEC §9): per
//! version in `[document].changes`, what changed and in which sections of which document
//! (the manifest's section digests of the version before, against this render's); which
//! documents each role must read; and blank lines per role to sign for the current version
//! (name, position, date, signature, how). regl never writes an employee's name. A working
//! copy (SPEC §7): written again, it keeps the lines people signed, those of earlier
//! versions included, rows matched by id.

use anyhow::Context;
use chrono::Datelike;
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Workbook, Worksheet};

use super::grid::{Formats, lines_in, row_height};
use super::working_copy::{self, Table};
use crate::manifest::{SectionDigests, Sections, changed_between};
use crate::model::business::{Business, Location};
use crate::model::enums::Lang;
use crate::render::kind::DocKind;
use crate::words::fmt_date;
use crate::working_copy::Kept;
use crate::working_copy::acknowledgement::{LAYOUT, Role, line_id, sheet_name};

/// The file's name for a location.
pub fn file_name(location: &str) -> String {
    format!("acknowledgement-{location}.xlsx")
}

/// What the section comparison reads: the sections this render made for the location, by
/// document stem, and the manifest's record of earlier renders.
pub struct History<'a> {
    pub current: &'a [(&'static str, SectionDigests)],
    pub earlier: Option<&'a Sections>,
}

impl History<'_> {
    fn sections(
        &self,
        b: &Business,
        doc: &str,
        version: &str,
        loc: &str,
    ) -> Option<&SectionDigests> {
        if version == b.document.version.as_str()
            && let Some((_, s)) = self.current.iter().find(|(stem, _)| *stem == doc)
        {
            return Some(s);
        }
        self.earlier?.of(doc, version, loc)
    }
}

/// The documents of a location staff read, the operator's included, in the order the kit
/// lists them.
fn documents(b: &Business) -> Vec<DocKind> {
    DocKind::ALL
        .into_iter()
        .filter(|k| k.applies_to(b))
        .collect()
}

/// Whether `role` must read `doc`.
fn reads(role: Role, doc: DocKind) -> bool {
    use DocKind as D;
    match role {
        Role::HeadOfLocation => true,
        Role::Administrator => matches!(
            doc,
            D::LeadHandling
                | D::SlaSheet
                | D::AiEscalation
                | D::Cancellation
                | D::PdPolicy
                | D::PdConsent
                | D::PdConsentWritten
        ),
        Role::OnDuty => matches!(
            doc,
            D::LeadHandling | D::SlaSheet | D::AiEscalation | D::PdPolicy
        ),
        Role::PdOfficer => matches!(
            doc,
            D::PdPolicy
                | D::PdConsent
                | D::PdConsentWritten
                | D::PdRegister
                | D::PdRetention
                | D::AiTraining
        ),
        Role::BotOwner => matches!(
            doc,
            D::AiTraining | D::AiEscalation | D::LeadHandling | D::PdPolicy | D::PdRetention
        ),
    }
}

/// The signature lines regl makes, then the lines people signed under earlier versions
/// (kept as they were: a signature is a record, never dropped), regl's columns each.
pub fn rows(b: &Business, kept: &Kept) -> Vec<Vec<String>> {
    let lang = b.lang();
    let version = b.document.version.as_str();
    let docs = documents(b);
    let mut out = Vec::new();
    for role in Role::ALL {
        // By their numbers on "who reads what": a signature line stays short on paper.
        let numbers: Vec<String> = docs
            .iter()
            .enumerate()
            .filter(|(_, d)| reads(role, **d))
            .map(|(i, _)| (i + 1).to_string())
            .collect();
        let titles = match lang {
            Lang::Ru => format!("№\u{a0}{} (лист «Кто что читает»)", numbers.join(", ")),
            Lang::En => format!(
                "nos. {} (\u{201c}Who reads what\u{201d} sheet)",
                numbers.join(", ")
            ),
        };
        for n in 1..=role.lines() {
            out.push(vec![
                line_id(version, role, n),
                version.to_owned(),
                role.word(lang).to_owned(),
                titles.clone(),
            ]);
        }
    }
    for (id, k) in kept {
        if !out.iter().any(|r| r[0] == *id) {
            let mut regl = k.regl.clone();
            regl[0].clone_from(id);
            out.push(regl);
        }
    }
    out
}

/// One row of the "what changed" sheet: version, date, approver, summary, document, sections.
type ChangeRow = [String; 6];

fn changes(b: &Business, loc: &Location, history: &History<'_>) -> Vec<ChangeRow> {
    let lang = b.lang();
    let ru = lang == Lang::Ru;
    let id = loc.id.as_str();
    let list = &b.document.changes;
    let mut out = Vec::new();
    // Newest first: staff read what changed last before anything older.
    for (i, c) in list.iter().enumerate().rev() {
        let version = c.version.as_str();
        let head = [
            version.to_owned(),
            fmt_date(*c.date, lang),
            c.approved_by
                .as_ref()
                .map_or_else(|| b.document.approved_by.value.clone(), |a| a.value.clone()),
            c.summary.value.clone(),
        ];
        let row = |doc: &str, sections: String| -> ChangeRow {
            let [version, date, approver, summary] = head.clone();
            [version, date, approver, summary, doc.to_owned(), sections]
        };
        let Some(before) = i.checked_sub(1).map(|j| list[j].version.as_str()) else {
            out.push(row(
                if ru {
                    "все документы"
                } else {
                    "every document"
                },
                (if ru {
                    "первая редакция: читать целиком"
                } else {
                    "first edition: read in full"
                })
                .to_owned(),
            ));
            continue;
        };
        let mut any = false;
        for doc in documents(b) {
            let title = doc.title_of(b);
            if !doc.is_docx() {
                // A workbook has no sections: its rows are what it says.
                continue;
            }
            let stem = doc.stem();
            let (from, to) = (
                history.sections(b, stem, before, id),
                history.sections(b, stem, version, id),
            );
            let sections = match (from, to) {
                (Some(f), Some(t)) => {
                    let changed = changed_between(f, t);
                    if changed.is_empty() {
                        continue;
                    }
                    changed.join("; ")
                }
                _ => {
                    if ru {
                        format!(
                            "разделы неизвестны: версии {before} и {version} здесь не формировались обе — читать целиком"
                        )
                    } else {
                        format!(
                            "sections unknown: versions {before} and {version} were not both rendered here — read in full"
                        )
                    }
                }
            };
            any = true;
            out.push(row(title, sections));
        }
        // The operator's Word documents are compared by section above, like the location's;
        // its workbooks (the register) have no sections to compare.
        let workbooks: Vec<&str> = documents(b)
            .into_iter()
            .filter(|d| d.per_operator() && !d.is_docx())
            .map(|d| d.title_of(b))
            .collect();
        if !workbooks.is_empty() {
            out.push(row(
                &workbooks.join("; "),
                (if ru {
                    "реестр оператора: сверить с предыдущей версией целиком"
                } else {
                    "the operator's register: compare with the previous version in full"
                })
                .to_owned(),
            ));
        }
        if !any {
            out.push(row(
                if ru {
                    "документы филиала и оператора"
                } else {
                    "the location's and the operator's documents"
                },
                (if ru {
                    "содержание не изменилось"
                } else {
                    "no content change"
                })
                .to_owned(),
            ));
        }
    }
    out
}

fn changes_sheet(
    ws: &mut Worksheet,
    fmts: &Formats,
    b: &Business,
    loc: &Location,
    history: &History<'_>,
) -> anyhow::Result<()> {
    let lang = b.lang();
    let (name, heads, note) = match lang {
        Lang::Ru => (
            "Что изменилось",
            [
                "Версия",
                "Дата",
                "Утвердил",
                "Что изменилось",
                "Документ",
                "Затронутые разделы",
            ],
            "По [document].changes и записям манифеста о разделах документов: прочтите изменённые разделы, затем распишитесь на листе «Подписи».",
        ),
        Lang::En => (
            "What changed",
            [
                "Version",
                "Date",
                "Approved by",
                "What changed",
                "Document",
                "Sections touched",
            ],
            "From [document].changes and the manifest's record of the documents' sections: read the sections that changed, then sign on the Signatures sheet.",
        ),
    };
    ws.set_name(name)?;
    let title = match lang {
        Lang::Ru => format!("Что изменилось в документах: {}", loc.city.as_str()),
        Lang::En => format!("What changed in the documents: {}", loc.city.as_str()),
    };
    ws.write_with_format(0, 0, title.as_str(), &fmts.title)?;
    let widths: [u16; 6] = [9, 18, 26, 40, 34, 50];
    let total = widths.iter().map(|w| usize::from(*w)).sum();
    working_copy::note(ws, fmts, 1, note, 5, total)?;
    for (c, (h, w)) in heads.iter().zip(widths).enumerate() {
        let c = u16::try_from(c)?;
        ws.write_with_format(3, c, *h, &fmts.header)?;
        ws.set_column_width(c, f64::from(w))?;
    }
    for (i, r) in changes(b, loc, history).iter().enumerate() {
        let row = 4 + u32::try_from(i)?;
        for (c, v) in r.iter().enumerate() {
            ws.write_with_format(row, u16::try_from(c)?, v.as_str(), &fmts.wrap)?;
        }
        let lines = r
            .iter()
            .zip(widths)
            .map(|(v, w)| lines_in(v, usize::from(w).saturating_sub(1)))
            .max()
            .unwrap_or(1);
        if lines > 1 {
            ws.set_row_height(row, row_height(lines))?;
        }
    }
    ws.set_repeat_rows(3, 3)?
        .set_landscape()
        .set_paper_size(9)
        .set_print_fit_to_pages(1, 0)
        .set_footer("&R&\"Arial\"&9&P / &N");
    Ok(())
}

fn readers_sheet(ws: &mut Worksheet, fmts: &Formats, b: &Business) -> anyhow::Result<()> {
    let lang = b.lang();
    let (name, first, note) = match lang {
        Lang::Ru => (
            "Кто что читает",
            "Документ",
            "✓ — роль знакомится с документом под подпись. Новый сотрудник — до подписания трудового договора (ст. 68 ТК РФ); при новой версии — до начала работы по ней.",
        ),
        Lang::En => (
            "Who reads what",
            "Document",
            "✓: the role reads the document and signs for it. A new employee signs before the employment contract (Labour Code art. 68); after a new version, before working by it.",
        ),
    };
    ws.set_name(name)?;
    ws.write_with_format(0, 0, name, &fmts.title)?;
    let columns = u16::try_from(Role::ALL.len())?;
    working_copy::note(ws, fmts, 1, note, columns, 60 + 16 * usize::from(columns))?;
    ws.write_with_format(3, 0, first, &fmts.header)?;
    ws.set_column_width(0, 60)?;
    for (c, role) in Role::ALL.iter().enumerate() {
        let c = u16::try_from(c + 1)?;
        ws.write_with_format(3, c, role.word(lang), &fmts.header)?;
        ws.set_column_width(c, 16)?;
    }
    ws.set_row_height(3, row_height(3))?;
    for (i, doc) in documents(b).iter().enumerate() {
        let row = 4 + u32::try_from(i)?;
        let title = format!("{}. {}", i + 1, doc.title_of(b));
        ws.write_with_format(row, 0, title.as_str(), &fmts.wrap)?;
        for (c, role) in Role::ALL.iter().enumerate() {
            let mark = if reads(*role, *doc) { "✓" } else { "" };
            ws.write_with_format(row, u16::try_from(c + 1)?, mark, &fmts.cell)?;
        }
    }
    ws.set_landscape()
        .set_paper_size(9)
        .set_print_fit_to_pages(1, 0);
    Ok(())
}

/// The acknowledgement workbook of `loc`, keeping the lines people signed in `kept`.
pub fn write(
    b: &Business,
    loc: &Location,
    history: &History<'_>,
    kept: &Kept,
) -> anyhow::Result<Vec<u8>> {
    let lang = b.lang();
    let fmts = Formats::new();
    let city = loc.city.as_str();
    let created = *b.document.effective_date;
    let date = ExcelDateTime::from_ymd(
        u16::try_from(created.year()).unwrap_or(2026),
        u8::try_from(created.month()).unwrap_or(1),
        u8::try_from(created.day()).unwrap_or(1),
    )
    .context("effective_date is outside what a spreadsheet can hold")?;
    let title = match lang {
        Lang::Ru => format!("Лист ознакомления с документами: {city}"),
        Lang::En => format!("Staff acknowledgement: {city}"),
    };
    let mut wb = Workbook::new();
    wb.set_properties(
        &DocProperties::new()
            .set_title(&title)
            .set_company(b.business.legal_name.as_str())
            .set_keywords(format!("regl; acknowledgement; {}", loc.id.as_str()))
            .set_creation_datetime(&date),
    );
    changes_sheet(wb.add_worksheet(), &fmts, b, loc, history)?;
    readers_sheet(wb.add_worksheet(), &fmts, b)?;
    let version = b.document.version.as_str();
    let (effective, approver) = (fmt_date(created, lang), b.document.approved_by.as_str());
    let (legal, name) = (b.business.legal_name.as_str(), b.business.name.as_str());
    let lines = match lang {
        Lang::Ru => [
            format!("{legal} ({name}), филиал {city}. Версия {version}, действует с {effective}, утвердил: {approver}."),
            "Каждый сотрудник вписывает себя в строку своей роли: ФИО, должность, дату, подпись и способ (на бумаге или в электронной системе — с её названием). Ответственный за ознакомление: ____________________ (ФИО, подпись).".to_owned(),
        ],
        Lang::En => [
            format!("{legal} ({name}), location {city}. Version {version}, in force from {effective}, approved by {approver}."),
            "Each employee fills in a line of their role: full name, position, date, signature and how (on paper, or in an electronic system, named). Responsible for the acknowledgement: ____________________ (name, signature).".to_owned(),
        ],
    };
    let heads: [&str; 9] = match lang {
        Lang::Ru => [
            "ID",
            "Версия",
            "Роль",
            "Документы к ознакомлению",
            "ФИО",
            "Должность",
            "Дата ознакомления",
            "Подпись",
            "Способ",
        ],
        Lang::En => [
            "ID",
            "Version",
            "Role",
            "Documents to read",
            "Full name",
            "Position",
            "Date read",
            "Signature",
            "How",
        ],
    };
    let footer = working_copy::version_footer(lang, version, created);
    let table = Table {
        layout: LAYOUT,
        sheet_name: sheet_name(lang),
        title: &title,
        lines: &lines,
        headers: &heads,
        widths: &[13, 8, 20, 24, 30, 22, 14, 18, 16],
        status: None,
        footer: &footer,
        // A signature needs room on paper.
        min_lines: 3,
    };
    working_copy::write(wb.add_worksheet(), &fmts, &table, &rows(b, kept), kept)?;
    wb.save_to_buffer()
        .context("writing the staff acknowledgement")
}
