using System.Globalization;
using TeamsCrm.Bot.Domain.Approvals;

namespace TeamsCrm.Bot.Features.Approvals;

/// <summary>Configuration section "Approvals".</summary>
public sealed class ApprovalOptions
{
    public const string Section = "Approvals";
    /// <summary>Entra object ids of the people told when a request has nobody to decide it (a gap in the directory).</summary>
    public List<string> Admins { get; set; } = [];
    /// <summary>
    /// Teams' approvals channels ("19:…@thread.tacv2"), one per team that wants one; the app must be installed in the
    /// team. A request's card is posted to the channel of each team its requester is a member of, as its summary.
    /// </summary>
    public List<string> Channels { get; set; } = [];
    /// <summary>False: no background sweep of the steps decisions left (tests run <see cref="ApprovalDesk.FinishDueAsync"/> themselves).</summary>
    public bool RunFinisher { get; set; } = true;
    /// <summary>How often the sweep looks for decisions with steps left whose time has come.</summary>
    public TimeSpan FinishInterval { get; set; } = TimeSpan.FromMinutes(1);
    /// <summary>
    /// How long a run holds a decision's steps: nobody else starts them meanwhile, and a run that dies is taken over when it
    /// ends. It must outlast the steps, each connector call's whole timeout (30 s) included: the requester's message goes out
    /// only with at least half of it left.
    /// </summary>
    public TimeSpan FinishLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How long the approver has, per request kind, in working time of their own zone: "1d" (working days), "4h" (working
    /// hours); for VisitPlan also "week": before the plan's week starts. Missing kinds keep <see cref="DefaultResponseTime"/>.
    /// </summary>
    public Dictionary<string, string> ResponseTimes { get; set; } = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>
    /// Where a request goes at its deadline when its approver has no manager in the directory: per kind, a role
    /// ("GeneralManager") or an Entra object id. Missing kinds: the sales manager for a leader's kinds, else the general manager.
    /// </summary>
    public Dictionary<string, string> EscalateTo { get; set; } = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>Working days, by English name.</summary>
    public List<string> WorkingDays { get; set; } = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];
    /// <summary>Working hours, local "HH:mm" in each approver's zone.</summary>
    public string WorkStart { get; set; } = "09:00";
    public string WorkEnd { get; set; } = "17:00";
    /// <summary>Days nobody works, "yyyy-MM-dd" (public holidays).</summary>
    public List<string> Holidays { get; set; } = [];
    /// <summary>False: no deadlines are watched (no reminder, no escalation); tests run <see cref="ApprovalDesk.SweepDeadlinesAsync"/> themselves.</summary>
    public bool RunDeadlines { get; set; } = true;

    /// <summary>The defaults of issue 16: a new file and access in 1 working day, changes, deletions and targets in 2, a plan before its week.</summary>
    public static string DefaultResponseTime(ApprovalKind kind) => kind switch
    {
        ApprovalKind.Modification or ApprovalKind.Deletion or ApprovalKind.TargetChange => "2d",
        ApprovalKind.VisitPlan => "week",
        _ => "1d",
    };

    public string ResponseTimeText(ApprovalKind kind) => ResponseTimes.TryGetValue(kind.ToString(), out var text) ? text : DefaultResponseTime(kind);

    /// <summary>"1d", "1.5d", "4h" as working time (a day is the calendar's working day); null for "week" or nonsense.</summary>
    public static TimeSpan? ParseWorking(string text, WorkingCalendar calendar)
    {
        var t = text.Trim().ToLowerInvariant();
        if (t.Length < 2 || !double.TryParse(t[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var n) || n <= 0 || n > 60) return null;
        return t[^1] switch { 'd' => calendar.DayLength * n, 'h' => TimeSpan.FromHours(n), _ => null };
    }

    public WorkingCalendar Calendar() => new(
        WorkingDays.Select(d => Enum.TryParse<DayOfWeek>(d, ignoreCase: true, out var day) ? day : (DayOfWeek?)null).OfType<DayOfWeek>().ToHashSet(),
        TimeOnly.ParseExact(WorkStart, "HH:mm", CultureInfo.InvariantCulture), TimeOnly.ParseExact(WorkEnd, "HH:mm", CultureInfo.InvariantCulture),
        Holidays.Select(d => DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture)).ToHashSet());
}
