//! DowngradeSmartAccessGatewaySoftware: lower the client-account quota of an SAG
//! app instance. shared/docs/order-family.md; DataPlan and UserCount follow the
//! other app actions (seeds 002 and 004), with their documented error codes.
use super::common::{self, AUTO_PAY, DATA_PLAN, OWNER_ACCOUNT, OWNER_ID, REGION_ID, RESOURCE_OWNER_ACCOUNT, RESOURCE_OWNER_ID, USER_COUNT};
use super::{Action, Check};
use crate::locale::Text;

const NAME: &str = "DowngradeSmartAccessGatewaySoftware";

pub static ACTION: Action = Action {
    name: NAME,
    title: Text::new("Lower the client-account quota of an SAG app instance", "降低智能接入网关 APP 实例的客户端账号数量规格"),
    // The answer's fields: order-family.md: OrderId only.
    answers: &[],
    fields: &[
        common::action(NAME, &[Check::OneOf(&[NAME])]),
        REGION_ID,
        common::smartag_id("sag-n2uym2h45lnd31", Text::new("SAG app instance ID", "智能接入网关 APP 实例 ID")),
        // An older page's example sends AutoPay=1 (SPEC §3: the same as true).
        AUTO_PAY,
        DATA_PLAN,
        USER_COUNT.help(Text::new(
            "The new number of client accounts: a multiple of 5 (5, 10, 15 ...), lower than the current one (only the service checks that).",
            "新的客户端账号数量规格，只能是 5 的倍数，如 5、10、15；必须低于当前规格（仅由服务端检查）。",
        )),
        OWNER_ID,
        RESOURCE_OWNER_ID,
        OWNER_ACCOUNT,
        RESOURCE_OWNER_ACCOUNT,
    ],
};
