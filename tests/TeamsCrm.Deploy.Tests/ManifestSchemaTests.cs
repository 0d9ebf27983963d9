using System.Text.Json.Nodes;

namespace TeamsCrm.Deploy.Tests;

/// <summary>The manifest, filled in as the package command fills it, against the official Teams schema.</summary>
public class ManifestSchemaTests
{
    [Fact]
    public async Task The_filled_in_manifest_and_its_zh_CN_strings_meet_the_official_schema()
    {
        var problems = await ManifestValidator.ValidateAsync(
            ("manifest", "manifest", SamplePackage.Manifest()), ("zh-CN", "localization", SamplePackage.Localization()));

        Assert.Empty(problems["manifest"]);
        Assert.Empty(problems["zh-CN"]);
    }

    [Fact]
    public async Task A_broken_manifest_is_refused_by_the_schema()
    {
        var broken = SamplePackage.Manifest();
        broken["bots"]![0]!["scopes"]!.AsArray().Add("everywhere");
        broken.Remove("icons");
        var localization = SamplePackage.Localization();
        localization["name.short"] = "a name far longer than the thirty characters Teams allows";

        var problems = await ManifestValidator.ValidateAsync(("broken", "manifest", broken), ("zh-CN", "localization", localization));

        Assert.Contains(problems["broken"], p => p.Contains("icons", StringComparison.Ordinal));
        Assert.Contains(problems["broken"], p => p.StartsWith("/bots/0/scopes/3", StringComparison.Ordinal));
        Assert.Contains(problems["zh-CN"], p => p.StartsWith("/name.short", StringComparison.Ordinal));
    }

    [Fact]
    public void The_manifest_is_on_the_schema_version_the_test_validates_against()
    {
        var manifest = SamplePackage.Manifest();
        Assert.Equal(TeamsSchemas.ManifestVersion, (string?)manifest["manifestVersion"]);
        Assert.EndsWith($"/v{TeamsSchemas.ManifestVersion}/MicrosoftTeams.schema.json", (string?)manifest["$schema"], StringComparison.Ordinal);
        Assert.EndsWith($"/v{TeamsSchemas.ManifestVersion}/MicrosoftTeams.Localization.schema.json", (string?)SamplePackage.Localization()["$schema"], StringComparison.Ordinal);
    }

    [Fact]
    public void The_bot_is_reachable_in_personal_chats_teams_and_group_chats_on_its_own_domain()
    {
        var manifest = SamplePackage.Manifest();
        var bot = manifest["bots"]![0]!;
        Assert.Equal(SamplePackage.BotId, (string?)bot["botId"]);
        Assert.Equal(["personal", "team", "groupChat"], bot["scopes"]!.AsArray().Select(s => (string?)s));
        Assert.Equal([SamplePackage.Domain], manifest["validDomains"]!.AsArray().Select(d => (string?)d));   // the check-in dialog's page too
        Assert.Equal(["geolocation"], manifest["devicePermissions"]!.AsArray().Select(d => (string?)d));   // the check-in asks the device
        Assert.Equal(SamplePackage.BotId, (string?)manifest["webApplicationInfo"]!["id"]);
        Assert.Equal("1.4.2", (string?)manifest["version"]);
        Assert.Equal(SamplePackage.BotId, (string?)manifest["id"]);   // TEAMS_APP_ID defaults to the bot's id
        Assert.Equal([("zh-cn", "zh-CN.json")], manifest["localizationInfo"]!["additionalLanguages"]!.AsArray()
            .Select(l => ((string?)l!["languageTag"], (string?)l["file"])));
    }

    [Fact]
    public void No_placeholder_is_left_and_a_value_cannot_break_the_json()
    {
        var environment = SamplePackage.Environment();
        environment["PUBLISHER_NAME"] = "Contoso \"Field\" Sales";
        var manifest = JsonNode.Parse(TeamsCrm.Bot.Packaging.AppPackage.Manifest(
            File.ReadAllText(Path.Combine(SamplePackage.ManifestFolder, "manifest.json")), SamplePackage.Values(environment)))!;

        Assert.DoesNotContain("${{", manifest.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("Contoso \"Field\" Sales", (string?)manifest["developer"]!["name"]);
    }
}
