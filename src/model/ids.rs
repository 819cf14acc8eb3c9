//! Ids are types: a party id cannot be passed where a key id is meant.
//!
//! An id's text is shared (`Arc<str>`): results name the same streams and
//! parties for every milestone, and a copy is then a count, not a string.

use std::fmt;
use std::sync::Arc;

use serde::Serialize;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(Arc<str>);

        impl $name {
            pub fn new(s: impl Into<String>) -> Self {
                $name(Arc::from(s.into()))
            }
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(&self.0)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

id_type!(/// A plan's id (`mgt`).
    PlanId);
id_type!(/// A party: a municipality, insurer, regional body (`enschede`).
    PartyId);
id_type!(/// A money stream (`iza`, `spuk`).
    StreamId);
id_type!(/// A distribution key (`inwoners`).
    KeyId);
id_type!(/// A metric that targets measure (`gesprekken`).
    MetricId);
id_type!(/// A source document that declares figures (`kpi_tabel`).
    DocumentId);
id_type!(/// A rule set (`overeenkomst-transformatieplan`).
    RulesId);

/// A milestone's number (KPI 14).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct MilestoneNo(pub u32);

impl fmt::Display for MilestoneNo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// A component's number (0-8 in the Twente plan).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct ComponentNo(pub u32);

impl fmt::Display for ComponentNo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}
