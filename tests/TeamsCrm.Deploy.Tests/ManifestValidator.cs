using System.Text.Json;
using System.Text.Json.Nodes;
using TeamsCrm.TestSupport;

namespace TeamsCrm.Deploy.Tests;

/// <summary>
/// Runs manifests and localisation files through tests/deploy/validate-manifest.js (ajv on the official Teams schemas)
/// in one Node process, and returns each document's problems. Needs `npm ci` at the repository root.
/// </summary>
public static class ManifestValidator
{
    public static async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> ValidateAsync(params (string Name, string Kind, JsonNode Json)[] documents)
    {
        if (!Directory.Exists(Repo.Path("node_modules", "ajv-draft-04")))
            throw new InvalidOperationException("The JSON schema validator is not installed: run `npm ci` at the repository root.");
        var schemas = await TeamsSchemas.FolderAsync();
        var input = new JsonArray(documents.Select(d => (JsonNode)new JsonObject { ["name"] = d.Name, ["kind"] = d.Kind, ["json"] = d.Json.DeepClone() }).ToArray());

        var output = await NodeScript.RunAsync(Repo.Path("tests", "deploy", "validate-manifest.js"), [schemas], input);

        var results = JsonSerializer.Deserialize<List<Result>>(output, new JsonSerializerOptions(JsonSerializerDefaults.Web)) ?? [];
        return results.ToDictionary(r => r.Name, r => (IReadOnlyList<string>)r.Problems);
    }

    sealed record Result(string Name, List<string> Problems);
}
