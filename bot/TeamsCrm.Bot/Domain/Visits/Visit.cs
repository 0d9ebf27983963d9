namespace TeamsCrm.Bot.Domain.Visits;

/// <summary>
/// A visit report (客户拜访报告, table 5-29), filled right after the visit. Checked by
/// <see cref="VisitRules.Validate"/> before it is saved; once saved it is a record of what happened.
/// </summary>
public sealed record Visit
{
    public required string Id { get; init; }
    public required string CustomerNumber { get; init; }
    /// <summary>
    /// The customer's name when the visit was logged, kept with the visit so that reports list names without
    /// opening every file (a renamed customer keeps its old name on old reports, as a paper report would).
    /// </summary>
    public string CustomerName { get; init; } = "";
    /// <summary>The rep who visited (业务员): the authenticated user's Entra object id, never a value from card data.</summary>
    public required string RepAadObjectId { get; init; }
    /// <summary>客户类别 as the form showed it at the time of the visit.</summary>
    public CustomerCategory CustomerType { get; init; }
    /// <summary>拜访目的.</summary>
    public VisitPurpose Purpose { get; init; }
    /// <summary>拜访方式.</summary>
    public VisitMethod Method { get; init; }
    /// <summary>拜访时间: an instant; which day it was is read in <see cref="TimeZoneId"/>.</summary>
    public required DateTimeOffset Time { get; init; }
    /// <summary>
    /// The rep's IANA zone when the visit was logged ("Asia/Shanghai"). A visit keeps the date the rep saw,
    /// even when the rep later travels, so daily reports and plans do not shift under them.
    /// </summary>
    public required string TimeZoneId { get; init; }
    /// <summary>接洽人.</summary>
    public string ContactPerson { get; init; } = "";
    /// <summary>联系方式: optional, the customer file usually has it already.</summary>
    public string? ContactInfo { get; init; }
    /// <summary>拜访记录: what happened.</summary>
    public string Notes { get; init; } = "";
    /// <summary>问题点及改善对策.</summary>
    public string? ProblemsAndMeasures { get; init; }
    /// <summary>收款记录; required when the purpose is collection, optional otherwise.</summary>
    public Collection? Collection { get; init; }
    /// <summary>拜访结果.</summary>
    public VisitResult Result { get; init; }
    /// <summary>Why a visit did not succeed; present exactly when <see cref="Result"/> is <see cref="VisitResult.NotYet"/>.</summary>
    public UnsuccessfulReason? Reason { get; init; }
    /// <summary>The analysis behind the reason; required for <see cref="UnsuccessfulReason.Other"/>, which says nothing by itself.</summary>
    public string? ReasonNote { get; init; }
    /// <summary>下一步行动 and its date (the follow-up reminder fires on that date).</summary>
    public string? NextAction { get; init; }
    public DateOnly? NextActionDate { get; init; }
    /// <summary>The card submission that created it: saving twice with the same id is one visit.</summary>
    public required string SubmissionId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    /// <summary>How many corrections (or the withdrawal) the report has had: 0 as logged. A correction names the revision it
    /// was made on, so that of two made on the same one the later is refused instead of silently undoing the first.</summary>
    public int Revision { get; init; }
    /// <summary>
    /// When the report was withdrawn (撤回): it stays in the archive and its history, but no longer counts anywhere —
    /// reports, plan progress, the customer's last contact, follow-ups. The stores' queries leave it out.
    /// </summary>
    public DateTimeOffset? WithdrawnAt { get; init; }
    public bool IsWithdrawn => WithdrawnAt is not null;

    /// <summary>The day of the visit as the rep saw it. Throws for an unknown zone, which validation rejects first.</summary>
    public DateOnly LocalDate => LocalCalendar.DateOf(Time, TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId));
}

/// <summary>
/// 收款记录: receivable (应收) and received (实收). Partial collection is normal, so outstanding (未收) may
/// stay above zero; over-collection and negative amounts are rejected by validation, so it never goes below.
/// </summary>
public sealed record Collection(decimal Receivable, decimal Received)
{
    public decimal Outstanding => Receivable - Received;
}

/// <summary>拜访目的: development (开发), demo (产品演示), negotiation (谈判), collection (收款),
/// after-sales (售后服务), relationship (客情维护), other.</summary>
public enum VisitPurpose { Development, Demo, Negotiation, Collection, AfterSales, Relationship, Other }

/// <summary>拜访方式: on-site (上门), phone (电话), email (邮件), video (视频).</summary>
public enum VisitMethod { OnSite, Phone, Email, Video }

/// <summary>拜访结果: successful (成功) or not yet (未成功) — "not yet" because most visits are steps, not verdicts.</summary>
public enum VisitResult { Successful, NotYet }

/// <summary>未成功原因, classified so that reasons can be summarised per rep and month.</summary>
public enum UnsuccessfulReason
{
    DecisionMakerAbsent,   // 决策人不在
    NoBudget,              // 没有预算
    CompetitorPreferred,   // 倾向竞争对手
    Timing,                // 时机不对
    Price,                 // 价格
    Other,                 // 其他 (note required)
}
