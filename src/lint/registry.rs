//! The table of every rule, in code order. `regl explain`, `docs/rules.md` and SARIF's rule
//! metadata are generated from it; a test checks that codes are unique and documented.

use super::Rule;
use super::rules;

/// Every rule, in code order. Append new codes; never reuse or renumber one.
pub static RULES: &[&Rule] = &[
    &rules::c101_identifiers::RULE,
    &rules::c102_time_zone::RULE,
    &rules::c103_working_hours::RULE,
    &rules::c104_duplicate_ids::RULE,
    &rules::c105_references::RULE,
    &rules::c106_sla_consistency::RULE,
    &rules::c107_reminder_after_window::RULE,
    &rules::c108_bot_branches::RULE,
    &rules::c109_duty_contact::RULE,
    &rules::c110_review_overdue::RULE,
    &rules::c111_crm_fields::RULE,
    &rules::c112_version_without_change::RULE,
    &rules::c113_empty_value::RULE,
    &rules::c114_crm_channel_values::RULE,
    &rules::p201_special_categories::RULE,
    &rules::p202_cross_border::RULE,
    &rules::p203_retention::RULE,
    &rules::p204_consent_first::RULE,
    &rules::p205_cancellation_fees::RULE,
    &rules::p206_data_location::RULE,
    &rules::p207_published_documents::RULE,
    &rules::p208_health_data_in_texts::RULE,
    &rules::p209_pd_officer_mobile::RULE,
    &rules::p210_duty_alert_client_data::RULE,
    &rules::b301_bot_config_unusable::RULE,
    &rules::b302_first_response::RULE,
    &rules::b303_reminders::RULE,
    &rules::b304_escalation_keywords::RULE,
    &rules::b305_escalation_thresholds::RULE,
    &rules::b306_crm_writes::RULE,
    &rules::b307_bot_channels::RULE,
    &rules::b308_bot_branches::RULE,
    &rules::b309_free_cancellation::RULE,
    &rules::b310_hours_timezone::RULE,
    &rules::b311_unreachable_branch::RULE,
    &rules::b312_consent_terms::RULE,
    &rules::b313_bot_schema::RULE,
    &rules::b314_button_limits::RULE,
    &rules::b315_unknown_placeholder::RULE,
    &rules::b316_figures_in_texts::RULE,
    &rules::b317_services_prices::RULE,
    &rules::b318_derived_keys::RULE,
    &rules::b319_named_buttons::RULE,
    &rules::d401_document_stale::RULE,
    &rules::d402_user_template::RULE,
    &rules::d403_document_edited::RULE,
    &rules::d404_version_not_bumped::RULE,
    &rules::d405_checklist_step_failing::RULE,
    &rules::d406_open_after_launch::RULE,
    &rules::d407_pilot_row_failed::RULE,
    &rules::d408_acknowledgement_unsigned::RULE,
    &rules::d409_launch_before_effective::RULE,
    &rules::d410_orphaned_output::RULE,
    &rules::s501_secrets::RULE,
    &rules::l901_expired_waiver::RULE,
    &rules::l902_unused_waiver::RULE,
    &rules::t121_processor_details::RULE,
    &rules::t122_register_number::RULE,
    &rules::t123_cross_border_notice::RULE,
    &rules::t124_sample_requisites::RULE,
    &rules::t129_pilot_phones::RULE,
    &rules::t131_never_rendered::RULE,
    &rules::t132_copied_location_contacts::RULE,
    &rules::t141_launch_date::RULE,
];

/// The rule with this code or name (`b303`, `bot-reminders`), case-insensitively: `explain`
/// prints the name beside the code, and users ask for it by either.
pub fn rule(code: &str) -> Option<&'static Rule> {
    let code = code.trim();
    RULES
        .iter()
        .copied()
        .find(|r| r.code.eq_ignore_ascii_case(code) || r.name.eq_ignore_ascii_case(code))
}
