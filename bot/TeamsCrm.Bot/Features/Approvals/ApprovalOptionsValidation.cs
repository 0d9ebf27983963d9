using System.Globalization;
using Microsoft.Extensions.Options;
using TeamsCrm.Bot.Domain.Approvals;
using TeamsCrm.BotFramework.Connector;

namespace TeamsCrm.Bot.Features.Approvals;

/// <summary>Approvals:* checked at start: a mistyped id would otherwise only show when a request finds nobody to tell.</summary>
public sealed class ApprovalOptionsValidation(IOptions<ConnectorRetryOptions> connector) : IValidateOptions<ApprovalOptions>
{
    public ValidateOptionsResult Validate(string? name, ApprovalOptions o)
    {
        var problems = new List<string>();
        for (var i = 0; i < o.Admins.Count; i++)
            if (!Guid.TryParse(o.Admins[i], out _))
                problems.Add($"Approvals:Admins:{i} '{o.Admins[i]}' is not an Entra object id (a GUID).");
        for (var i = 0; i < o.Channels.Count; i++)
            if (o.Channels[i] is not { Length: > 3 } channel || !channel.StartsWith("19:", StringComparison.Ordinal))
                problems.Add($"Approvals:Channels:{i} '{o.Channels[i]}' is not a Teams channel id (19:…@thread.tacv2).");
        if (o.FinishInterval <= TimeSpan.Zero || o.FinishInterval > TimeSpan.FromHours(1))
            problems.Add($"Approvals:FinishInterval '{o.FinishInterval}' must be positive and at most an hour.");
        // A run renews its hold once half of it is gone, and one connector call may take its whole timeout.
        var call = connector.Value.CallTimeout;
        if (o.FinishLease < 2 * call)
            problems.Add($"Approvals:FinishLease '{o.FinishLease}' must be at least twice Bot:ConnectorRetry:CallTimeout ({call}): a decision's steps would be taken over while a call still runs.");
        CheckWorkingTime(o, problems);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    /// <summary>The deadlines' calendar, response times and escalation targets: a typo would otherwise escalate nothing, or everything.</summary>
    static void CheckWorkingTime(ApprovalOptions o, List<string> problems)
    {
        var days = o.WorkingDays.Where(d => !Enum.TryParse<DayOfWeek>(d, ignoreCase: true, out _)).ToList();
        if (days.Count > 0 || o.WorkingDays.Count == 0)
            problems.Add($"Approvals:WorkingDays must name at least one day (Monday … Sunday); '{string.Join(", ", days)}' is not one.");
        var start = TimeOnly.TryParseExact(o.WorkStart, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var s);
        var end = TimeOnly.TryParseExact(o.WorkEnd, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var e);
        if (!start || !end || e <= s)
            problems.Add($"Approvals:WorkStart '{o.WorkStart}' and WorkEnd '{o.WorkEnd}' must be HH:mm, the start before the end.");
        foreach (var day in o.Holidays.Where(d => !DateOnly.TryParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)))
            problems.Add($"Approvals:Holidays '{day}' is not a date (yyyy-MM-dd).");
        if (problems.Count > 0) return;
        var calendar = o.Calendar();
        foreach (var (kind, text) in o.ResponseTimes)
        {
            if (!Enum.TryParse<ApprovalKind>(kind, ignoreCase: true, out var k))
                problems.Add($"Approvals:ResponseTimes:{kind} is not a kind of request ({string.Join(", ", Enum.GetNames<ApprovalKind>())}).");
            else if (ApprovalOptions.ParseWorking(text, calendar) is null && !(k == ApprovalKind.VisitPlan && text.Equals("week", StringComparison.OrdinalIgnoreCase)))
                problems.Add($"Approvals:ResponseTimes:{kind} '{text}' must be working days (\"2d\") or hours (\"4h\"){(k == ApprovalKind.VisitPlan ? ", or \"week\"" : "")}.");
        }
        foreach (var (kind, target) in o.EscalateTo)
        {
            if (!Enum.TryParse<ApprovalKind>(kind, ignoreCase: true, out _))
                problems.Add($"Approvals:EscalateTo:{kind} is not a kind of request.");
            else if (!Enum.TryParse<Directory.Role>(target, ignoreCase: true, out _) && !Guid.TryParse(target, out _))
                problems.Add($"Approvals:EscalateTo:{kind} '{target}' is neither a role nor an Entra object id.");
        }
    }
}
