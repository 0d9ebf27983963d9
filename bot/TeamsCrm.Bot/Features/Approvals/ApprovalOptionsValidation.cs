using Microsoft.Extensions.Options;

namespace TeamsCrm.Bot.Features.Approvals;

/// <summary>Approvals:* checked at start: a mistyped id would otherwise only show when a request finds nobody to tell.</summary>
public sealed class ApprovalOptionsValidation : IValidateOptions<ApprovalOptions>
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
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
