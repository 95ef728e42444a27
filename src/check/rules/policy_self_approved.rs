//! policy/self-approved: a policy approved by its own owner (control 5.1: policies are
//! approved by management, not by the person who wrote them).

use crate::check::Context;
use crate::diagnostics::{Code, Diagnostic, Sink};
use crate::model::methodology::signer_is;

pub fn check(cx: &Context<'_>, sink: &mut Sink) {
    let m = cx.model;
    for p in &m.policies {
        let (Some(owner), Some(approval)) = (&p.owner, &p.approved) else {
            continue;
        };
        let by = &approval.by;
        // A placeholder person approves nothing: `policy/unapproved` is the one message.
        if !signer_is(m, owner, by) || cx.signed_by_placeholder(by) {
            continue;
        }
        let label = if by.name == owner.name {
            "the policy's owner".to_string()
        } else {
            format!("holds the owner role `{}`", owner.name)
        };
        sink.push(
            Diagnostic::new(
                Code::PolicySelfApproved,
                by.span,
                format!(
                    "policy `{}` is approved by its own owner `{}`",
                    p.id.text, by.name
                ),
            )
            .with_label(label)
            .with_secondary(owner.span, "the owner")
            .with_help(
                "have the policy approved by someone other than its owner, such as top management",
            ),
        );
    }
}

/// Whether `by` is the party `owner`: the same person or role, or a person who holds the
/// owner role. A name that resolves to nothing is never the owner.
#[cfg(test)]
mod tests {
    use crate::{compile, Input, Options};
    use chrono::NaiveDate;

    fn count(owner: &str, approver: &str) -> usize {
        let text = format!(
            "role ciso \"CISO\"\nrole ceo \"CEO\"\nperson alice \"Alice\" {{ roles ciso }}\n\
             person bob \"Bob\" {{ roles ceo }}\n\
             policy infosec \"Policy\" {{\n  owner {owner}\n  version \"1\"\n  approved_by {approver} on 2026-01-10\n}}\n"
        );
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default();
        let c = compile(
            vec![Input::new("a.isms", text.as_str())],
            &Options { today },
        );
        c.diagnostics
            .iter()
            .filter(|d| d.code.as_str() == "policy/self-approved")
            .count()
    }

    #[test]
    fn the_owner_or_a_holder_of_the_owner_role_is_self() {
        assert_eq!(count("alice", "alice"), 1);
        assert_eq!(count("ciso", "alice"), 1);
        assert_eq!(count("ciso", "ciso"), 1);
        assert_eq!(count("ciso", "bob"), 0);
        assert_eq!(count("alice", "bob"), 0);
        assert_eq!(count("bob", "ceo"), 0);
        assert_eq!(count("ciso", "nobody"), 0);
    }
}
