using Microsoft.Extensions.Options;
using TeamsCrm.Bot.Operations;

namespace TeamsCrm.Bot.Features.Exports;

/// <summary>
/// Export:* checked at start. Without a signing key each instance makes a random one, so with several instances behind
/// one address a link made by one is refused by the next: that deployment must not start.
/// </summary>
public sealed class ExportOptionsValidation(IOptions<HostingOptions> hosting) : IValidateOptions<ExportOptions>
{
    public ValidateOptionsResult Validate(string? name, ExportOptions o)
    {
        var problems = new List<string>();
        if (!string.IsNullOrEmpty(o.SigningKey))
        {
            if (!IsBase64OfAtLeast32Bytes(o.SigningKey))
                problems.Add("Export:SigningKey must be base64 of at least 32 random bytes (e.g. `openssl rand -base64 32`).");
        }
        else if (hosting.Value.Instances > 1)
            problems.Add($"Export:SigningKey is required when Host:Instances is {hosting.Value.Instances}: without it each instance signs " +
                "download links with a random key of its own, and a link made on one fails on the others. Set it to base64 of 32 random " +
                "bytes as a secret setting (infra/main.bicep does).");
        if (!string.IsNullOrEmpty(o.BaseUrl) && (!Uri.TryCreate(o.BaseUrl, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http")))
            problems.Add($"Export:BaseUrl '{o.BaseUrl}' is not an http(s) address.");
        if (o.LinkLifetime <= TimeSpan.Zero || o.LinkLifetime > TimeSpan.FromDays(1))
            problems.Add($"Export:LinkLifetime '{o.LinkLifetime}' must be positive and at most a day.");
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    static bool IsBase64OfAtLeast32Bytes(string text)
    {
        var bytes = new byte[text.Length];
        return Convert.TryFromBase64String(text, bytes, out var length) && length >= 32;
    }
}
