//! UpgradeSmartAccessGateway: raise the bandwidth of an SAG (hardware) instance.
//! shared/docs/order-family.md (API reference pages 2019–2025, SDK model 2.1.2).
//!
//! `DataPlan` and `UserCount`: older Chinese pages (2019–2020) list them as
//! optional; the current SDK model and the newest pages do not, and the current
//! API stands (SPEC §1). They are not in this table, so a request that gives them
//! gets an `unknown` problem (they would not be sent) rather than being signed
//! with parameters today's API does not have.
use super::common::{self, AUTO_PAY, OWNER_ACCOUNT, OWNER_ID, REGION_ID, RESOURCE_OWNER_ACCOUNT, RESOURCE_OWNER_ID};
use super::{Action, Check};
use crate::locale::Text;

const NAME: &str = "UpgradeSmartAccessGateway";

pub static ACTION: Action = Action {
    name: NAME,
    title: Text::new("Raise the bandwidth of an SAG device instance", "升高智能接入网关实例的带宽"),
    // The answer's fields: order-family.md: OrderId only.
    answers: &[],
    fields: &[
        common::action(NAME, &[Check::OneOf(&[NAME])]),
        REGION_ID,
        common::smartag_id("sag-d3m51apgw4po", Text::new("SAG instance ID", "智能接入网关实例 ID")),
        AUTO_PAY,
        // The Chinese page's request example sends 3.
        common::band_width_spec(
            "3",
            Text::new(
                "Mbit/s, by the instance's device model: SAG-100WM 2 to 50, SAG-1000 10 to 500 (the request does not name the model, \
                 so 2 to 500 is checked here). It must be higher than the current bandwidth; only the service checks that.",
                "智能接入网关的带宽（sag-100wm：2~50 Mbps；sag-1000：10~500 Mbps）。请求中不含设备型号，此处只检查 2~500。\
                 升级后的带宽必须高于当前带宽，仅由服务端检查。",
            ),
        ),
        OWNER_ID,
        RESOURCE_OWNER_ID,
        OWNER_ACCOUNT,
        RESOURCE_OWNER_ACCOUNT,
    ],
};
