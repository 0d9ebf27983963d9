using Microsoft.Extensions.Options;
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
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
