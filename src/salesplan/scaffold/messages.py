"""What `init` says, in Chinese and English: key -> (zh, en), with `{field}` placeholders."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "created": ("已创建 {path}（{title}）", "Created {path} ({title})"),
    "schema_written": (
        "已写入编辑器校验用的 schema：{path}",
        "Wrote {path}, the schema editors use to check and complete the plan",
    ),
    "next_steps": (
        "下一步：把示例数字换成你们的真实数据，然后运行 salesplan lint {path} 检查、salesplan split {path} 查看拆解",
        "Next: replace the sample figures with your own, then run salesplan lint {path} and salesplan split {path}",
    ),
    "plan_exists": (
        "{path} 已存在，未做任何修改；如需覆盖请加 --force",
        "{path} already exists and was left untouched; add --force to overwrite it",
    ),
    "plan_is_dir": (
        "{path} 是一个目录；请给出计划文件名，如 {path}/plan.yaml",
        "{path} is a directory; name a plan file, e.g. {path}/plan.yaml",
    ),
    "schema_differs": (
        "{path} 已存在且内容不同（可能来自另一版本的 salesplan），未做任何修改；加 --force 可替换",
        "{path} exists with different content (perhaps from another salesplan version); nothing was written; "
        "add --force to replace it",
    ),
    "write_failed": ("无法写入 {path}：{reason}", "cannot write {path}: {reason}"),
    "bad_render": (
        "生成的计划未通过校验（模板有误），未写入任何文件",
        "the generated plan does not load cleanly (a template bug); nothing was written",
    ),
    "owner_clash": (
        "生成的计划未通过校验：负责人 '{owner}' 与模板中的人员重名，请用 --owner 换一个名字；未写入任何文件",
        "the generated plan does not load: the owner '{owner}' clashes with a person in the template; "
        "choose another --owner; nothing was written",
    ),
    "scenario_required": (
        "请用 --scenario 选择场景：{choices}（salesplan init --list 查看说明）",
        "choose a scenario with --scenario: {choices} (salesplan init --list describes them)",
    ),
    "bad_scenario": ("未知场景 '{text}'；可选：{choices}", "unknown scenario '{text}'; choose one of {choices}"),
    "bad_period": (
        "无法识别的周期 '{text}'：请写 2026-Q3、2026-H2、2026、2026-07 或 2026-07-01..2026-09-30",
        "cannot read the period '{text}': write 2026-Q3, 2026-H2, 2026, 2026-07 or 2026-07-01..2026-09-30",
    ),
    "bad_date": ("'{text}' 不是有效日期（应为 YYYY-MM-DD）", "'{text}' is not a valid date (YYYY-MM-DD)"),
    "period_order": (
        "计划周期的结束日期 {end} 早于开始日期 {start}",
        "the period ends ({end}) before it starts ({start})",
    ),
    "period_length": (
        "计划周期为 {days} 天；init 生成的计划需要 {low} 到 {high} 天",
        "the period is {days} days long; init makes plans of {low} to {high} days",
    ),
    "dates_incomplete": ("--start 与 --end 需要同时给出", "give both --start and --end"),
    "period_and_dates": ("--period 与 --start/--end 只能二选一", "give either --period or --start/--end, not both"),
    "bad_unit": ("不支持的金额单位 '{text}'：请用 万元 或 元", "unsupported unit '{text}': use 万元 or 元"),
    "bad_owner": (
        "负责人 '{text}' 不能为空，也不能含控制字符",
        "the owner '{text}' must not be empty or contain control characters",
    ),
    "bad_name": ("计划名称不能为空，且只能有一行", "the plan name must not be empty and must be one line"),
    "ask_scenario": ("选择场景", "Scenario"),
    "ask_period": (
        "计划周期（如 2026-Q3、2026-H2、2026、2026-07 或 2026-07-01..2026-09-30）",
        "Plan period (e.g. 2026-Q3, 2026-H2, 2026, 2026-07 or 2026-07-01..2026-09-30)",
    ),
    "ask_name": ("计划名称", "Plan name"),
    "ask_owner": ("计划负责人", "Plan owner"),
    "ask_unit": ("金额单位（万元/元）", "Unit of money (万元 = 10,000 yuan, or 元)"),
}


def message(key: str, lang: str, **fields: object) -> str:
    zh, en = MESSAGES[key]
    return (zh if lang == "zh" else en).format(**fields)
