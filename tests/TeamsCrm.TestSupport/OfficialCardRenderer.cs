using System.Text.Json;
using System.Text.Json.Nodes;

namespace TeamsCrm.TestSupport;

/// <summary>
/// Runs cards through the official Adaptive Cards renderer (npm "adaptivecards", via tests/cards/validate-cards.js)
/// in one Node process per batch, and returns each card's problems. Needs `npm ci` at the repository root.
/// </summary>
public static class OfficialCardRenderer
{
    public static async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> ValidateAsync(IEnumerable<(string Name, JsonObject Card)> cards)
    {
        if (!System.IO.Directory.Exists(Repo.Path("node_modules", "adaptivecards")))
            throw new InvalidOperationException("The official renderer is not installed: run `npm ci` at the repository root.");
        var input = new JsonArray(cards.Select(c => (JsonNode)new JsonObject { ["name"] = c.Name, ["card"] = c.Card.DeepClone() }).ToArray());

        var output = await NodeScript.RunAsync(Repo.Path("tests", "cards", "validate-cards.js"), [], input);

        var results = JsonSerializer.Deserialize<List<Result>>(output, new JsonSerializerOptions(JsonSerializerDefaults.Web)) ?? [];
        return results.ToDictionary(r => r.Name, r => (IReadOnlyList<string>)r.Problems);
    }

    sealed record Result(string Name, List<string> Problems);
}
