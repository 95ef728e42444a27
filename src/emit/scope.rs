//! The ISMS scope as a document (clause 4.3): the statement, what it includes, what it
//! excludes and why, and the interfaces to outside parties.

use serde::Serialize;

use crate::Compilation;

#[derive(Debug, Clone, Serialize)]
pub struct Excluded {
    pub what: String,
    pub reason: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ScopeDoc {
    pub organization: String,
    pub organization_description: Option<String>,
    pub date: String,
    pub statement: String,
    pub doc: Option<String>,
    pub includes: Vec<String>,
    pub excludes: Vec<Excluded>,
    pub interfaces: Vec<String>,
}

impl ScopeDoc {
    pub fn build(c: &Compilation) -> ScopeDoc {
        let m = &c.model;
        let scope = m.scope();
        ScopeDoc {
            organization: super::organization_name(c),
            organization_description: m.organization().and_then(|o| o.description.clone()),
            date: super::names::date(c.today),
            statement: scope.and_then(|s| s.statement.clone()).unwrap_or_default(),
            doc: scope.and_then(|s| s.common.doc.clone()),
            includes: scope.map(|s| s.includes.clone()).unwrap_or_default(),
            excludes: scope
                .map(|s| {
                    s.excludes
                        .iter()
                        .map(|e| Excluded {
                            what: e.what.clone(),
                            reason: e.reason.clone(),
                        })
                        .collect()
                })
                .unwrap_or_default(),
            interfaces: scope.map(|s| s.interfaces.clone()).unwrap_or_default(),
        }
    }
}
