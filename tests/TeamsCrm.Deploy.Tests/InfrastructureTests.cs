using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using TeamsCrm.TestSupport;

namespace TeamsCrm.Deploy.Tests;

/// <summary>
/// infra/main.bicep compiles and lints clean with the Bicep CLI (which knows every resource type's properties offline),
/// and the template it makes wires what the bot needs: the managed identity as the bot's identity, and its settings.
/// </summary>
public partial class InfrastructureTests
{
    static readonly string Main = Repo.Path("infra", "main.bicep");

    [Fact]
    public async Task The_bicep_builds_and_lints_without_a_warning()
    {
        var lint = await Bicep.RunAsync("lint", Main);
        Assert.True(lint.ExitCode == 0 && lint.Errors.Length == 0, lint.Errors);
        var parameters = await Bicep.RunAsync("build-params", Repo.Path("infra", "main.bicepparam"), "--stdout");
        Assert.True(parameters.ExitCode == 0 && parameters.Errors.Length == 0, parameters.Errors);
    }

    [Fact]
    public async Task A_property_the_resource_type_does_not_have_is_caught()
    {
        var broken = Path.Combine(Path.GetTempPath(), "teamscrm-tests", Guid.NewGuid() + ".bicep");
        Directory.CreateDirectory(Path.GetDirectoryName(broken)!);
        await File.WriteAllTextAsync(broken, (await File.ReadAllTextAsync(Main)).Replace("msaAppType: 'UserAssignedMSI'", "msaAppKind: 'UserAssignedMSI'", StringComparison.Ordinal));
        try
        {
            var lint = await Bicep.RunAsync("lint", broken);
            Assert.Contains("BCP037", lint.Errors, StringComparison.Ordinal);
        }
        finally { File.Delete(broken); }
    }

    [Fact]
    public async Task The_bot_is_single_tenant_on_the_user_assigned_identity_with_the_Teams_channel()
    {
        var resources = await ResourcesAsync();
        var bot = resources.Single(r => (string?)r["type"] == "Microsoft.BotService/botServices")["properties"]!;
        Assert.Equal("UserAssignedMSI", (string?)bot["msaAppType"]);
        Assert.Contains("userAssignedIdentities", (string?)bot["msaAppMSIResourceId"], StringComparison.Ordinal);
        Assert.Contains("/api/messages", (string?)bot["endpoint"], StringComparison.Ordinal);
        var channel = resources.Single(r => (string?)r["type"] == "Microsoft.BotService/botServices/channels")["properties"]!;
        Assert.Equal("MsTeamsChannel", (string?)channel["channelName"]);

        var site = resources.Single(r => (string?)r["type"] == "Microsoft.Web/sites");
        Assert.Equal("UserAssigned", (string?)site["identity"]!["type"]);
        Assert.Equal("DOTNETCORE|10.0", (string?)site["properties"]!["siteConfig"]!["linuxFxVersion"]);
        Assert.Equal("/health/ready", (string?)site["properties"]!["siteConfig"]!["healthCheckPath"]);
    }

    [Fact]
    public async Task Every_app_setting_of_the_bot_is_a_key_the_README_documents()
    {
        // The compiled template holds the settings as ARM expressions: read their names from the Bicep source.
        var names = SettingName().Matches(await File.ReadAllTextAsync(Main)).Select(m => m.Groups[1].Value).Distinct().ToList();
        var readme = await File.ReadAllTextAsync(Repo.Path("README.md"));
        // Platform settings read by App Service, .NET or the monitoring agent, not by TeamsCrm's own code.
        string[] platform = ["WEBSITES_PORT", "APPLICATIONINSIGHTS_CONNECTION_STRING", "ApplicationInsightsAgent_EXTENSION_VERSION", "OTEL_SERVICE_NAME"];

        Assert.Contains("Archive__Provider", names);
        Assert.Contains("Bot__ManagedIdentityClientId", names);
        foreach (var name in names.Except(platform))
        {
            var key = Regex.Replace(name.Replace("__", ":", StringComparison.Ordinal), @":(\d+|\$\{[^}]*\})$", "");   // list items and role names
            key = Regex.Replace(key, @"RoleGroups(:.*)?$", "RoleGroups:<Role>");
            Assert.True(readme.Contains($"`{key}`", StringComparison.Ordinal), $"README's configuration table lacks `{key}` (app setting {name})");
        }
    }

    internal static async Task<List<JsonNode>> ResourcesAsync() => ResourcesOf(await TemplateAsync());

    internal static async Task<JsonNode> TemplateAsync()
    {
        var build = await Bicep.RunAsync("build", Main, "--stdout");
        Assert.True(build.ExitCode == 0, build.Errors);
        return JsonNode.Parse(build.Output)!;
    }

    static List<JsonNode> ResourcesOf(JsonNode template)
    {
        var resources = template["resources"]!;
        return resources is JsonArray array ? [.. array.Select(r => r!)] : [.. resources.AsObject().Select(p => p.Value!)];
    }

    [GeneratedRegex(@"\{ name: '([^']+)', value:")]
    private static partial Regex SettingName();
}
