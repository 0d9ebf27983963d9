using System.Text.Json.Nodes;
using TeamsCrm.Bot.Packaging;

namespace TeamsCrm.Deploy.Tests;

/// <summary>The package command: the zip Teams accepts, from environment values, and clear refusals.</summary>
public class AppPackageTests
{
    [Fact]
    public void The_zip_holds_the_manifest_strings_and_icons_at_its_root()
    {
        using var zip = SamplePackage.Zip();
        Assert.Equal(["manifest.json", "zh-CN.json", "color.png", "outline.png"], zip.Entries.Select(e => e.FullName));
        using var manifest = zip.GetEntry("manifest.json")!.Open();
        var json = JsonNode.Parse(manifest)!;
        Assert.Equal(SamplePackage.BotId, (string?)json["bots"]![0]!["botId"]);
        Assert.Equal("color.png", (string?)json["icons"]!["color"]);
        Assert.Equal("outline.png", (string?)json["icons"]!["outline"]);
        Assert.Equal(new FileInfo(Path.Combine(SamplePackage.ManifestFolder, "color.png")).Length, zip.GetEntry("color.png")!.Length);
    }

    [Fact]
    public void The_command_writes_the_package_from_the_environment()
    {
        var output = Path.Combine(Path.GetTempPath(), "teamscrm-tests", Guid.NewGuid() + ".zip");
        var environment = SamplePackage.Environment();
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        try
        {
            var code = PackageCommand.Run(["--out", output, "--manifest", SamplePackage.ManifestFolder], n => environment.GetValueOrDefault(n), stdout, stderr);

            Assert.Equal(0, code);
            Assert.Empty(stderr.ToString());
            Assert.Contains(SamplePackage.Domain, stdout.ToString(), StringComparison.Ordinal);
            using var zip = System.IO.Compression.ZipFile.OpenRead(output);
            Assert.Equal(4, zip.Entries.Count);
        }
        finally { File.Delete(output); }
    }

    [Theory]
    [InlineData("BOT_ID", null, "BOT_ID is missing")]
    [InlineData("BOT_ID", "my-bot", "BOT_ID 'my-bot' is not a GUID")]
    [InlineData("BOT_DOMAIN", "https://app.example.com/api", "is not a host name")]
    [InlineData("BOT_DOMAIN", null, "BOT_DOMAIN is missing")]
    [InlineData("APP_VERSION", "v2", "APP_VERSION 'v2' is not a version")]
    [InlineData("PRIVACY_URL", "http://example.com/privacy", "PRIVACY_URL 'http://example.com/privacy' is not an https address")]
    public void A_missing_or_malformed_value_is_refused_with_what_to_fix_and_no_package(string name, string? value, string message)
    {
        var environment = SamplePackage.Environment();
        environment[name] = value;
        var output = Path.Combine(Path.GetTempPath(), "teamscrm-tests", Guid.NewGuid() + ".zip");
        var stderr = new StringWriter();

        var code = PackageCommand.Run(["--out", output, "--manifest", SamplePackage.ManifestFolder], n => environment.GetValueOrDefault(n), TextWriter.Null, stderr);

        Assert.Equal(1, code);
        Assert.Contains(message, stderr.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }
}
