//! UpgradeSmartAccessGatewaySoftware: raise the client-account quota of an SAG
//! app instance. Seed 004.
use super::common::{self, AUTO_PAY, DATA_PLAN, OWNER_ACCOUNT, OWNER_ID, REGION_ID, RESOURCE_OWNER_ACCOUNT, RESOURCE_OWNER_ID, USER_COUNT};
use super::{Action, Check};
use crate::locale::Text;

const NAME: &str = "UpgradeSmartAccessGatewaySoftware";

pub static ACTION: Action = Action {
    name: NAME,
    title: Text::new("Add client accounts to an SAG app instance", "升级智能接入网关 APP 实例的客户端账号数量"),
    // The answer's fields: seed 004: OrderId only.
    answers: &[],
    fields: &[
        common::action(NAME, &[Check::OneOf(&[NAME])]),
        REGION_ID,
        common::smartag_id("sag-8biez7habqwmx6", Text::new("SAG app instance ID", "智能接入网关 APP 实例 ID")),
        USER_COUNT,
        DATA_PLAN,
        AUTO_PAY,
        OWNER_ID,
        RESOURCE_OWNER_ID,
        OWNER_ACCOUNT,
        RESOURCE_OWNER_ACCOUNT,
    ],
};
