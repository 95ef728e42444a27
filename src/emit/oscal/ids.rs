//! Stable UUIDs: a UUIDv5 of the organization's ID and a path of names
//! (`catalog/iso27001:2022`, `party/alice`). The same project gives the same UUIDs; a
//! renamed declaration gets a new one, as it is a new name.

use uuid::Uuid;

use crate::Compilation;

pub struct Ids {
    namespace: Uuid,
}

impl Ids {
    pub fn of(c: &Compilation) -> Ids {
        let organization = c.model.organization().map_or("", |o| o.id.text.as_str());
        let namespace = Uuid::new_v5(
            &Uuid::NAMESPACE_URL,
            format!("urn:isms:{organization}").as_bytes(),
        );
        Ids { namespace }
    }

    /// The UUID of `kind/name` in this project.
    pub fn of_name(&self, kind: &str, name: &str) -> String {
        Uuid::new_v5(&self.namespace, format!("{kind}/{name}").as_bytes()).to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uuids_are_version_5_and_depend_on_every_name() {
        let ids = Ids {
            namespace: Uuid::NAMESPACE_URL,
        };
        let a = ids.of_name("party", "alice");
        assert_eq!(a, ids.of_name("party", "alice"));
        assert_ne!(a, ids.of_name("party", "bob"));
        assert_ne!(a, ids.of_name("role", "alice"));
        assert_eq!(
            Uuid::parse_str(&a).map(|u| u.get_version_num()).ok(),
            Some(5)
        );
    }
}
