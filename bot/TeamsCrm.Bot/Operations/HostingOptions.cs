using Microsoft.Extensions.Options;

namespace TeamsCrm.Bot.Operations;

/// <summary>The "Host" section: how this deployment runs.</summary>
public sealed class HostingOptions
{
    public const string Section = "Host";
    /// <summary>On shutdown (SIGTERM, scale-in, deployment), how long turns in flight may take to finish.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);
    /// <summary>
    /// How many instances serve this bot (the App Service plan's instance count; infra/main.bicep sets it). Whatever one
    /// instance makes that another must accept (signed download links) needs a shared secret when this is more than one.
    /// </summary>
    public int Instances { get; set; } = 1;
}

public sealed class HostingOptionsValidation : IValidateOptions<HostingOptions>
{
    public ValidateOptionsResult Validate(string? name, HostingOptions o)
    {
        var problems = new List<string>();
        if (o.ShutdownTimeout <= TimeSpan.Zero || o.ShutdownTimeout > TimeSpan.FromMinutes(10))
            problems.Add($"Host:ShutdownTimeout '{o.ShutdownTimeout}' must be positive and at most 10 minutes.");
        if (o.Instances < 1)
            problems.Add($"Host:Instances '{o.Instances}' must be at least 1: the number of instances serving the bot.");
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
