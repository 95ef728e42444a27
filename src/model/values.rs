//! Small typed values shared by the model's declarations.

use chrono::{Months, NaiveDate};

use crate::source::Span;

/// A name as declared (`risk R-001`), with where it stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Name {
    pub text: String,
    pub span: Span,
}

/// A name used to point at another declaration (`owner alice`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ref {
    pub name: String,
    pub span: Span,
}

/// A number together with where it was written (likelihood, impact).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rated {
    pub value: i64,
    pub span: Span,
}

/// A decimal number with at most two decimal places, kept exactly as hundredths (no
/// floating point, so documents stay byte-identical): metric measurements and targets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Quantity(pub i64);

impl Quantity {
    pub fn from_int(n: i64) -> Option<Quantity> {
        n.checked_mul(100).map(Quantity)
    }

    pub fn hundredths(self) -> i64 {
        self.0
    }
}

impl std::fmt::Display for Quantity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let (whole, frac) = (self.0.unsigned_abs() / 100, self.0.unsigned_abs() % 100);
        match frac {
            0 => write!(f, "{sign}{whole}"),
            f10 if f10 % 10 == 0 => write!(f, "{sign}{whole}.{}", f10 / 10),
            _ => write!(f, "{sign}{whole}.{frac:02}"),
        }
    }
}

impl serde::Serialize for Quantity {
    /// A whole number as an integer, anything else as a decimal.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.0 % 100 == 0 {
            s.serialize_i64(self.0 / 100)
        } else {
            s.serialize_f64(self.0 as f64 / 100.0)
        }
    }
}

/// A date together with where it was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dated {
    pub date: NaiveDate,
    pub span: Span,
}

/// `approved_by P on DATE`, `accepted_by P on DATE`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signoff {
    pub by: Ref,
    pub on: Option<Dated>,
    pub span: Span,
}

/// `N days|months|years`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    Days(u32),
    Months(u32),
    Years(u32),
}

impl Period {
    /// `date` plus this period; `None` past the calendar's end.
    pub fn after(self, date: NaiveDate) -> Option<NaiveDate> {
        match self {
            Period::Days(n) => date.checked_add_days(chrono::Days::new(u64::from(n))),
            Period::Months(n) => date.checked_add_months(Months::new(n)),
            Period::Years(n) => date.checked_add_months(Months::new(n.checked_mul(12)?)),
        }
    }
}

impl std::fmt::Display for Period {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (n, unit) = match *self {
            Period::Days(n) => (n, "day"),
            Period::Months(n) => (n, "month"),
            Period::Years(n) => (n, "year"),
        };
        if n == 1 {
            write!(f, "1 {unit}")
        } else {
            write!(f, "{n} {unit}s")
        }
    }
}

/// A period with where it was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Every {
    pub period: Period,
    pub span: Span,
}

/// Enumerations written as bare words (`status implemented`).
pub trait Keyword: Sized + Copy + 'static {
    /// What the enumeration is called in messages ("control status").
    const WHAT: &'static str;
    const ALL: &'static [(&'static str, Self)];

    fn parse(text: &str) -> Option<Self> {
        Self::ALL.iter().find(|(t, _)| *t == text).map(|(_, v)| *v)
    }

    fn as_str(self) -> &'static str;

    fn names() -> Vec<&'static str> {
        Self::ALL.iter().map(|(t, _)| *t).collect()
    }
}

macro_rules! keyword_enum {
    ($(#[$meta:meta])* $name:ident, $what:literal, { $($variant:ident => $text:literal,)* }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
        pub enum $name {
            $(#[serde(rename = $text)] $variant,)*
        }

        impl Keyword for $name {
            const WHAT: &'static str = $what;
            const ALL: &'static [(&'static str, Self)] = &[$(($text, $name::$variant),)*];

            fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text,)*
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

pub(crate) use keyword_enum;

keyword_enum!(
    /// What an asset is.
    AssetKind, "asset kind", {
        Information => "information",
        Software => "software",
        Hardware => "hardware",
        Service => "service",
        People => "people",
        Site => "site",
    }
);

keyword_enum!(
    /// How far a control is implemented.
    Status, "control status", {
        Implemented => "implemented",
        Partial => "partial",
        Planned => "planned",
        NotImplemented => "not-implemented",
    }
);

keyword_enum!(
    /// The four risk treatment options of clause 6.1.3.
    TreatmentKind, "treatment", {
        Mitigate => "mitigate",
        Accept => "accept",
        Transfer => "transfer",
        Avoid => "avoid",
    }
);

keyword_enum!(
    /// Where a requirement comes from.
    RequirementKind, "requirement kind", {
        Legal => "legal",
        Regulatory => "regulatory",
        Contractual => "contractual",
        Business => "business",
    }
);

keyword_enum!(
    /// The level of a policy document.
    PolicyKind, "policy kind", {
        Policy => "policy",
        Topic => "topic",
        Procedure => "procedure",
        Standard => "standard",
    }
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantities_print_like_they_were_written() {
        assert_eq!(Quantity(1250).to_string(), "12.5");
        assert_eq!(Quantity(1205).to_string(), "12.05");
        assert_eq!(Quantity(1200).to_string(), "12");
        assert_eq!(Quantity(5).to_string(), "0.05");
    }

    #[test]
    fn periods_add_calendar_months() {
        let d = NaiveDate::from_ymd_opt(2026, 1, 31);
        let next = d.and_then(|d| Period::Months(1).after(d));
        assert_eq!(next, NaiveDate::from_ymd_opt(2026, 2, 28));
        let year = d.and_then(|d| Period::Years(1).after(d));
        assert_eq!(year, NaiveDate::from_ymd_opt(2027, 1, 31));
        assert_eq!(Period::Months(12).to_string(), "12 months");
    }
}
