using System.Text.Json.Nodes;
using TeamsCrm.TestSupport;

namespace TeamsCrm.Deploy.Tests;

/// <summary>
/// Several instances: the plan runs instanceCount of them, the bot is told how many (Host__Instances, so that it refuses
/// to start without a shared key), the download-link key reaches every instance as a secure parameter, never a file, and
/// above one instance they share a Redis (Scale__Redis).
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

    [Fact]
    public async Task Above_one_instance_a_TLS_only_Redis_is_deployed_and_its_connection_string_is_Scale__Redis()
    {
        var template = await InfrastructureTests.TemplateAsync();
        var scaledOut = "[greater(parameters('instanceCount'), 1)]";
        Assert.Equal(scaledOut, (string?)template["variables"]!["scaledOut"]);   // 1 instance: false, 2 or more: true

        var resources = await InfrastructureTests.ResourcesAsync();
        var redis = resources.Single(r => (string?)r["type"] == "Microsoft.Cache/redis");
        Assert.Equal("[variables('scaledOut')]", (string?)redis["condition"]);    // one instance: no Redis at all
        var properties = redis["properties"]!;
        Assert.False((bool?)properties["enableNonSslPort"]);
        Assert.Equal("1.2", (string?)properties["minimumTlsVersion"]);
        Assert.Equal(("C", 0), ((string?)properties["sku"]!["family"], (int?)properties["sku"]!["capacity"]));

        // The setting exists only on the scaled-out side of the condition; one instance gets an empty list instead.
        var settings = (string?)resources.Single(r => (string?)r["type"] == "Microsoft.Web/sites")["properties"]!["siteConfig"]!["appSettings"] ?? "";
        var scale = settings[settings.IndexOf("if(variables('scaledOut'), createArray(createObject('name', 'Scale__Redis', 'value', ", StringComparison.Ordinal)..];
        Assert.StartsWith("if(variables('scaledOut')", scale, StringComparison.Ordinal);
        var value = scale[..scale.IndexOf(")), createArray())", StringComparison.Ordinal)];
        Assert.Contains("reference(resourceId('Microsoft.Cache/redis'", value, StringComparison.Ordinal);
        Assert.Contains(").hostName, ", value, StringComparison.Ordinal);
        Assert.Contains(").sslPort, ", value, StringComparison.Ordinal);   // 6380, TLS
        Assert.Contains("listKeys(resourceId('Microsoft.Cache/redis'", value, StringComparison.Ordinal);
        Assert.Contains("primaryKey", value, StringComparison.Ordinal);
        Assert.Contains("'{0}:{1},password={2},ssl=True,abortConnect=False'", value, StringComparison.Ordinal);
        Assert.Equal(2, settings.Split("Scale__Redis").Length);   // named once: on no other path
    }
}
