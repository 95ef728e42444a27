//! The framework catalogs shipped with `isms`, written in the language itself
//! (`stdlib/*.isms`) and compiled into the binary.

/// (display name, text) of every shipped catalog file.
pub const FILES: &[(&str, &str)] = &[(
    "<stdlib>/iso27001-2022.isms",
    include_str!("../stdlib/iso27001-2022.isms"),
)];
