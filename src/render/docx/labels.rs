//! The words regl writes around a document's own text, in each language: the
//! document-control table, the revision history, the page header and footer.
//! One table per language, so a new language is one more constant.

use crate::render::doc::Lang;

pub(super) struct Labels {
    pub(super) version: &'static str,
    pub(super) effective_date: &'static str,
    pub(super) next_review: &'static str,
    pub(super) owner: &'static str,
    pub(super) approver: &'static str,
    pub(super) location: &'static str,
    pub(super) locations: &'static str,
    pub(super) revisions: &'static str,
    pub(super) date: &'static str,
    pub(super) summary: &'static str,
    pub(super) header_version: &'static str,
    pub(super) page: &'static str,
    pub(super) of: &'static str,
}

const RU: Labels = Labels {
    version: "Версия",
    effective_date: "Дата вступления в силу",
    next_review: "Дата следующего пересмотра",
    owner: "Владелец документа",
    approver: "Утвердил",
    location: "Город",
    locations: "Города",
    revisions: "Лист регистрации изменений",
    date: "Дата",
    summary: "Описание изменений",
    header_version: "версия",
    page: "Страница",
    of: "из",
};

pub(super) const EN: Labels = Labels {
    version: "Version",
    effective_date: "Effective date",
    next_review: "Next review",
    owner: "Owner",
    approver: "Approved by",
    location: "Location",
    locations: "Locations",
    revisions: "Revision history",
    date: "Date",
    summary: "Summary",
    header_version: "version",
    page: "Page",
    of: "of",
};

pub(super) fn labels(lang: Lang) -> &'static Labels {
    match lang {
        Lang::Ru => &RU,
        Lang::En => &EN,
    }
}
