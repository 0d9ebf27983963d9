namespace TeamsCrm.Bot.Domain.Reminders;

/// <summary>
/// The reminders of DOMAIN.md ("Reminders the teams expect in their channels"). The first six go to a team's channel,
/// the last three to each person's 1:1 chat.
/// </summary>
public enum ReminderKind
{
    /// <summary>Who has and has not submitted this week's visit plan (拜访周计划).</summary>
    WeeklyPlan,
    /// <summary>Planned vs actual visits of the week, per rep.</summary>
    WeekEnd,
    /// <summary>The market-analysis report (月报) is due before the 5th.</summary>
    MonthlyReport,
    /// <summary>The report again, naming only those who have not submitted it.</summary>
    MonthlyReportAgain,
    /// <summary>The monthly file-update meeting.</summary>
    FileMeeting,
    /// <summary>Every two months: files with no update or review in 60 days, by owner.</summary>
    FileReview,
    /// <summary>Personal: follow-ups due today.</summary>
    FollowUps,
    /// <summary>Personal: approvals waiting for my decision (daily digest).</summary>
    ApprovalDigest,
    /// <summary>Personal: my deleted files purged within 3 days.</summary>
    PurgeSoon,
}

/// <summary>How often a reminder comes; what its "day" means follows from it.</summary>
public enum Cadence
{
    /// <summary>Day = ISO weekday, 1 = Monday … 7 = Sunday.</summary>
    Weekly,
    /// <summary>Day = day of the month, 1–28 (every month has those).</summary>
    Monthly,
    /// <summary>Day of the month, in January, March, May, July, September and November.</summary>
    EveryTwoMonths,
    /// <summary>Every day; the day is not used.</summary>
    Daily,
}

public static class ReminderKinds
{
    public static readonly IReadOnlyList<ReminderKind> Channel =
        [ReminderKind.WeeklyPlan, ReminderKind.WeekEnd, ReminderKind.MonthlyReport, ReminderKind.MonthlyReportAgain, ReminderKind.FileMeeting, ReminderKind.FileReview];

    public static readonly IReadOnlyList<ReminderKind> Personal = [ReminderKind.FollowUps, ReminderKind.ApprovalDigest, ReminderKind.PurgeSoon];

    public static bool IsPersonal(ReminderKind kind) => kind >= ReminderKind.FollowUps;

    public static Cadence CadenceOf(ReminderKind kind) => kind switch
    {
        ReminderKind.WeeklyPlan or ReminderKind.WeekEnd => Cadence.Weekly,
        ReminderKind.MonthlyReport or ReminderKind.MonthlyReportAgain or ReminderKind.FileMeeting => Cadence.Monthly,
        ReminderKind.FileReview => Cadence.EveryTwoMonths,
        _ => Cadence.Daily,
    };

    /// <summary>
    /// The defaults of issue 6: plans Monday 09:00, the week's end Friday 16:00, the report on the 1st and again on the 4th;
    /// the meeting on the 25th, the review on the 1st of every other month; personal messages each morning.
    /// </summary>
    public static ReminderTiming Default(ReminderKind kind) => kind switch
    {
        ReminderKind.WeeklyPlan => new(kind, true, 1, new TimeOnly(9, 0)),
        ReminderKind.WeekEnd => new(kind, true, 5, new TimeOnly(16, 0)),
        ReminderKind.MonthlyReport => new(kind, true, 1, new TimeOnly(9, 0)),
        ReminderKind.MonthlyReportAgain => new(kind, true, 4, new TimeOnly(9, 0)),
        ReminderKind.FileMeeting => new(kind, true, 25, new TimeOnly(10, 0)),
        ReminderKind.FileReview => new(kind, true, 1, new TimeOnly(10, 0)),
        ReminderKind.FollowUps => new(kind, true, 0, new TimeOnly(8, 0)),
        ReminderKind.ApprovalDigest => new(kind, true, 0, new TimeOnly(8, 30)),
        _ => new(kind, true, 0, new TimeOnly(8, 0)),
    };
}
