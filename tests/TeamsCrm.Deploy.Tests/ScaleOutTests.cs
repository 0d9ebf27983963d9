using System.Text.Json.Nodes;
using TeamsCrm.TestSupport;

namespace TeamsCrm.Deploy.Tests;

/// <summary>
/// Several instances: the plan runs instanceCount of them, the bot is told how many (Host__Instances, so that it refuses
/// to start without a shared key), and the download-link key reaches every instance as a secure parameter, never a file.
/// </summary>
public class ScaleOutTests
{
    [Fact]
    public async Task The_plan_runs_instanceCount_instances_and_the_bot_gets_the_count_and_a_secret_signing_key()
    {
        var template = await InfrastructureTests.TemplateAsync();
        var parameters = template["parameters"]!;
        Assert.Equal(("int", 1), ((string?)parameters["instanceCount"]!["type"], (int?)parameters["instanceCount"]!["defaultValue"]));
        Assert.Equal("securestring", (string?)parameters["exportSigningKey"]!["type"]);
        Assert.Contains("newGuid()", (string?)parameters["exportSigningKey"]!["defaultValue"], StringComparison.Ordinal);   // made per deployment, not written down

        var resources = await InfrastructureTests.ResourcesAsync();
        var plan = resources.Single(r => (string?)r["type"] == "Microsoft.Web/serverfarms");
        Assert.Equal("[parameters('instanceCount')]", (string?)plan["sku"]!["capacity"]);
        var settings = (string?)resources.Single(r => (string?)r["type"] == "Microsoft.Web/sites")["properties"]!["siteConfig"]!["appSettings"];
        Assert.Contains("createObject('name', 'Host__Instances', 'value', string(parameters('instanceCount')))", settings, StringComparison.Ordinal);
        Assert.Contains("createObject('name', 'Export__SigningKey', 'value', parameters('exportSigningKey'))", settings, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_parameters_file_holds_no_signing_key()
    {
        var built = await Bicep.RunAsync("build-params", Repo.Path("infra", "main.bicepparam"), "--stdout");
        Assert.True(built.ExitCode == 0, built.Errors);
        var values = JsonNode.Parse((string)JsonNode.Parse(built.Output)!["parametersJson"]!)!["parameters"]!.AsObject();
        Assert.False(values.ContainsKey("exportSigningKey"));
        Assert.Equal(1, (int?)values["instanceCount"]!["value"]);
    }
}
