using System.Text.RegularExpressions;

namespace TeamsCrm.Bot.Packaging;

/// <summary>
/// What differs between tenants in the Teams app package, read from environment values (the names the
/// Microsoft 365 Agents Toolkit uses, so its .env files work too):
/// <list type="bullet">
/// <item>BOT_ID: the Azure Bot's app id; with the Bicep in infra/ that is the managed identity's client id. Required.</item>
/// <item>BOT_DOMAIN: the host name the bot answers on (app-teamscrm.azurewebsites.net), no scheme. Required.</item>
/// <item>APP_VERSION: the package version (semver); Teams installs an upload only when it is higher. Default 1.0.0.</item>
/// <item>TEAMS_APP_ID: the Teams app id; default BOT_ID (one id to track per tenant).</item>
/// <item>PUBLISHER_NAME, PUBLISHER_URL, PRIVACY_URL, TERMS_URL: shown on the app's details page; default the
///   organisation-neutral "TeamsCrm" and https://BOT_DOMAIN/.</item>
/// </list>
/// </summary>
public sealed partial record AppPackageValues(IReadOnlyDictionary<string, string> Placeholders)
{
    public static readonly string[] Names = ["BOT_ID", "BOT_DOMAIN", "APP_VERSION", "TEAMS_APP_ID", "PUBLISHER_NAME", "PUBLISHER_URL", "PRIVACY_URL", "TERMS_URL"];

    /// <summary>The values, or the list of what is missing or malformed (each a line to show the admin).</summary>
    public static (AppPackageValues? Values, IReadOnlyList<string> Problems) From(Func<string, string?> environment)
    {
        string? Read(string name) => environment(name) is { } v && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
        var problems = new List<string>();

        var botId = Read("BOT_ID");
        if (botId is null) problems.Add("BOT_ID is missing: the Azure Bot's app id (the managed identity's client id).");
        else if (!Guid.TryParse(botId, out _)) problems.Add($"BOT_ID '{botId}' is not a GUID.");

        var domain = Read("BOT_DOMAIN");
        if (domain is null) problems.Add("BOT_DOMAIN is missing: the bot's host name, e.g. app-teamscrm.azurewebsites.net.");
        else if (!HostName().IsMatch(domain)) problems.Add($"BOT_DOMAIN '{domain}' is not a host name (no https://, no path, no port).");

        var version = Read("APP_VERSION") ?? "1.0.0";
        if (!SemVer().IsMatch(version)) problems.Add($"APP_VERSION '{version}' is not a version like 1.2.3.");

        var appId = Read("TEAMS_APP_ID") ?? botId;
        if (appId is not null && !Guid.TryParse(appId, out _)) problems.Add($"TEAMS_APP_ID '{appId}' is not a GUID.");

        var site = $"https://{domain}/";
        var values = new Dictionary<string, string>
        {
            ["BOT_ID"] = botId ?? "", ["BOT_DOMAIN"] = domain ?? "", ["APP_VERSION"] = version, ["TEAMS_APP_ID"] = appId ?? "",
            ["PUBLISHER_NAME"] = Read("PUBLISHER_NAME") ?? "TeamsCrm",
            ["PUBLISHER_URL"] = Read("PUBLISHER_URL") ?? site,
            ["PRIVACY_URL"] = Read("PRIVACY_URL") ?? Read("PUBLISHER_URL") ?? site,
            ["TERMS_URL"] = Read("TERMS_URL") ?? Read("PUBLISHER_URL") ?? site,
        };
        foreach (var key in new[] { "PUBLISHER_URL", "PRIVACY_URL", "TERMS_URL" })
            if (!Uri.TryCreate(values[key], UriKind.Absolute, out var url) || url.Scheme != "https")
                problems.Add($"{key} '{values[key]}' is not an https address.");
        if (values["PUBLISHER_NAME"].Length > 32) problems.Add("PUBLISHER_NAME is longer than the 32 characters Teams allows.");
        return problems.Count > 0 ? (null, problems) : (new AppPackageValues(values), problems);
    }

    // A DNS name: labels of letters, digits and hyphens, at least one dot (Teams wants the real host, not localhost).
    [GeneratedRegex(@"^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$")]
    private static partial Regex HostName();

    [GeneratedRegex(@"^\d+\.\d+\.\d+([-+][0-9A-Za-z.-]+)?$")]
    private static partial Regex SemVer();
}
