//! The registry of rules run by `check::run`. Order does not matter: diagnostics are
//! sorted (file, offset, code) after the run.

use super::Context;
use crate::diagnostics::Sink;

mod asset_dependency_cycle;
mod asset_missing_owner;
mod asset_unassessed;
mod audit_coverage_gap;
mod audit_not_independent;
mod audit_overdue;
mod context_missing;
mod control_contradicted;
mod control_excluded_but_required;
mod control_missing_owner;
mod control_missing_status;
mod control_no_evidence;
mod control_overdue;
mod control_undocumented;
mod control_unjustified;
mod incident_risks_not_reviewed;
mod mapping_duplicate;
mod mapping_unknown_control;
mod methodology_levels;
mod methodology_scale_gap;
mod metric_below_target;
mod nonconformity_missing_root_cause;
mod nonconformity_overdue;
mod nonconformity_unverified;
mod objective_missing_owner;
mod objective_no_metric;
mod policy_missing_owner;
mod policy_parent_cycle;
mod policy_review_overdue;
mod policy_self_approved;
mod policy_unapproved;
mod project_missing;
mod review_inputs_missing;
mod review_overdue;
mod risk_acceptance_required;
mod risk_acceptance_unauthorized;
mod risk_missing_owner;
mod risk_missing_treatment;
mod risk_no_assets;
mod risk_no_controls;
mod risk_residual_exceeds_inherent;
mod risk_review_overdue;
mod risk_treatment_overdue;
mod risk_treatment_undated;
mod risk_unaccepted;
mod role_unassigned;
mod soa_exclusion_without_reason;
mod soa_framework_ambiguous;
mod soa_unaddressed;
pub mod text_control_character;
// issue #11, records
mod date_in_future;
mod date_order;
mod document_review_overdue;
mod document_unknown;
pub mod text_placeholder;
mod training_overdue;
mod value_out_of_scale;

pub type Rule = fn(&Context<'_>, &mut Sink);

pub const ALL: &[Rule] = &[
    // issue #11, records
    date_in_future::check,
    date_order::check,
    project_missing::check,
    methodology_scale_gap::check,
    mapping_unknown_control::check,
    mapping_duplicate::check,
    methodology_levels::check,
    value_out_of_scale::check,
    risk_missing_owner::check,
    risk_missing_treatment::check,
    risk_no_controls::check,
    risk_residual_exceeds_inherent::check,
    risk_acceptance_required::check,
    risk_no_assets::check,
    risk_review_overdue::check,
    risk_treatment_overdue::check,
    control_unjustified::check,
    control_excluded_but_required::check,
    control_undocumented::check,
    control_missing_owner::check,
    control_missing_status::check,
    control_no_evidence::check,
    soa_unaddressed::check,
    soa_exclusion_without_reason::check,
    asset_missing_owner::check,
    asset_unassessed::check,
    asset_dependency_cycle::check,
    policy_missing_owner::check,
    policy_unapproved::check,
    policy_review_overdue::check,
    policy_parent_cycle::check,
    role_unassigned::check,
    objective_missing_owner::check,
    objective_no_metric::check,
    metric_below_target::check,
    training_overdue::check,
    audit_overdue::check,
    audit_not_independent::check,
    audit_coverage_gap::check,
    context_missing::check,
    review_overdue::check,
    review_inputs_missing::check,
    incident_risks_not_reviewed::check,
    nonconformity_overdue::check,
    nonconformity_missing_root_cause::check,
    nonconformity_unverified::check,
    risk_unaccepted::check,
    risk_acceptance_unauthorized::check,
    risk_treatment_undated::check,
    control_overdue::check,
    control_contradicted::check,
    policy_self_approved::check,
    soa_framework_ambiguous::check,
    document_unknown::check,
    document_review_overdue::check,
];
