using Microsoft.Extensions.Options;

namespace TeamsCrm.BotFramework.Connector;

/// <summary>Bot:ConnectorRetry checked at start: a retry must be able to wait and still finish inside the call's deadline.</summary>
public sealed class ConnectorRetryOptionsValidation : IValidateOptions<ConnectorRetryOptions>
{
    public ValidateOptionsResult Validate(string? name, ConnectorRetryOptions o)
    {
        const string at = ConnectorRetryOptions.Section;
        var problems = new List<string>();
        if (o.MaxRetries is < 0 or > 10)
            problems.Add($"{at}:MaxRetries '{o.MaxRetries}' must be between 0 and 10.");
        if (o.BaseDelay <= TimeSpan.Zero)
            problems.Add($"{at}:BaseDelay '{o.BaseDelay}' must be positive.");
        if (o.CallTimeout <= TimeSpan.Zero || o.CallTimeout > TimeSpan.FromMinutes(5))
            problems.Add($"{at}:CallTimeout '{o.CallTimeout}' must be positive and at most 5 minutes.");
        if (o.MaxDelay <= TimeSpan.Zero || o.MaxDelay >= o.CallTimeout)
            problems.Add($"{at}:MaxDelay '{o.MaxDelay}' must be positive and shorter than {at}:CallTimeout '{o.CallTimeout}': one wait cannot take the whole call.");
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
