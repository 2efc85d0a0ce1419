//! The docx-rs schema fixes: child elements put back into the order of the
//! ECMA-376 transitional schema (wml.xsd) for every element regl's parts use,
//! settings included; and what docx-rs writes that the schema or a stable output
//! forbids dropped: run properties in paragraph properties outside a paragraph,
//! the type of a grid column, the unstable Word 2010 paragraph ids, empty
//! property containers.

use super::dom::{El, Node, parse, serialize};

/// Child orders from the ECMA-376 transitional schema (wml.xsd). Children
/// not listed keep their relative order after the listed ones.
const RPR: &[&str] = &[
    "rStyle",
    "rFonts",
    "b",
    "bCs",
    "i",
    "iCs",
    "caps",
    "smallCaps",
    "strike",
    "dstrike",
    "outline",
    "shadow",
    "emboss",
    "imprint",
    "noProof",
    "snapToGrid",
    "vanish",
    "webHidden",
    "color",
    "spacing",
    "w",
    "kern",
    "position",
    "sz",
    "szCs",
    "highlight",
    "u",
    "effect",
    "bdr",
    "shd",
    "fitText",
    "vertAlign",
    "rtl",
    "cs",
    "em",
    "lang",
    "eastAsianLayout",
    "specVanish",
    "oMath",
    "rPrChange",
];
const PPR: &[&str] = &[
    "pStyle",
    "keepNext",
    "keepLines",
    "pageBreakBefore",
    "framePr",
    "widowControl",
    "numPr",
    "suppressLineNumbers",
    "pBdr",
    "shd",
    "tabs",
    "suppressAutoHyphens",
    "kinsoku",
    "wordWrap",
    "overflowPunct",
    "topLinePunct",
    "autoSpaceDE",
    "autoSpaceDN",
    "bidi",
    "adjustRightInd",
    "snapToGrid",
    "spacing",
    "ind",
    "contextualSpacing",
    "mirrorIndents",
    "suppressOverlap",
    "jc",
    "textDirection",
    "textAlignment",
    "textboxTightWrap",
    "outlineLvl",
    "divId",
    "cnfStyle",
    "rPr",
    "sectPr",
    "pPrChange",
];
const STYLE: &[&str] = &[
    "name",
    "aliases",
    "basedOn",
    "next",
    "link",
    "autoRedefine",
    "hidden",
    "uiPriority",
    "semiHidden",
    "unhideWhenUsed",
    "qFormat",
    "locked",
    "personal",
    "personalCompose",
    "personalReply",
    "rsid",
    "pPr",
    "rPr",
    "tblPr",
    "trPr",
    "tcPr",
    "tblStylePr",
];
const SECT_PR: &[&str] = &[
    "headerReference",
    "footerReference",
    "footnotePr",
    "endnotePr",
    "type",
    "pgSz",
    "pgMar",
    "paperSrc",
    "pgBorders",
    "lnNumType",
    "pgNumType",
    "cols",
    "formProt",
    "vAlign",
    "noEndnote",
    "titlePg",
    "textDirection",
    "bidi",
    "rtlGutter",
    "docGrid",
    "printerSettings",
    "sectPrChange",
];
const SETTINGS: &[&str] = &[
    "writeProtection",
    "view",
    "zoom",
    "removePersonalInformation",
    "removeDateAndTime",
    "doNotDisplayPageBoundaries",
    "displayBackgroundShape",
    "printPostScriptOverText",
    "printFractionalCharacterWidth",
    "printFormsData",
    "embedTrueTypeFonts",
    "embedSystemFonts",
    "saveSubsetFonts",
    "saveFormsData",
    "mirrorMargins",
    "alignBordersAndEdges",
    "bordersDoNotSurroundHeader",
    "bordersDoNotSurroundFooter",
    "gutterAtTop",
    "hideSpellingErrors",
    "hideGrammaticalErrors",
    "activeWritingStyle",
    "proofState",
    "formsDesign",
    "attachedTemplate",
    "linkStyles",
    "stylePaneFormatFilter",
    "stylePaneSortMethod",
    "documentType",
    "mailMerge",
    "revisionView",
    "trackRevisions",
    "doNotTrackMoves",
    "doNotTrackFormatting",
    "documentProtection",
    "autoFormatOverride",
    "styleLockTheme",
    "styleLockQFSet",
    "defaultTabStop",
    "autoHyphenation",
    "consecutiveHyphenLimit",
    "hyphenationZone",
    "doNotHyphenateCaps",
    "showEnvelope",
    "summaryLength",
    "clickAndTypeStyle",
    "defaultTableStyle",
    "evenAndOddHeaders",
    "bookFoldRevPrinting",
    "bookFoldPrinting",
    "bookFoldPrintingSheets",
    "drawingGridHorizontalSpacing",
    "drawingGridVerticalSpacing",
    "displayHorizontalDrawingGridEvery",
    "displayVerticalDrawingGridEvery",
    "doNotUseMarginsForDrawingGridOrigin",
    "drawingGridHorizontalOrigin",
    "drawingGridVerticalOrigin",
    "doNotShadeFormData",
    "noPunctuationKerning",
    "characterSpacingControl",
    "printTwoOnOne",
    "strictFirstAndLastChars",
    "noLineBreaksAfter",
    "noLineBreaksBefore",
    "savePreviewPicture",
    "doNotValidateAgainstSchema",
    "saveInvalidXml",
    "ignoreMixedContent",
    "alwaysShowPlaceholderText",
    "doNotDemarcateInvalidXml",
    "saveXmlDataOnly",
    "useXSLTWhenSaving",
    "saveThroughXslt",
    "showXMLTags",
    "alwaysMergeEmptyNamespace",
    "updateFields",
    "hdrShapeDefaults",
    "footnotePr",
    "endnotePr",
    "compat",
    "docVars",
    "rsids",
    "mathPr",
    "attachedSchema",
    "themeFontLang",
    "clrSchemeMapping",
    "doNotIncludeSubdocsInStats",
    "doNotAutoCompressPictures",
    "forceUpgrade",
    "captions",
    "readModeInkLockDown",
    "smartTagType",
    "schemaLibrary",
    "shapeDefaults",
    "doNotEmbedSmartTags",
    "decimalSymbol",
    "listSeparator",
];
const TBL_PR: &[&str] = &[
    "tblStyle",
    "tblpPr",
    "tblOverlap",
    "bidiVisual",
    "tblStyleRowBandSize",
    "tblStyleColBandSize",
    "tblW",
    "jc",
    "tblCellSpacing",
    "tblInd",
    "tblBorders",
    "shd",
    "tblLayout",
    "tblCellMar",
    "tblLook",
    "tblCaption",
    "tblDescription",
    "tblPrChange",
];
const TR_PR: &[&str] = &[
    "cnfStyle",
    "divId",
    "gridBefore",
    "gridAfter",
    "wBefore",
    "wAfter",
    "cantSplit",
    "trHeight",
    "tblHeader",
    "tblCellSpacing",
    "jc",
    "hidden",
    "ins",
    "del",
    "trPrChange",
];
const TC_PR: &[&str] = &[
    "cnfStyle",
    "tcW",
    "gridSpan",
    "hMerge",
    "vMerge",
    "tcBorders",
    "shd",
    "noWrap",
    "tcMar",
    "textDirection",
    "tcFitText",
    "vAlign",
    "hideMark",
    "headers",
    "cellIns",
    "cellDel",
    "cellMerge",
    "tcPrChange",
];
const LVL: &[&str] = &[
    "start",
    "numFmt",
    "lvlRestart",
    "pStyle",
    "isLgl",
    "suff",
    "lvlText",
    "lvlPicBulletId",
    "legacy",
    "lvlJc",
    "pPr",
    "rPr",
];
const BORDERS: &[&str] = &[
    "top", "start", "left", "bottom", "end", "right", "insideH", "insideV", "tl2br", "tr2bl",
];
const TBL: &[&str] = &["tblPr", "tblGrid"];
const TR: &[&str] = &["tblPrEx", "trPr"];
const TC: &[&str] = &["tcPr"];
const P: &[&str] = &["pPr"];
const R: &[&str] = &["rPr"];
const NUM_PR: &[&str] = &["ilvl", "numId"];
const NUM: &[&str] = &["abstractNumId", "lvlOverride"];
const LVL_OVERRIDE: &[&str] = &["startOverride", "lvl"];
const ABSTRACT_NUM: &[&str] = &[
    "nsid",
    "multiLevelType",
    "tmpl",
    "name",
    "styleLink",
    "numStyleLink",
    "lvl",
];
const NUMBERING: &[&str] = &["numPicBullet", "abstractNum", "num", "numIdMacAtCleanup"];
const STYLES: &[&str] = &["docDefaults", "latentStyles"];
const DOC_DEFAULTS: &[&str] = &["rPrDefault", "pPrDefault"];

fn order_of(name: &str) -> Option<&'static [&'static str]> {
    Some(match name {
        "w:rPr" => RPR,
        "w:pPr" => PPR,
        "w:style" => STYLE,
        "w:sectPr" => SECT_PR,
        "w:settings" => SETTINGS,
        "w:tblPr" => TBL_PR,
        "w:trPr" => TR_PR,
        "w:tcPr" => TC_PR,
        "w:lvl" => LVL,
        "w:tblBorders" | "w:tcBorders" => BORDERS,
        "w:tbl" => TBL,
        "w:tr" => TR,
        "w:tc" => TC,
        "w:p" => P,
        "w:r" => R,
        "w:numPr" => NUM_PR,
        "w:num" => NUM,
        "w:lvlOverride" => LVL_OVERRIDE,
        "w:abstractNum" => ABSTRACT_NUM,
        "w:numbering" => NUMBERING,
        "w:styles" => STYLES,
        "w:docDefaults" => DOC_DEFAULTS,
        _ => return None,
    })
}

fn rank(order: &[&str], node: &Node) -> usize {
    match node {
        Node::El(e) => {
            let local = e.name.rsplit(':').next().unwrap_or(&e.name);
            order
                .iter()
                .position(|o| *o == local)
                .unwrap_or(order.len())
        }
        Node::Raw(_) => order.len(),
    }
}

/// Brings one element and its subtree into schema shape.
pub(super) fn normalize(el: &mut El, parent: &str) {
    // paraId/textId are optional Word 2010 extensions and docx-rs's values depend
    // on thread state; dropping them keeps output stable and smaller.
    el.attrs
        .retain(|(k, _)| k != "w14:paraId" && k != "w14:textId");
    if el.name == "w:gridCol" {
        el.attrs.retain(|(k, _)| k != "w:type");
    }
    let name = el.name.clone();
    for child in el.elements_mut() {
        normalize(child, &name);
    }
    // Outside a paragraph, pPr is CT_PPrGeneral: no rPr allowed. Its run
    // properties belong to the parent's own rPr.
    if el.name == "w:pPr" && parent != "w:p" {
        el.children
            .retain(|c| !matches!(c, Node::El(e) if e.name == "w:rPr"));
    }
    // Empty property containers add bytes and nothing else.
    el.children.retain(|c| {
        !matches!(c, Node::El(e)
            if (e.name == "w:rPr" || e.name == "w:pPr") && e.children.is_empty() && e.attrs.is_empty())
    });
    if let Some(order) = order_of(&el.name) {
        el.children.sort_by_key(|c| rank(order, c));
    }
}

/// A part through the generic schema fix-up.
pub(super) fn normalized(raw: &[u8]) -> anyhow::Result<Vec<u8>> {
    let mut root = parse(raw)?;
    normalize(&mut root, "");
    Ok(serialize(&root))
}
