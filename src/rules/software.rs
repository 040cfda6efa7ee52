//! CreateSmartAccessGatewaySoftware: buy an SAG app (software client) instance.
//! Seeds 000 (zh), 001 and 002 (2024, which stands where they differ).
use super::common::{
    self, AUTO_PAY, CHARGE_TYPE, DATA_PLAN, OWNER_ACCOUNT, OWNER_ID, PERIOD, REGION_ID, RESOURCE_OWNER_ACCOUNT, RESOURCE_OWNER_ID,
    USER_COUNT,
};
use super::{Action, Check};
use crate::locale::Text;

const NAME: &str = "CreateSmartAccessGatewaySoftware";

pub static ACTION: Action = Action {
    name: NAME,
    title: Text::new("Buy an SAG app instance", "创建智能接入网关 APP 实例"),
    // The answer's fields: seeds 000 and 002.
    answers: &["SmartAGId", "ResourceGroupId"],
    fields: &[
        common::action(NAME, &[Check::OneOf(&[NAME])]),
        REGION_ID,
        PERIOD,
        AUTO_PAY,
        CHARGE_TYPE,
        USER_COUNT,
        DATA_PLAN,
        OWNER_ID,
        RESOURCE_OWNER_ID,
        OWNER_ACCOUNT,
        RESOURCE_OWNER_ACCOUNT,
    ],
};
