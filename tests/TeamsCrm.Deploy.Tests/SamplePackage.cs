using System.IO.Compression;
using System.Text.Json.Nodes;
using TeamsCrm.Bot.Packaging;
using TeamsCrm.TestSupport;

namespace TeamsCrm.Deploy.Tests;

/// <summary>The app package built the way an admin builds it, from sample environment values.</summary>
public static class SamplePackage
{
    public const string BotId = "3f6b1c2d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    public const string Domain = "app-teamscrm-contoso.azurewebsites.net";

    public static Dictionary<string, string?> Environment() => new()
    {
        ["BOT_ID"] = BotId, ["BOT_DOMAIN"] = Domain, ["APP_VERSION"] = "1.4.2",
    };

    public static AppPackageValues Values(Dictionary<string, string?>? environment = null) =>
        AppPackageValues.From(n => (environment ?? Environment()).GetValueOrDefault(n)).Values
        ?? throw new InvalidOperationException("The sample values were refused.");

    public static string ManifestFolder => Repo.Path("manifest");

    public static JsonObject Manifest() =>
        JsonNode.Parse(AppPackage.Manifest(File.ReadAllText(Path.Combine(ManifestFolder, "manifest.json")), Values()))!.AsObject();

    public static JsonObject Localization() => JsonNode.Parse(File.ReadAllText(Path.Combine(ManifestFolder, "zh-CN.json")))!.AsObject();

    public static ZipArchive Zip()
    {
        var stream = new MemoryStream();
        AppPackage.Write(ManifestFolder, Values(), stream);
        stream.Position = 0;
        return new ZipArchive(stream, ZipArchiveMode.Read);
    }
}
